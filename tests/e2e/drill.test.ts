import { describe, expect, inject, it } from 'vitest';
import { DRILL_MIN_CHANGE_MS, drillReport } from '../../src/domain/index.js';
import { readDrillResults, sessionLink, verifyResultFile } from '../../src/delivery/index.js';
import { browserForFile, screenshot } from '../helpers/browser.js';
import { TECHNIQUE_IDS } from '../helpers/delivery.js';
import { signedDrill } from '../helpers/drill-readers.js';
import { normalise, playSignedDrill, type FilmSeen, type PlayedDrill } from '../helpers/drill-play.js';

/**
 * Readiness drills played in Chromium from signed links, as a reader plays them (issue 16): an unprompted and a
 * prompted drill of 20 films at prevalence 0.1. Before the end nothing on the page, in the top bar, the status line or
 * the tab title may differ between a fake and an authentic film; the debrief's and the lead's report's counts must be
 * the answers given; the AI-hint arm's conditions must be balanced.
 */
const OUTCOME = /\b(correct|wrong|incorrect|caught|missed|cleared|accuracy|sensitivity|specificity|points?|streak|was (real|fake|authentic))\b/i;

/** What must be the same for every film whatever its truth (the AI badge aside, which is the arm's manipulation). */
function sameForEveryFilm(films: readonly FilmSeen[]): void {
  const views = new Set(films.map((f) => [normalise(f.hud), normalise(f.status), f.title, normalise(f.panel)].join('\n')));
  expect(views.size, 'the screen before an answer differs between films').toBe(1);
  // The page's words at first sight of a film, with the badge line taken out.
  const pages = new Set(films.map((f) => normalise(f.page.replace(f.badge ?? '\u0000', ''))));
  expect(pages.size).toBe(1);
  // The last answer's words run on into the review, which is the end: only the words before it are checked.
  for (const f of films) for (const text of [f.page, f.hud, f.status, f.title, f.given.replace(/ Review of the worklist.*$/, '')]) expect(text).not.toMatch(OUTCOME);
  // The words after an answer depend on the answer only: the same answer reads the same on a fake and an authentic film.
  const byAnswer = new Map<string, Set<string>>();
  for (const f of films) byAnswer.set(JSON.stringify(f.answer), (byAnswer.get(JSON.stringify(f.answer)) ?? new Set()).add(normalise(f.given.replace(/ Review of the worklist.*$/, ''))));
  for (const [, said] of byAnswer) expect(said.size).toBe(1);
}

/** The pace: every film change waits at least the drill's minimum; the means for fakes and authentic films are logged. */
function pace(films: readonly FilmSeen[], label: string): void {
  const changes = films.filter((f) => f.changeMs !== null);
  for (const f of changes) expect(f.changeMs as number).toBeGreaterThanOrEqual(DRILL_MIN_CHANGE_MS - 50);
  const mean = (xs: number[]): string => (xs.length === 0 ? 'n/a' : `${Math.round(xs.reduce((a, b) => a + b, 0) / xs.length)} ms`);
  console.info(`${label}: film change ${mean(changes.filter((f) => f.fact.fake).map((f) => f.changeMs as number))} before fakes, ${mean(changes.filter((f) => !f.fact.fake).map((f) => f.changeMs as number))} before authentic films (n = ${changes.length})`);
}

const count = (films: readonly FilmSeen[], p: (f: FilmSeen) => boolean): number => films.filter(p).length;

