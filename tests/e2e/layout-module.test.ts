import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../helpers/browser.js';
import { axeFailures, axeViolations, layoutProblems } from '../helpers/layout-check.js';
import { click, fillEvaluation, moduleInTab, onScreen, playCases, playPractice, press } from '../helpers/module-play.js';
import { serveModule } from '../helpers/module-fixture.js';

/**
 * The CME module's pages at a laptop (1280 x 720), a monitor (1920 x 1080) and a reading-room display (2560 x 1440):
 * each page is checked at the three sizes in turn (the window resized under it), with the layout check (no text off
 * the window or overlapping, nothing clipped) and axe-core (no WCAG 2.2 AA or best-practice violation of any impact).
 * Screenshots land in tests/e2e/screenshots/module-<size>-<page>.png. The module is the standalone zip, so the
 * "no LMS is recording this" notice is on every page.
 */
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 2560, height: 1440 },
] as const;

async function checkAllSizes(page: Page, name: string): Promise<void> {
  for (const vp of SIZES) {
    await page.setViewportSize(vp);
    await page.waitForTimeout(300);
    const size = `${vp.width}x${vp.height}`;
    await screenshot(page, `module-${size}-${name}`);
    expect(await layoutProblems(page), `${size} ${name}`).toEqual([]);
    expect(axeFailures(await axeViolations(page)), `${size} ${name}: axe`).toEqual([]);
  }
  await page.setViewportSize(SIZES[0]);
}

describe('the CME module pages lay out and read well at three display sizes', () => {
  const served = serveModule('scorm12', async () => {
    const statement = 'The Test Radiology Institute is accredited by the Accreditation Council for Continuing Medical Education (ACCME) to provide continuing medical education for physicians. The Test Radiology Institute designates this enduring material for a maximum of 1.25 AMA PRA Category 1 Credits™. Physicians should claim only the credit commensurate with the extent of their participation in the activity.';
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const work = mkdtempSync(join(tmpdir(), 'module-layout-'));
    writeFileSync(join(work, 'statement.txt'), `${statement}\n`);
    writeFileSync(join(work, 'objectives.txt'), 'Recognise the tells of AI-generated and tampered chest radiographs\nUse window/level, the loupe and forensic lenses to examine a suspicious region\nState how sure you are, and calibrate that confidence against the truth\n');
    writeFileSync(join(work, 'faculty.txt'), 'Dr Ada Example | Course director, Test Radiology Institute | Nothing to disclose.\nDr Łukasz Nowak | Faculty | Consulting fees from Example Imaging Ltd (relationship ended 2025); all relevant financial relationships have been mitigated.\n');
    return [
      '--deck', 'demo', '--seed', '5', '--pre', '2', '--post', '1', '--practice', '1', '--attempts', '2', '--title', 'Spotting synthetic and tampered chest radiographs',
      '--provider', 'Test Radiology Institute', '--credits', '1.25', '--credit-unit', 'AMA PRA Category 1 Credits™', '--credit-statement', join(work, 'statement.txt'),
      '--objectives', join(work, 'objectives.txt'), '--disclosures', join(work, 'faculty.txt'),
    ];
  }, { viewport: SIZES[0] });
  const requests: string[] = [];
  beforeAll(() => {
    served.b.page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  });

  it('start, briefing, resume, teaching, result, evaluation and certificate pages', async () => {
    const { lms, b, key } = served;
    const { plan } = key;
    const m = moduleInTab(b.page);
    await b.page.goto(`${lms.origin}/pkg/index.html?module=module.json`);
    await onScreen(m, 'module-start');
    await checkAllSizes(b.page, 'start');
    await press(m, 'Enter');
    await onScreen(m, 'briefing');
    await checkAllSizes(b.page, 'pre-briefing');
    const pre = plan.pre.map((c) => c.profile.kind);
    await playCases(m, pre, [true], { to: 1 });
    await b.page.reload();
    await onScreen(m, 'module-resume');
    await checkAllSizes(b.page, 'resume');
    await press(m, 'Enter');
    await playCases(m, pre, [true, false], { from: 1, briefing: false });
    await onScreen(m, 'module-teaching');
    await checkAllSizes(b.page, 'teaching');
    await press(m, 'Enter');
    await playPractice(m, 1);
    await playCases(m, plan.posts[0]!.map((c) => c.profile.kind), [false]);
    await onScreen(m, 'roundReview');
    await press(m, 'Enter');
    await onScreen(m, 'module-post-result');
    await checkAllSizes(b.page, 'not-passed');
    await press(m, 'Enter');
    await playCases(m, plan.posts[1]!.map((c) => c.profile.kind), [true]);
    await onScreen(m, 'roundReview');
    await press(m, 'Enter');
    await onScreen(m, 'module-post-result');
    await checkAllSizes(b.page, 'passed');
    await press(m, 'Enter');
    await onScreen(m, 'module-evaluation');
    await checkAllSizes(b.page, 'evaluation');
    // Sent without an answer: the browser's own check stops it, and nothing is recorded.
    await click(m, '#btn-module-submit');
    await onScreen(m, 'module-evaluation');
    await fillEvaluation(m, 'The fakes were convincing; more time per case would help.');
    await onScreen(m, 'module-certificate');
    await checkAllSizes(b.page, 'certificate');
    expect(requests.filter((p) => /\/assets\/pdf-/.test(p))).toEqual([]); // pdf-lib and the fonts: not before they are needed
    await m.frame.getByLabel(/Your name as it should appear/).fill('Nguyễn Thị Minh');
    await Promise.all([b.page.waitForEvent('download'), click(m, '#btn-module-certificate')]);
    await m.frame.waitForSelector('#certificate-message');
    expect(requests.filter((p) => /\/assets\/pdf-/.test(p))).toHaveLength(1);
    await click(m, '#btn-module-finish');
    await m.frame.waitForSelector('#module-finished');
    await checkAllSizes(b.page, 'finished');
    expect(b.pageErrors).toEqual([]);
    expect(b.foreignRequests).toEqual([]);
  }, 400_000);
});
