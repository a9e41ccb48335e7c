import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshot, SCREENSHOT_DIR } from '../helpers/browser.js';
import type { LmsHarness } from '../helpers/lms-harness.js';
import { click, fillEvaluation, moduleInPlayer, onScreen, playCases, playPractice, press, recordStatus, statusLog } from '../helpers/module-play.js';
import { flattenCmi, keepBesideScreenshots, serveModule } from '../helpers/module-fixture.js';

/**
 * The real module screens (the packaged game opened as index.html?module=module.json, no test launch page) in an LMS
 * player whose runtime is scorm-again, played by keys and clicks from the start page to the certificate.
 */
const LAUNCH = '/pkg/index.html?module=module.json';
const ARGS = ['--deck', 'demo', '--seed', '7', '--pre', '4', '--post', '4', '--practice', '2', '--attempts', '2', '--title', 'Spotting synthetic radiographs',
  '--provider', 'Test Radiology Institute', '--credits', '1.25', '--credit-unit', 'AMA PRA Category 1 Credits™'];

const statementFile = (): string => {
  const f = join(mkdtempSync(join(tmpdir(), 'cs-')), 'statement.txt');
  writeFileSync(f, 'The Test Radiology Institute is accredited by the ACCME to provide continuing medical education for physicians.\nIt designates this enduring material for a maximum of 1.25 AMA PRA Category 1 Credits™. Physicians should claim only the credit commensurate with the extent of their participation in the activity.\n');
  return f;
};

const suspendSizes = (lms: LmsHarness): number[] => lms.commits.map((c) => String(c.cmi['suspend_data'] ?? '').length);

