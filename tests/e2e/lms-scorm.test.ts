import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, SCREENSHOT_DIR } from '../helpers/browser.js';
import { TEST_LAUNCH } from '../helpers/lms-harness.js';
import { flattenCmi, keepBesideScreenshots, serveModule } from '../helpers/module-fixture.js';

/**
 * SCORM 1.2 and 2004 packages of the demo deck, played by clicks in headless Chromium inside an LMS player page whose
 * runtime is scorm-again. The SCO is the test launch page standing in for the module screens; the package around it
 * (manifest, module.json, game) is what `npm run lms -- package` wrote.
 */
const statementFile = (): string => {
  const f = join(mkdtempSync(join(tmpdir(), 'cs-')), 'statement.txt');
  writeFileSync(f, 'The Test Radiology Institute is accredited by the ACCME to provide continuing medical education for physicians.\nIt designates this enduring material for a maximum of 1.25 AMA PRA Category 1 Credits™.\n');
  return f;
};
const ARGS = ['--deck', 'demo', '--seed', '7', '--pre', '4', '--post', '4', '--practice', '2', '--attempts', '2', '--title', 'Spotting synthetic radiographs', '--provider', 'Test Radiology Institute', '--credits', '1.25', '--credit-unit', 'AMA PRA Category 1 Credits™'];

async function status(sco: FrameLocator, want: RegExp): Promise<string> {
  await expect.poll(async () => (await sco.locator('#status').textContent()) ?? '', { timeout: 20_000 }).toMatch(want);
  return (await sco.locator('#status').textContent()) ?? '';
}

async function click(sco: FrameLocator, id: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) {
    const before = await sco.locator('#status').textContent();
    await sco.locator(`#${id}`).click();
    await expect
      .poll(async () => ((await sco.locator('#status').textContent()) !== before || (await sco.locator('#error').textContent()) !== '' ? 'changed' : `unchanged after #${id}: ${before}`), { timeout: 10_000 })
      .toBe('changed');
    const error = await sco.locator('#error').textContent();
    if (error) throw new Error(`#${id}: ${error}`);
  }
}

function keep(name: string, cmi: unknown): string[] {
  const lines = flattenCmi(cmi);
  keepBesideScreenshots(name, lines);
  return lines;
}

