import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDrill } from '../../src/cli/run-drill.js';
import { auIri, drillAnswerFromInteraction, drillWorklist, parseDrillModule, type DrillModule } from '../../src/lms/index.js';
import { screenshot } from '../helpers/browser.js';
import { Cmi5Lrs } from '../helpers/cmi5-lrs.js';
import { TECHNIQUES } from '../helpers/lms-module.js';
import { moduleInPlayer, moduleInTab, onScreen, press, recordStatus, statusLog, type ModuleScreen } from '../helpers/module-play.js';
import { flattenCmi, keepBesideScreenshots, serveModule } from '../helpers/module-fixture.js';

/**
 * A readiness drill packaged as an LMS module (npm run lms -- package --drill) and played by keys in its LMS: SCORM 1.2
 * in a scorm-again player, cmi5 with the cmi5 LMS/LRS fixture (every statement validated). Completion only, one
 * interaction per film, one finish, a reload mid-worklist that keeps the answers and the film's clock; then the lead's
 * drill report fed from what each LMS recorded.
 */
const LAUNCH = '/pkg/index.html?module=drill.json';
const DRILL = ['--drill', '--title', 'Chest list, week 23', '--cases', '6', '--prevalence', '0.3', '--seconds', '60', '--seed', '7', '--opens', '2026-01-01'];
const OUTCOME = /\b(correct|wrong|incorrect|caught|missed|cleared|accuracy|points?|streak|was (real|fake|authentic))\b/i;

/** The film on screen once its answer buttons are live (and not `after`, the film answered last). */
async function filmOnScreen(m: ModuleScreen, after: string | null): Promise<string> {
  const h = await m.frame.waitForFunction((prev) => {
    const id = (document.querySelector('.viewer') as HTMLElement | null)?.dataset.imageId?.replace(/^game:/, '');
    return id && id !== prev && document.querySelector('#btn-read-normal:not([disabled])') ? id : null;
  }, after, { timeout: 60_000 });
  return (await h.jsonValue()) as string;
}

/** Reads films `from`..`to` by keys: 2 (abnormal) and F on every third film, else 1 (normal); Enter. */
async function readFilms(m: ModuleScreen, from: number, to: number, last: string | null): Promise<{ film: string; flagged: boolean }[]> {
  const out: { film: string; flagged: boolean }[] = [];
  let prev = last;
  for (let i = from; i < to; i++) {
    const film = await filmOnScreen(m, prev);
    const flagged = i % 3 === 0;
    await press(m, flagged ? '2' : '1');
    if (flagged) await press(m, 'f');
    if (flagged && i === 0) await m.frame.locator('#btn-tell-texture-noise').click();
    await press(m, 'Enter');
    out.push({ film, flagged });
    prev = film;
  }
  return out;
}

/** From the last answer through the review to the debrief; the debrief's words. */
async function toDebrief(m: ModuleScreen): Promise<string> {
  await onScreen(m, 'roundReview', 120_000);
  while ((await m.frame.locator('#main[data-screen="summary"]').count()) === 0) {
    await press(m, 'Enter');
    await m.page.waitForTimeout(150);
  }
  await m.frame.waitForSelector('#drill-disclosure');
  return (await m.frame.locator('#main').textContent()) ?? '';
}

async function report(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runDrill(['report', ...args], { stdout: (t) => void (out += t), stderr: (t) => void (err += t) });
  return { code, out, err };
}

