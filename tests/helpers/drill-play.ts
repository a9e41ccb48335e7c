import type { Page } from 'playwright-core';
import { caseFacts, planSessionDeck, sessionLink, type CaseFact, type SignedSession } from '../../src/delivery/index.js';
import { TECHNIQUE_IDS } from './delivery.js';

/**
 * Plays a signed readiness drill in the browser the way a reader does: the link, a name, Enter, then per film the
 * keys (1/2 and F, or a rating) and a click on a kind of tell, Enter; at the end J saves the result file. Before each
 * answer it records everything a reader could see or hear described (page text, top bar, status line, tab title, the
 * side panel's markup) so a test can show none of it depends on the film's truth. The truth comes from the lead's
 * side (the deck plan) and is used only by the scripted reader's policy and the test's own checks.
 */
export interface FilmSeen {
  readonly caseId: string;
  readonly fact: CaseFact;
  readonly badge: string | null;
  readonly hud: string;
  readonly status: string;
  readonly title: string;
  readonly panel: string;
  readonly page: string;
  /** From the answer to the film before (its "Answer given") to this film's "Film k of n", in the page's clock (ms); null for the first. */
  readonly changeMs: number | null;
  readonly answer: { readonly flag: boolean; readonly tell: string | null; readonly key: string };
  readonly given: string;
}

export interface PlayedDrill {
  readonly films: readonly FilmSeen[];
  readonly briefing: string;
  readonly debrief: string;
  readonly file: { readonly name: string; readonly bytes: Uint8Array };
}

export type Policy = (f: { readonly fact: CaseFact; readonly badge: string | null; readonly index: number }) => { flag: boolean; tell?: string | null };

/** Numbers that only say where the reader is (case k, seconds left) become '#', so the rest can be compared. */
export const normalise = (s: string): string => s.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

export async function drillFacts(signed: SignedSession): Promise<Map<string, CaseFact>> {
  const plan = await planSessionDeck(signed.session, TECHNIQUE_IDS, null);
  return caseFacts(plan.rounds.flat(), TECHNIQUE_IDS, null);
}

export async function playSignedDrill(page: Page, base: string, signed: SignedSession, name: string, policy: Policy, onFilm?: (i: number) => Promise<void>): Promise<PlayedDrill> {
  const facts = await drillFacts(signed);
  const prompted = signed.session.mode.answer === 'rating';
  const n = signed.session.mode.casesPerRound;
  await page.goto(`${base}${sessionLink(signed)}`);
  await page.waitForSelector('#drill-reader-name');
  // Every status the page says, in order: a busy page may say "Answer given" and the next case between two polls.
  await page.evaluate(() => {
    const w = window as unknown as { __said: { t: number; text: string }[] };
    w.__said = [];
    const el = document.getElementById('game-status') as HTMLElement;
    new MutationObserver(() => w.__said.push({ t: performance.now(), text: el.textContent ?? '' })).observe(el, { childList: true, characterData: true, subtree: true });
  });
  await page.fill('#drill-reader-name', name);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#main[data-screen="briefing"]');
  const briefing = (await page.textContent('#main')) ?? '';
  await page.keyboard.press('Enter');
  const films: FilmSeen[] = [];
  let answeredAt: number | null = null;
  for (let i = 0; i < n; i++) {
    const shown = await page.waitForFunction((k) => (window as unknown as { __said: { t: number; text: string }[] }).__said.find((x) => x.text.startsWith(`Film ${k} of`))?.t ?? null, i + 1, { timeout: 60_000 });
    const changeMs = answeredAt === null ? null : ((await shown.jsonValue()) as number) - answeredAt;
    // The panel renders on the next frame after the status: wait until its answer controls are live.
    await page.waitForSelector(prompted ? '#btn-rate-1:not([disabled])' : '#btn-read-normal:not([disabled])');
    await page.waitForFunction(() => (document.querySelector('.viewer') as HTMLElement | null)?.dataset.imageId !== undefined);
    const seen = await page.evaluate(() => {
      const panel = document.querySelector('aside.side') as HTMLElement;
      const badge = document.getElementById('ai-badge')?.textContent ?? null;
      const clone = panel.cloneNode(true) as HTMLElement;
      clone.querySelector('#ai-badge')?.remove();
      return {
        caseId: ((document.querySelector('.viewer') as HTMLElement).dataset.imageId ?? '').replace(/^game:/, ''),
        badge, hud: document.querySelector('header.hud')?.textContent ?? '', status: document.getElementById('game-status')?.textContent ?? '',
        title: document.title, panel: clone.outerHTML,
        // innerText on purpose: the words a reader can see, not hidden ones.
        // biome-ignore lint/performance/useDomNodeTextContent: visible text is what is checked
        page: `${(document.getElementById('screen-base') as HTMLElement).innerText}\n${(document.getElementById('screen-dialogs') as HTMLElement).innerText}`,
      };
    });
    const fact = facts.get(seen.caseId);
    if (!fact) throw new Error(`playSignedDrill: film ${seen.caseId} is not in the drill's deck`);
    await onFilm?.(i);
    const choice = policy({ fact, badge: seen.badge, index: i });
    const key = prompted ? (choice.flag ? '5' : '2') : i % 3 === 0 ? '2' : '1';
    await page.keyboard.press(key);
    if (!prompted && choice.flag) await page.keyboard.press('f');
    const tell = choice.flag ? (choice.tell ?? null) : null;
    if (tell) await page.click(`#btn-tell-${tell}`);
    const before = await page.evaluate(() => (window as unknown as { __said: unknown[] }).__said.length);
    await page.keyboard.press('Enter');
    const handle = await page.waitForFunction((from) => (window as unknown as { __said: { t: number; text: string }[] }).__said.slice(from).find((x) => /^Answer given/.test(x.text)) ?? null, before);
    const given = (await handle.jsonValue()) as { t: number; text: string };
    answeredAt = given.t;
    films.push({ ...seen, fact, changeMs, answer: { flag: choice.flag, tell, key }, given: given.text });
  }
  await page.waitForSelector('#main[data-screen="roundReview"]');
  // One Enter leaves the review; a loop of Enters could press past the summary (rendered a frame after the store
  // moves there) to the title screen.
  await page.keyboard.press('Enter');
  await page.waitForSelector('#main[data-screen="summary"]');
  await page.waitForSelector('#drill-disclosure');
  const debrief = (await page.textContent('#main')) ?? '';
  const download = page.waitForEvent('download');
  await page.keyboard.press('j');
  const d = await download;
  const path = await d.path();
  const { readFileSync } = await import('node:fs');
  return { films, briefing, debrief, file: { name: d.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) } };
}
