import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshot, SCREENSHOT_DIR } from '../helpers/browser.js';
import { fakePackZip } from '../helpers/lms-pack.js';
import { click, fillEvaluation, moduleInTab, onScreen, playCases, playPractice, press } from '../helpers/module-play.js';
import { serveModule } from '../helpers/module-fixture.js';

/**
 * The real module screens as a cmi5 AU launched by the cmi5 LMS/LRS fixture (every statement checked by Learning
 * Locker's xAPI validator), and the same kind of zip opened outside any LMS (standalone, with the notice).
 */
const AU = 'https://w3id.org/xapi/xray-trainer/modules/spotting-synthetic-radiographs/au';
const LAUNCH = '/pkg/index.html?module=module.json';

describe('cmi5: the real module screens with a cmi5 LMS and LRS fixture', () => {
  const served = serveModule('cmi5', ['--deck', 'demo', '--seed', '11', '--pre', '4', '--post', '4', '--practice', '1', '--attempts', '2', '--title', 'Spotting synthetic radiographs', '--credits', '1.25'], { viewport: { width: 1280, height: 720 } });

  it('initialized, answered, passed at the LMS masteryScore, completed, terminated; a reload mid pre-test resumes without a second fetch', async () => {
    const { lms, b, key, dir } = served;
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toMatch(/connect-src 'self' https:/); // the LRS may live on another host
    const { plan } = key;
    const launch = lms.lrs.launch({ auId: AU, launchPath: LAUNCH, masteryScore: 0.5 });
    await b.page.goto(launch.url);
    const m = moduleInTab(b.page);
    await onScreen(m, 'module-start');
    expect(await m.frame.locator('#module-passmark').textContent()).toMatch(/at least 50% of the post-test calls right \(2 of 4\)/);
    await click(m, '#btn-module-begin');
    const pre = plan.pre.map((c) => c.profile.kind);
    await playCases(m, pre, [true, true], { to: 2 });
    await m.frame.waitForFunction(() => /Case 3\//.test(document.getElementById('hud-where')?.textContent ?? '')); // at the third case
    await b.page.reload();
    await onScreen(m, 'module-resume');
    expect(lms.lrs.fetchCalls).toBe(1);
    await click(m, '#btn-module-continue');
    await playCases(m, pre, [true, true, false, false], { from: 2, briefing: false });
    await onScreen(m, 'module-teaching');
    await press(m, 'Enter');
    await playPractice(m, 1);
    await playCases(m, plan.posts[0]!.map((c) => c.profile.kind), [true, false, true, false]);
    await onScreen(m, 'roundReview');
    await press(m, 'Enter');
    await onScreen(m, 'module-post-result');
    expect(await m.frame.locator('#page-heading').textContent()).toMatch(/Passed: 2 of 4 \(50%\)/);
    await press(m, 'Enter');
    await fillEvaluation(m, 'Useful.');
    await onScreen(m, 'module-certificate');
    const [download] = await Promise.all([b.page.waitForEvent('download'), press(m, 'Enter')]);
    const pdf = join(SCREENSHOT_DIR, 'module-certificate-cmi5.pdf');
    await download.saveAs(pdf);
    const recorded = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout;
    expect(recorded).toContain('Nguyễn Thị Minh');
    expect(recorded).toMatch(/Credits claimed/);
    expect(recorded).not.toMatch(/outside an LMS/);
    await click(m, '#btn-module-finish');
    // After terminated the AU goes to the LMS's returnURL (cmi5 section 10.0); the end page's link is the fallback.
    await b.page.waitForURL(`${lms.origin}/lms/return`);

    const lines = lms.lrs.statements.map((s) => {
      const r = s['result'] as Record<string, unknown> | undefined;
      const o = (s['object'] as { id?: string }).id?.replace(AU, '<au>');
      return `${(s.verb?.id ?? '').split('/').pop()} ${o}${r ? ` ${JSON.stringify(r)}` : ''}`;
    });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(join(SCREENSHOT_DIR, 'module-cmi5-statements.txt'), `${lines.join('\n')}\n`);
    console.log(`cmi5 statements from the real module screens:\n${lines.join('\n')}`);
    const verbs = lms.lrs.verbs;
    expect(lms.lrs.invalid).toEqual([]);
    expect(verbs.slice(0, 2)).toEqual(['launched', 'initialized']);
    expect(verbs.filter((v) => v === 'answered').length).toBe(4 + 4 + 4);
    expect(verbs.filter((v) => ['passed', 'failed', 'completed', 'terminated'].includes(v))).toEqual(['passed', 'completed', 'terminated']);
    expect(verbs.at(-1)).toBe('terminated');
    expect(lms.lrs.statements[verbs.indexOf('passed')]!['result']).toMatchObject({ success: true, score: { scaled: 0.5 } });
    expect(b.foreignRequests).toEqual([]);
    // xAPI answers 404 for a document not written yet (the learner preferences, the first read of the AU's state).
    expect(b.pageErrors.filter((e) => !/^HTTP 404 for .*\/xapi\/(agents\/profile|activities\/state)\?/.test(e))).toEqual([]);
  });
});

describe('the same kind of zip opened outside any LMS', () => {
  // The harness only serves the files here: no LMS player around the page.
  const served = serveModule('scorm12', ['--deck', 'demo', '--seed', '3', '--pre', '2', '--post', '2', '--practice', '0', '--attempts', '1', '--title', 'Spotting synthetic radiographs', '--credits', '1.25'], { viewport: { width: 1280, height: 720 } });

  it('plays standalone with the notice on every page, keeps its progress in the browser and resumes after a reload', async () => {
    const { lms, b, key } = served;
    const { plan } = key;
    await b.page.goto(`${lms.origin}${LAUNCH}`);
    const m = moduleInTab(b.page);
    await onScreen(m, 'module-start');
    expect(await m.frame.locator('#module-notice').textContent()).toMatch(/No LMS is recording this module: no SCORM 1\.2 API \(window\.API\) was found/);
    await screenshot(b.page, 'module-standalone-start');
    await press(m, 'Enter');
    const pre = plan.pre.map((c) => c.profile.kind);
    await playCases(m, pre, [true], { to: 1 });
    await b.page.reload();
    await onScreen(m, 'module-resume');
    expect(await m.frame.locator('#module-notice').count()).toBe(1);
    await press(m, 'Enter');
    await playCases(m, pre, [true, true], { from: 1, briefing: false });
    await onScreen(m, 'module-teaching');
    expect(await m.frame.locator('#module-notice').count()).toBe(1);
    // Continue later from the menu: the session ends with the progress kept, and the next visit comes back here.
    await press(m, 'Escape');
    await m.frame.waitForSelector('#menu[role="dialog"]');
    await press(m, 'q');
    await onScreen(m, 'module-left');
    await screenshot(b.page, 'module-standalone-left');
    await b.page.reload();
    await onScreen(m, 'module-teaching');
    await click(m, '#btn-module-practice'); // no practice round in this module: straight to the post-test
    await playCases(m, plan.posts[0]!.map((c) => c.profile.kind), [true, true]);
    await onScreen(m, 'roundReview');
    await press(m, 'Enter');
    await onScreen(m, 'module-post-result');
    await press(m, 'Enter');
    await fillEvaluation(m, '');
    await onScreen(m, 'module-certificate');
    expect(await m.frame.locator('#module-notice').count()).toBe(1);
    await m.frame.getByLabel(/Your name as it should appear/).fill('Łukasz Nowak');
    const [download] = await Promise.all([b.page.waitForEvent('download'), click(m, '#btn-module-certificate')]);
    expect(download.suggestedFilename()).toBe('certificate-spotting-synthetic-radiographs.pdf');
    const pdf = join(SCREENSHOT_DIR, 'module-certificate-standalone.pdf');
    await download.saveAs(pdf);
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Łukasz Nowak');
    expect(text).toContain('Completed outside an LMS: no LMS recorded this completion, and no credit is claimed.');
    expect(text).not.toContain('Credits claimed');
    await click(m, '#btn-module-finish');
    await m.frame.waitForSelector('#module-finished');
    await screenshot(b.page, 'module-standalone-finished');
    const kept = await b.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('xray-module:')).map((k) => JSON.parse(localStorage.getItem(k) ?? '{}')));
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ result: { passed: true, scaled: 1, completed: true }, exit: 'normal' });
    expect(kept[0].interactions).toHaveLength(2 + 2 + 3);
    expect(b.foreignRequests).toEqual([]);
    expect(b.pageErrors).toEqual([]);
  });
});