describe('a readiness drill as a SCORM 1.2 module in a scorm-again LMS', () => {
  const served = serveModule('scorm12', DRILL, { viewport: { width: 1300, height: 800 } });

  it('plays by keys to the debrief: completion only, a neutral interaction per film, a reload that keeps the clock, one finish; the report reads the record', async () => {
    const { lms, b, dir } = served;
    const drill: DrillModule = parseDrillModule(JSON.parse(readFileSync(join(dir, 'drill.json'), 'utf8')));
    const player = (resume: boolean) => lms.scormPlayerUrl('scorm12', LAUNCH, { resume, mastery: '' });
    await b.page.goto(player(false));
    let m = await moduleInPlayer(b.page, /index\.html\?module=drill\.json/);
    await onScreen(m, 'briefing'); // no join page, no reader key: the LMS's learner
    expect(await m.frame.locator('#main').textContent()).toMatch(/reading exercise/i);
    await recordStatus(m);
    await press(m, 'Enter');
    const first = await readFilms(m, 0, 2, null);
    const third = await filmOnScreen(m, first[1]!.film);
    await expect.poll(() => String(lms.lastCommit['suspend_data'])).toMatch(/^XD1\|[0-9a-z]+\|A[-t][0-9a-z]{3}n-[0-9a-z]{3}\|2\.[0-9a-z]+$/);
    const said = await statusLog(m);
    expect(said.filter((t) => OUTCOME.test(t))).toEqual([]);
    await b.page.waitForTimeout(4000); // the third film is on screen a while; then the window closes
    await b.page.goto(player(true));
    m = await moduleInPlayer(b.page, /index\.html\?module=drill\.json/);
    await onScreen(m, 'module-resume');
    expect(await m.frame.locator('#drill-module-kept').textContent()).toBe('Your answers were kept: you have read 2 of the 6 films.');
    await press(m, 'Enter');
    expect(await filmOnScreen(m, null)).toBe(third);
    const left = Number(/(\d+) s/.exec((await m.frame.locator('#hud-time').textContent()) ?? '')?.[1] ?? '0');
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(60 - 4); // the clock ran on while the window was closed
    const rest = await readFilms(m, 2, 6, first[1]!.film);
    const debrief = await toDebrief(m);
    expect(debrief).toMatch(/6 films/);
    await screenshot(b.page, 'lms-drill-scorm12-debrief');
    expect(lms.lastCommit['core']).toMatchObject({ lesson_status: 'completed' }); // completed at the last film, before Finish
    await press(m, 'Enter'); // Finish
    await m.frame.waitForSelector('#module-finished');
    await press(m, 'Enter');
    await b.page.waitForTimeout(300);

    const cmi = lms.lastCommit as { core: Record<string, unknown>; interactions: Record<string, Record<string, unknown>>; suspend_data: string };
    const lines = flattenCmi(cmi);
    keepBesideScreenshots('lms-drill-scorm12-record', lines);
    console.log(`SCORM 1.2 LMS record of a drill module (last commit):\n${lines.join('\n')}`);
    expect(cmi.core).toMatchObject({ lesson_status: 'completed', exit: '' });
    expect((cmi.core['score'] as Record<string, string> | undefined)?.['raw'] ?? '').toBe('');
    const interactions = Object.values(cmi.interactions);
    expect(interactions).toHaveLength(6);
    expect(interactions.every((i) => i['type'] === 'fill-in' && i['result'] === 'neutral' && /^\d{2,4}:\d{2}:\d{2}/.test(String(i['latency'])))).toBe(true);
    const played = [...first, ...rest];
    const back = interactions.map((i) => drillAnswerFromInteraction(String(i['id']), String(i['student_response']), null));
    expect(back.map((a) => a?.caseId)).toEqual(played.map((p) => p.film));
    expect(back.map((a) => a?.flagged)).toEqual(played.map((p) => p.flagged));
    expect(back[0]).toMatchObject({ read: 'abnormal', flagged: true, tellNamed: 'texture-noise', hint: null });
    expect(played.map((p) => p.film)).toEqual(drillWorklist(drill, 'r-0042', TECHNIQUES, null).specs.map((s) => s.id)); // the learner's own order
    const log = await b.page.evaluate(() => (window as unknown as { lmsLog: { finishes: number; setAfterFinish: string[]; sets: [string, string][] } }).lmsLog);
    expect(log.finishes).toBe(1);
    expect(log.setAfterFinish).toEqual([]);
    expect(log.sets.filter(([e]) => e === 'cmi.core.lesson_status').map(([, v]) => v)).toEqual(['completed']); // resumed: incomplete already set
    const sizes = lms.commits.map((c) => String(c.cmi['suspend_data'] ?? '').length);
    console.log(`SCORM 1.2 drill suspend_data: ${sizes.length} commits, largest ${Math.max(...sizes)} characters: ${cmi.suspend_data}`);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(4096);
    expect(b.foreignRequests).toEqual([]);
    expect(b.pageErrors).toEqual([]);

    // The lead's report from the LMS's record (a JSON of the cmi data model, as the LMS keeps it) beside drill.json.
    const work = mkdtempSync(join(tmpdir(), 'drill-scorm-report-'));
    writeFileSync(join(work, 'learner.json'), JSON.stringify({ ...cmi, core: { ...cmi.core, student_id: 'r-0042', student_name: 'Kowalski, Łukasz' } }));
    const r = await report([join(dir, 'drill.json'), join(work, 'learner.json'), '--json']);
    expect(r.code, r.err).toBe(0);
    const rep = JSON.parse(r.out);
    const reader = rep.runs[0].readers[0];
    expect(reader).toMatchObject({ readerId: 'Kowalski, Łukasz', shown: 6, timedOut: 0 });
    expect(reader.fakesFlagged + reader.falseFlags).toBe(played.filter((p) => p.flagged).length);
  });
});