describe('SCORM 1.2 package in a scorm-again LMS', () => {
  const served = serveModule('scorm12', () => [...ARGS, '--credit-statement', statementFile()], { testLaunchPage: true });

  it('plays to the end: resume after the window closed, a failed attempt, a passed retry, one finish', async () => {
    const { lms, b } = served;
    await b.page.goto(lms.scormPlayerUrl('scorm12', TEST_LAUNCH));
    const sco = b.page.frameLocator('#sco');
    await status(sco, /lms=scorm12; tracked=yes; learner=Łukasz Kowalski; step=start/);
    await click(sco, 'start');
    for (const id of ['right', 'wrong', 'right', 'timeout']) await click(sco, id);
    await status(sco, /step=teaching/);
    await click(sco, 'teach');
    await click(sco, 'practice', 2);
    await click(sco, 'right');
    await status(sco, /step=post; case=post1:2/);
    // The learner closes the window mid post-test; the LMS keeps what was committed after that answer.
    expect(lms.lastCommit['suspend_data']).toMatch(/^XR2\|[0-9a-z]+\|o\|2\|0\|\|[25]{3}0\|[25]$/);
    await b.page.goto(lms.scormPlayerUrl('scorm12', TEST_LAUNCH, { resume: true }));
    const sco2 = b.page.frameLocator('#sco');
    await status(sco2, /step=post; case=post1:2; .*resumeProblem=none/);
    await click(sco2, 'wrong', 3);
    await status(sco2, /step=post-result; .*passed=null; score=1/);
    await click(sco2, 'retry');
    await click(sco2, 'right', 4);
    await status(sco2, /step=post-result; .*passed=true; score=4/);
    await click(sco2, 'evaluate');
    await click(sco2, 'submit');
    await status(sco2, /step=certificate/);
    const [download] = await Promise.all([b.page.waitForEvent('download'), sco2.locator('#certificate').click().then(() => sco2.locator('#certificate-link').click())]);
    const pdf = join(SCREENSHOT_DIR, 'certificate-from-browser.pdf');
    await download.saveAs(pdf);
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Łukasz Kowalski');
    expect(text).toContain('Credits claimed: 1.25 AMA PRA Category 1 Credits™');
    await screenshot(b.page, 'lms-scorm12-certificate');
    await click(sco2, 'close');
    await status(sco2, /step=done; .*finished=true/);
    await sco2.locator('#close').click();
    await expect.poll(() => sco2.locator('#error').textContent()).toMatch(/LmsFinishedError: close: the LMS session is already finished/);

    const cmi = lms.lastCommit as { core: Record<string, unknown>; interactions: Record<string, Record<string, unknown>>; suspend_data: string };
    console.log(`SCORM 1.2 LMS record (last commit):\n${keep('lms-scorm12-record', cmi).join('\n')}`);
    expect(cmi.core).toMatchObject({ lesson_status: 'passed', exit: '', score: { raw: '100', min: '0', max: '100' } });
    expect(cmi.core['session_time']).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
    const interactions = Object.values(cmi.interactions);
    expect(interactions).toHaveLength(4 + 4 + 4 + 4); // pre, post 1, post 2, evaluation
    expect(interactions[3]).toMatchObject({ type: 'choice', result: 'wrong', student_response: '' }); // the time-out
    expect(interactions.every((i) => /^\d{2}:\d{2}:\d{2}$/.test(String(i['time'])) && String(i['latency']).length > 0)).toBe(true);
    expect(cmi.suspend_data.length).toBeLessThanOrEqual(4096);
    const log = await b.page.evaluate(() => (window as unknown as { lmsLog: { finishes: number; setAfterFinish: string[]; initializes: number } }).lmsLog);
    expect(log).toMatchObject({ finishes: 1, setAfterFinish: [], initializes: 1 });
    expect(b.foreignRequests).toEqual([]);
  });
});

describe('SCORM 2004 4th edition package in a scorm-again LMS', () => {
  const served = serveModule('scorm2004', ARGS, { testLaunchPage: true });

  it('fails both attempts: success failed when decided, completion completed only after the evaluation', async () => {
    const { lms, b } = served;
    await b.page.goto(lms.scormPlayerUrl('scorm2004', TEST_LAUNCH, { learnerName: '王, 芳' }));
    const sco = b.page.frameLocator('#sco');
    await status(sco, /lms=scorm2004; tracked=yes; learner=芳 王; step=start/);
    await click(sco, 'start');
    await click(sco, 'right', 4);
    await click(sco, 'teach');
    await click(sco, 'practice', 2);
    for (let a = 0; a < 2; a++) {
      if (a > 0) await click(sco, 'retry');
      await click(sco, 'right', 2);
      await click(sco, 'wrong', 2);
    }
    await status(sco, /step=post-result; .*passed=false; score=2/);
    expect(lms.lastCommit).toMatchObject({ success_status: 'failed', completion_status: 'incomplete', score: { scaled: '0.5', raw: '2', min: '0', max: '4' } });
    await click(sco, 'evaluate');
    await click(sco, 'submit');
    await status(sco, /step=done/);
    await click(sco, 'close');
    const cmi = lms.lastCommit as Record<string, unknown> & { interactions: Record<string, Record<string, unknown>> };
    console.log(`SCORM 2004 LMS record (last commit):\n${keep('lms-scorm2004-record', cmi).join('\n')}`);
    expect(cmi).toMatchObject({ success_status: 'failed', completion_status: 'completed', exit: 'normal', progress_measure: '1' });
    expect(String(cmi['session_time'])).toMatch(/^PT/);
    const post = Object.values(cmi.interactions)[6]!;
    expect(post).toMatchObject({ type: 'choice', result: 'incorrect' });
    expect(String(post['learner_response'])).toMatch(/^[1-6]$/);
    expect(String(post['latency'])).toMatch(/^PT/);
    await screenshot(b.page, 'lms-scorm2004-done');
  });
});