describe('a module outside its release window', () => {
  const served = serveModule('scorm12', ['--deck', 'demo', '--seed', '3', '--pre', '1', '--post', '1', '--practice', '0', '--title', 'Not yet', '--release', '2099-01-01', '--expiry', '2100-01-01'], { viewport: { width: 1280, height: 720 } });

  it('refuses to start before its release date, and says why', async () => {
    const { lms, b } = served;
    await b.page.goto(`${lms.origin}${LAUNCH}`);
    const m = moduleInTab(b.page);
    await onScreen(m, 'module-start');
    expect(await m.frame.locator('#module-closed').textContent()).toBe('This module opens on 1 January 2099 (its release date) and cannot be started before then.');
    expect(await m.frame.locator('#btn-module-begin').count()).toBe(0);
    await press(m, 'Enter');
    await b.page.waitForTimeout(500);
    await onScreen(m, 'module-start');
    expect(b.pageErrors).toEqual([]);
  });
});

describe('a module made from a case pack', () => {
  const served = serveModule('scorm12', async () => {
    const zip = join(mkdtempSync(join(tmpdir(), 'pack-')), 'pack.zip');
    writeFileSync(zip, await fakePackZip(24, 5));
    return ['--deck', zip, '--seed', '3', '--pre', '2', '--post', '2', '--practice', '0', '--attempts', '1', '--title', 'Pack module'];
  }, { viewport: { width: 1280, height: 720 } });

  it("reads its cases from the zip's deck folder", async () => {
    const { lms, b, key } = served;
    const { plan } = key;
    await b.page.goto(`${lms.origin}${LAUNCH}`);
    const m = moduleInTab(b.page);
    await onScreen(m, 'module-start');
    await press(m, 'Enter');
    await playCases(m, plan.pre.map((c) => c.profile.kind), [true, true]);
    await onScreen(m, 'module-teaching');
    await click(m, '#btn-module-practice');
    await playCases(m, plan.posts[0]!.map((c) => c.profile.kind), [true, false]);
    await onScreen(m, 'roundReview');
    await press(m, 'Enter');
    await onScreen(m, 'module-post-result');
    expect(await m.frame.locator('#page-heading').textContent()).toMatch(/Not passed: 1 of 2 \(50%\) correct at best/);
    expect(b.pageErrors).toEqual([]);
  });
});