describe('readiness drills in the browser', () => {
  const base = inject('baseURL');
  const browser = browserForFile({ width: 1400, height: 900 });
  const played: PlayedDrill[] = [];

  it('an unprompted drill tells nothing before the end, and its debrief counts the answers given', async () => {
    const { page } = browser.b;
    const signed = await signedDrill({ cases: 20, prevalence: 0.1, seed: 11, title: 'Tuesday chest list', issuedAt: Date.parse('2026-05-05T08:00:00Z'), sessionId: '33333333-3333-4333-8333-333333333333' });
    // A reader who flags half the fakes (naming the right kind of tell on one) and one authentic film in ten.
    let fakesSeen = 0;
    const d = await playSignedDrill(page, base, signed, 'Ana', ({ fact, index }) => {
      if (fact.fake) return { flag: fakesSeen++ % 2 === 0, tell: fact.tellCategories[0] ?? null };
      return { flag: index % 10 === 3, tell: 'metadata' };
    }, async (i) => {
      if (i === 0) await screenshot(page, 'drill-10-unprompted-reading');
      if (i === 1) {
        // The menu offers neither the atlas nor the results list, and their keys open nothing, before the review.
        await page.keyboard.press('Escape');
        await page.waitForSelector('#btn-resume');
        expect(await page.$$('#btn-menu-atlas, #btn-menu-history')).toHaveLength(0);
        await page.keyboard.press('a');
        await page.keyboard.press('r');
        expect(await page.$$('#history-list, #atlas-body')).toHaveLength(0);
        await page.keyboard.press('Escape');
        await page.waitForSelector('#btn-resume', { state: 'detached' });
      }
    });
    played.push(d);
    expect(d.briefing).toMatch(/reading exercise/i);
    expect(d.briefing).not.toMatch(/fake|synthetic drill|deepfake|prevalence|\d+%/i);
    expect(d.films[0]!.title).toBe('Reading exercise');
    expect(d.films.every((f) => f.badge === null)).toBe(true);
    sameForEveryFilm(d.films);
    pace(d.films, 'unprompted');
    await screenshot(page, 'drill-11-unprompted-debrief');
    const fakes = count(d.films, (f) => f.fact.fake);
    const flaggedFakes = count(d.films, (f) => f.fact.fake && f.answer.flag);
    const falseFlags = count(d.films, (f) => !f.fact.fake && f.answer.flag);
    expect(fakes).toBeGreaterThan(0);
    expect(d.debrief).toMatch(/This reading exercise was also a readiness drill/);
    expect(d.debrief).toContain(`Fakes noticed (flagged)${flaggedFakes} of ${fakes}`);
    expect(d.debrief).toContain(`False flags on authentic films${falseFlags} of ${20 - fakes}`);
    expect(browser.b.pageErrors).toEqual([]);
  });

  it('a prompted drill with the AI-hint arm: nothing told before the end, badges balanced, accuracy by condition as answered', async () => {
    const { page } = await browser.fresh();
    const signed = await signedDrill({ cases: 20, prevalence: 0.1, seed: 13, prompted: true, aiHint: 0.8, title: 'Thursday chest list', issuedAt: Date.parse('2026-05-07T08:00:00Z'), sessionId: '44444444-4444-4444-8444-444444444444' });
    // A reader who trusts the badge when there is one and otherwise calls every fake correctly.
    const d = await playSignedDrill(page, base, signed, 'Ben', ({ fact, badge }) => ({
      flag: badge ? /possible manipulation/.test(badge) : fact.fake, tell: fact.tellCategories[0] ?? 'anatomical',
    }), async (i) => {
      if (i === 1) await screenshot(page, 'drill-12-prompted-reading');
    });
    played.push(d);
    expect(d.briefing).toMatch(/any number of them, possibly none/);
    expect(d.briefing).not.toMatch(/\d+%|prevalence/i);
    sameForEveryFilm(d.films);
    pace(d.films, 'prompted');
    const hinted = d.films.filter((f) => f.badge !== null);
    const fakes = d.films.filter((f) => f.fact.fake);
    // Exactly half the films carry a badge, and half the fakes (a coin for an odd count).
    expect(hinted.length).toBe(10);
    expect(Math.abs(count(hinted, (f) => f.fact.fake) - fakes.length / 2)).toBeLessThanOrEqual(0.5);
    const right = (f: FilmSeen): boolean => /possible manipulation/.test(f.badge ?? '') === f.fact.fake;
    // Right on 80% within the fakes and within the authentic films, rounded by chance for each.
    expect(count(hinted, right)).toBeGreaterThanOrEqual(7);
    expect(count(hinted, right)).toBeLessThanOrEqual(9);
    await screenshot(page, 'drill-13-prompted-debrief');
    const correct = (f: FilmSeen): boolean => f.answer.flag === f.fact.fake;
    const pct = (k: number, n: number): string => `${Math.round((100 * k) / n)}% correct (${k} of ${n})`;
    const wrong = hinted.filter((f) => !right(f));
    expect(d.debrief).toContain(`Badge right${pct(count(hinted.filter(right), correct), hinted.length - wrong.length)}`);
    if (wrong.length > 0) expect(d.debrief).toContain(`Badge wrong${pct(count(wrong, correct), wrong.length)}`);
    expect(d.debrief).toContain(`No badge${pct(count(d.films.filter((f) => !f.badge), correct), 10)}`);
    expect(browser.b.pageErrors).toEqual([]);
  });

  it('the link opened again after the end offers only the signed result file of that run: no second attempt', async () => {
    const { page } = browser.b;
    const signed = await signedDrill({ cases: 20, prevalence: 0.1, seed: 13, prompted: true, aiHint: 0.8, title: 'Thursday chest list', issuedAt: Date.parse('2026-05-07T08:00:00Z'), sessionId: '44444444-4444-4444-8444-444444444444' });
    await page.goto('about:blank');
    await page.goto(`${base}${sessionLink(signed)}`);
    await page.waitForSelector('#drill-ended');
    expect(await page.textContent('#drill-ended')).toMatch(/finished this exercise.*cannot be started again/);
    expect(await page.$$('#btn-drill-start, #drill-reader-name')).toHaveLength(0);
    await screenshot(page, 'drill-15-ended');
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const file = await download;
    const { readFileSync } = await import('node:fs');
    const check = await verifyResultFile(new Uint8Array(readFileSync(await file.path())), null);
    if (!check.ok) throw new Error(check.message);
    const first = await verifyResultFile(played[1]!.file.bytes, null);
    if (!first.ok) throw new Error(first.message);
    expect(check.file.result.answers).toEqual(first.file.result.answers);
    expect(check.file.result.startedAt).toBe(first.file.result.startedAt);
    expect(await page.$('#main[data-screen="title"]')).not.toBeNull();
    expect(browser.b.pageErrors).toEqual([]);
  });

  it("the lead's report reads both result files and counts what was answered, with the trend across the two drills", async () => {
    expect(played).toHaveLength(2);
    const { page } = await browser.fresh();
    await page.goto(base);
    await page.waitForSelector('#main[data-screen="title"]');
    await page.keyboard.press('w');
    await page.waitForSelector('#drill-report[role="dialog"]');
    await page.setInputFiles('#drill-files', played.map((p) => ({ name: p.file.name, mimeType: 'application/json', buffer: Buffer.from(p.file.bytes) })));
    await page.waitForSelector('.drill-trend');
    await screenshot(page, 'drill-14-report');
    const text = (await page.textContent('#drill-report')) ?? '';
    const rows = await page.$$eval('.drill-readers tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())));
    for (const [p, name] of [[played[0]!, 'Ana'], [played[1]!, 'Ben']] as const) {
      const fakes = count(p.films, (f) => f.fact.fake);
      const row = rows.find((r) => r[0] === name);
      expect(row?.slice(1, 3)).toEqual([`${count(p.films, (f) => f.fact.fake && f.answer.flag)} of ${fakes}`, `${count(p.films, (f) => !f.fact.fake && f.answer.flag)} of ${20 - fakes}`]);
    }
    expect(text).toMatch(/Prevalence set at 10%/);
    expect(text).toMatch(/41% of radiologists/);
    // The page's figures are the command line's: the same files through the same intake.
    const intake = await readDrillResults(played.map((p) => ({ name: p.file.name, bytes: p.file.bytes })), { techniques: TECHNIQUE_IDS, manifestFor: async () => null });
    const rep = drillReport(intake.runs);
    expect(rep.trend.map((t) => t.title)).toEqual(['Tuesday chest list', 'Thursday chest list']);
    expect(text).toContain(`Tell named`);
    expect(rep.runs[0]!.readers[0]!.tellNamedRight).toBe(count(played[0]!.films, (f) => f.fact.fake && f.answer.flag && f.answer.tell !== null && f.fact.tellCategories.includes(f.answer.tell as never)));
    expect(browser.b.pageErrors).toEqual([]);
  });
});