describe('a readiness drill as a cmi5 AU with the cmi5 LMS and LRS fixture', () => {
  const served = serveModule('cmi5', [...DRILL, '--prompted', '1', '--ai-hint', '0.8', '--seed', '11'], { viewport: { width: 1280, height: 720 } });

  it('initialized, answered per film, completed, terminated, never passed or failed; a reload resumes; the report reads the LRS', async () => {
    const { lms, b, dir } = served;
    const drill = parseDrillModule(JSON.parse(readFileSync(join(dir, 'drill.json'), 'utf8')));
    const au = auIri(drill);
    await b.page.goto(lms.lrs.launch({ auId: au, launchPath: LAUNCH, moveOn: 'Completed' }).url);
    const m = moduleInTab(b.page);
    await onScreen(m, 'briefing');
    await press(m, 'Enter');
    const rate = async (i: number, prev: string | null): Promise<string> => {
      const h = await m.frame.waitForFunction((p) => {
        const id = (document.querySelector('.viewer') as HTMLElement | null)?.dataset.imageId?.replace(/^game:/, '');
        return id && id !== p && document.querySelector('#btn-rate-1:not([disabled])') ? id : null;
      }, prev, { timeout: 60_000 });
      await press(m, String((i % 6) + 1));
      await press(m, 'Enter');
      return (await h.jsonValue()) as string;
    };
    let prev: string | null = null;
    for (let i = 0; i < 3; i++) prev = await rate(i, prev);
    await b.page.reload();
    await onScreen(m, 'module-resume');
    expect(lms.lrs.fetchCalls).toBe(1); // the one-time fetch URL is not asked again (cmi5 section 8.2.3)
    await press(m, 'Enter');
    prev = null;
    for (let i = 3; i < 6; i++) prev = await rate(i, prev);
    await toDebrief(m);
    await press(m, 'Enter');
    // After terminated the AU goes to the LMS's returnURL (cmi5 section 10.0); the end page's link is the fallback.
    await b.page.waitForURL(`${lms.origin}/lms/return`);

    const lines = lms.lrs.statements.map((s) => {
      const r = s['result'] as Record<string, unknown> | undefined;
      return `${(s.verb?.id ?? '').split('/').pop()} ${(s['object'] as { id?: string }).id?.replace(au, '<au>')}${r ? ` ${JSON.stringify(r)}` : ''}`;
    });
    keepBesideScreenshots('lms-drill-cmi5-statements', lines);
    console.log(`cmi5 statements of a drill module:\n${lines.join('\n')}`);
    const verbs = lms.lrs.verbs;
    expect(lms.lrs.invalid).toEqual([]);
    expect(verbs.slice(0, 2)).toEqual(['launched', 'initialized']);
    expect(verbs.filter((v) => v === 'answered')).toHaveLength(6);
    expect(verbs.filter((v) => ['passed', 'failed', 'completed', 'terminated'].includes(v))).toEqual(['completed', 'terminated']);
    expect(verbs.at(-1)).toBe('terminated');
    expect(lms.lrs.statements.filter((s) => s.verb?.id?.endsWith('/answered')).every((s) => (s['result'] as { success?: unknown }).success === undefined)).toBe(true);
    expect(b.foreignRequests).toEqual([]);
    expect(b.pageErrors.filter((e) => !/^HTTP 404 for .*\/xapi\/(agents\/profile|activities\/state)\?/.test(e))).toEqual([]);

    // The lead reads the AU's statements from the LRS with their own read credentials (a file, never the command line).
    const work = mkdtempSync(join(tmpdir(), 'drill-cmi5-report-'));
    writeFileSync(join(work, 'auth.txt'), `${Cmi5Lrs.LEAD_READ}\n`);
    const r = await report([join(dir, 'drill.json'), '--lrs', `${lms.origin}/xapi/`, '--lrs-auth-file', join(work, 'auth.txt'), '--json']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/Read 6 answered statements /);
    const rep = JSON.parse(r.out);
    expect(rep.runs[0].run).toMatchObject({ prompted: true, hintAccuracy: 0.8, worklistSize: 6 });
    expect(rep.runs[0].readers).toHaveLength(1);
    expect(rep.runs[0].readers[0]).toMatchObject({ readerId: 'Nguyễn Thị Minh', shown: 6 });
    expect(rep.notes).toEqual([]); // the badges each statement records are the learner's own draw
  });
});