describe('SCORM 1.2: the real module screens in a scorm-again LMS', () => {
  const served = serveModule('scorm12', () => [...ARGS, '--credit-statement', statementFile()], { viewport: { width: 1300, height: 800 } });

  it('start page to certificate: a failed attempt, a reload mid post-test, a passed retry, the evaluation, one finish', async () => {
    const { lms, b, key } = served;
    const { plan } = key;
    const kinds = (cases: typeof plan.pre) => cases.map((c) => c.profile.kind);
    await b.page.goto(lms.scormPlayerUrl('scorm12', LAUNCH));
    let m = await moduleInPlayer(b.page);
    await onScreen(m, 'module-start');
    expect(await m.frame.locator('#module-notice').count()).toBe(0); // an LMS records this: no "not recorded" notice
    expect(await m.frame.locator('#module-passmark').textContent()).toMatch(/at least 75% of the post-test calls right \(3 of 4\)\. You have 2 attempts/);
    expect(await m.frame.locator('main').textContent()).toContain('Łukasz Kowalski');
    await recordStatus(m);
    await click(m, '#btn-module-begin');
    expect(await m.frame.locator('#hud-score').textContent()).toBe(''); // no running score in a test
    await playCases(m, kinds(plan.pre), [true, false, true, false]);

    await onScreen(m, 'module-teaching');
    // Nothing on screen or in the status line told the pre-test's outcome: no review, no verdict, no points.
    const said = await statusLog(m);
    expect(said.some((t) => /Answer given/.test(t))).toBe(true);
    expect(said.filter((t) => /review|correct|wrong|points|right/i.test(t))).toEqual([]);
    await screenshot(b.page, 'module-scorm12-teaching');
    const first = m.frame.locator('.teaching-entry button').first();
    await first.click();
    await m.frame.waitForSelector('#atlas[role="dialog"]');
    await press(m, 'Escape');
    await click(m, '#btn-module-practice');
    await playPractice(m, 2);

    // Post-test, attempt 1: two answers, the third case a few seconds on screen, then the window closes; the LMS keeps
    // what was committed, the third case's clock with it.
    await playCases(m, kinds(plan.posts[0]!), [true, false], { to: 2 });
    await expect.poll(() => String(lms.lastCommit['suspend_data'])).toMatch(/^XR2\|[0-9a-z]+\|o\|2\|0\|2\.[0-9a-z]+\|[16]{4}\|[16]{2}$/);
    await b.page.waitForTimeout(4000);
    await b.page.goto(lms.scormPlayerUrl('scorm12', LAUNCH, { resume: true }));
    m = await moduleInPlayer(b.page);
    await onScreen(m, 'module-resume');
    expect(await m.frame.locator('main').textContent()).toMatch(/answered 2 of the 4 cases of the post-test \(attempt 1 of 2\)/);
    expect(await m.frame.locator('main').textContent()).toMatch(/comes back with the time that was left/);
    await press(m, 'Enter');
    // The case comes back with the time that was left, not a full clock: a reload buys no time.
    await onScreen(m, 'reading');
    const left = Number(/(\d+) s/.exec((await m.frame.locator('#hud-time').textContent()) ?? '')?.[1] ?? '0');
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(key.def.secondsPerCase - 4);
    await playCases(m, kinds(plan.posts[0]!), [true, false, false, false], { from: 2, briefing: false });
    await onScreen(m, 'roundReview'); // the truth comes when the post-test ends
    await press(m, 'Enter');
    await onScreen(m, 'module-post-result');
    expect(await m.frame.locator('#page-heading').textContent()).toMatch(/Not passed yet: 1 of 4 \(25%\)/);
    await screenshot(b.page, 'module-scorm12-not-passed');
    await press(m, 'Enter'); // try again with new cases
    await playCases(m, kinds(plan.posts[1]!), [true, true, true, true]);
    await onScreen(m, 'roundReview');
    await click(m, '#btn-continue');
    await onScreen(m, 'module-post-result');
    expect(await m.frame.locator('#page-heading').textContent()).toMatch(/Passed: 4 of 4 \(100%\)/);
    await click(m, '#btn-module-evaluation');
    await fillEvaluation(m, 'Clear cases; more subtle fakes please.');

    await onScreen(m, 'module-certificate');
    expect(await m.frame.locator('#module-change').textContent()).toMatch(/Pre-test 2 of 4 \(50%\); post-test 4 of 4 \(100%\): up 50 percentage points/);
    const [download] = await Promise.all([b.page.waitForEvent('download'), click(m, '#btn-module-certificate')]);
    const pdf = join(SCREENSHOT_DIR, 'module-certificate-scorm12.pdf');
    await download.saveAs(pdf);
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Łukasz Kowalski');
    expect(text).toContain('Credits claimed: 1.25 AMA PRA Category 1 Credits™');
    expect(text).toContain('It designates this enduring material for a maximum of 1.25 AMA PRA Category 1 Credits™');
    spawnSync('pdftoppm', ['-png', '-r', '100', '-singlefile', pdf, join(SCREENSHOT_DIR, 'module-certificate-scorm12')]); // a page image to look at
    await expect.poll(() => m.frame.locator('#certificate-message').textContent()).toMatch(/Saved certificate-spotting-synthetic-radiographs\.pdf/);
    await screenshot(b.page, 'module-scorm12-certificate');
    await click(m, '#btn-module-finish');
    await m.frame.waitForSelector('#module-finished');
    expect(await m.frame.locator('#btn-module-certificate').isEnabled()).toBe(true); // the certificate stays available

    const cmi = lms.lastCommit as { core: Record<string, unknown>; interactions: Record<string, Record<string, unknown>>; suspend_data: string };
    const lines = flattenCmi(cmi);
    keepBesideScreenshots('module-scorm12-record', lines);
    console.log(`SCORM 1.2 LMS record of the real module screens (last commit):\n${lines.join('\n')}`);
    expect(cmi.core).toMatchObject({ lesson_status: 'passed', exit: '', score: { raw: '100', min: '0', max: '100' } });
    expect(cmi.core['session_time']).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
    const interactions = Object.values(cmi.interactions);
    expect(interactions).toHaveLength(4 + 4 + 4 + 4); // pre, post 1, post 2, evaluation (with comments)
    expect(interactions.slice(0, 4).map((i) => i['result'])).toEqual(['correct', 'wrong', 'correct', 'wrong']);
    expect(interactions.every((i) => /^\d{2}:\d{2}:\d{2}$/.test(String(i['time'])) && /^\d{2,4}:\d{2}:\d{2}/.test(String(i['latency'])))).toBe(true);
    expect(interactions.at(-1)).toMatchObject({ id: 'eval-comments', student_response: 'Clear cases; more subtle fakes please.' });
    const sizes = suspendSizes(lms);
    console.log(`SCORM 1.2 suspend_data: ${sizes.length} commits, largest ${Math.max(...sizes)} characters: ${cmi.suspend_data}`);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(4096);
    const log = await b.page.evaluate(() => (window as unknown as { lmsLog: { finishes: number; setAfterFinish: string[]; initializes: number } }).lmsLog);
    expect(log).toMatchObject({ finishes: 1, setAfterFinish: [], initializes: 1 });
    expect(b.foreignRequests).toEqual([]);
    expect(b.pageErrors).toEqual([]);
  });
});

describe('SCORM 2004 4th edition: the real module screens in a scorm-again LMS', () => {
  const served = serveModule('scorm2004', [...ARGS, '--practice', '1'], { viewport: { width: 1300, height: 800 } });

  it('passes at the first attempt: success when the post-test decides, completion after the evaluation; resumes on the teaching page', async () => {
    const { lms, b, key } = served;
    const { plan } = key;
    await b.page.goto(lms.scormPlayerUrl('scorm2004', LAUNCH, { learnerName: '王, 芳' }));
    let m = await moduleInPlayer(b.page);
    await onScreen(m, 'module-start');
    await press(m, 'Enter');
    await playCases(m, plan.pre.map((c) => c.profile.kind), [false, false, true, true]);
    await onScreen(m, 'module-teaching');
    // The window closes on the teaching page and the learner comes back to it.
    await b.page.goto(lms.scormPlayerUrl('scorm2004', LAUNCH, { resume: true, learnerName: '王, 芳' }));
    m = await moduleInPlayer(b.page);
    await onScreen(m, 'module-teaching');
    await press(m, 'Enter');
    await playPractice(m, 1);
    await playCases(m, plan.posts[0]!.map((c) => c.profile.kind), [true, true, true, false]);
    await onScreen(m, 'roundReview');
    await press(m, 'Enter');
    await onScreen(m, 'module-post-result');
    expect(await m.frame.locator('#page-heading').textContent()).toMatch(/Passed: 3 of 4 \(75%\)/);
    expect(lms.lastCommit).toMatchObject({ success_status: 'passed', completion_status: 'incomplete', score: { scaled: '0.75', raw: '3', min: '0', max: '4' } });
    await press(m, 'Enter');
    await fillEvaluation(m, '');
    await onScreen(m, 'module-certificate');
    expect(await m.frame.locator('#certificate-name').textContent()).toBe('芳 王');
    expect(await m.frame.locator('#module-change').textContent()).toMatch(/Pre-test 2 of 4 \(50%\); post-test 3 of 4 \(75%\): up 25 percentage points/);
    await click(m, '#btn-module-finish');
    await m.frame.waitForSelector('#module-finished');
    await screenshot(b.page, 'module-scorm2004-finished');

    const cmi = lms.lastCommit as Record<string, unknown> & { interactions: Record<string, Record<string, unknown>> };
    const lines = flattenCmi(cmi);
    keepBesideScreenshots('module-scorm2004-record', lines);
    console.log(`SCORM 2004 LMS record of the real module screens (last commit):\n${lines.join('\n')}`);
    expect(cmi).toMatchObject({ success_status: 'passed', completion_status: 'completed', exit: 'normal', progress_measure: '1', score: { scaled: '0.75', raw: '3', min: '0', max: '4' } });
    expect(String(cmi['session_time'])).toMatch(/^PT/);
    const interactions = Object.values(cmi.interactions);
    expect(interactions).toHaveLength(4 + 4 + 3); // no comments given: three evaluation items
    expect(interactions.slice(0, 4).map((i) => i['result'])).toEqual(['incorrect', 'incorrect', 'correct', 'correct']);
    expect(interactions.every((i) => /^PT/.test(String(i['latency'])) || i['type'] === 'likert')).toBe(true);
    expect(String(interactions[4]?.['learner_response'])).toMatch(/^[16]$/);
    const sizes = suspendSizes(lms);
    console.log(`SCORM 2004 suspend_data: largest ${Math.max(...sizes)} characters`);
    const log = await b.page.evaluate(() => (window as unknown as { lmsLog: { finishes: number; setAfterFinish: string[]; initializes: number } }).lmsLog);
    expect(log).toMatchObject({ finishes: 1, setAfterFinish: [], initializes: 1 });
    expect(b.foreignRequests).toEqual([]);
    expect(b.pageErrors).toEqual([]);
  });
});
