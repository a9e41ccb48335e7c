import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readPack, unzipPack } from '../../src/pack-format/index.js';
import { runPack } from '../../src/cli/run-pack.js';
import { browserForFile, screenshot, viewerShot, waitForStatus } from '../helpers/browser.js';
import { requireXray } from '../helpers/shared-data.js';
import { axeFailures, axeViolations, layoutProblems } from '../helpers/layout-check.js';

/**
 * An instructor's case pack, end to end in Chromium: build one in the browser from a folder of DICOMs (JPEG 2000
 * included, so the wasm codecs run in the worker) and PNGs, play it; import a pack zip made by the command line,
 * play it by deep link, export it; and refuse hostile zips.
 */
const work = mkdtempSync(join(tmpdir(), 'pack-e2e-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function department(name: string, settings?: object): string {
  const x = requireXray();
  const dept = join(work, name);
  mkdirSync(join(dept, 'real'), { recursive: true });
  mkdirSync(join(dept, 'synthetic', 'roentgen-v2'), { recursive: true });
  for (const f of readdirSync(join(x, 'real/chest/nih-cxr14')).sort().slice(10, 13)) cpSync(join(x, 'real/chest/nih-cxr14', f), join(dept, 'real', f));
  cpSync(join(x, 'real/dicom/RG1_J2KI.dcm'), join(dept, 'real', 'chest-j2k.dcm'));
  cpSync(join(x, 'real/dicom/nih-cxr14-google-dx.dcm'), join(dept, 'real', 'chest-dx.dcm'));
  cpSync(join(x, 'real/chest/hannover-covid19/0a7faa2a.png'), join(dept, 'real', 'icu-film.png'));
  mkdirSync(join(dept, 'synthetic', 'lunggen-ddpm'), { recursive: true });
  cpSync(join(x, 'synthetic/lunggen-ddpm/lunggen_e20_s1.png'), join(dept, 'synthetic', 'lunggen-ddpm', 'sample.png'));
  for (const f of ['rg2_r2c1.png', 'rg2_r2c2.png', 'rg2_r2c3.png']) cpSync(join(x, 'synthetic/roentgen-v2', f), join(dept, 'synthetic', 'roentgen-v2', f));
  if (settings) writeFileSync(join(dept, 'pack.json'), JSON.stringify(settings));
  return dept;
}

/** Drags a file from outside the browser onto the page: a DataTransfer holding it, dragover and drop on the body. */
async function dropFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.evaluate(({ name, data }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name, { type: 'application/zip' }));
    for (const type of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, { name, data: Buffer.from(bytes).toString('base64') });
}

/** A pack title written to look like HTML, as a careless or hostile pack might carry. */
const TITLE = '<img src="https://example.invalid/x.png" onerror="window.pwned=1">E2E pack';

describe('case packs from a department’s own images', () => {
  const base = inject('baseURL');
  const browser = browserForFile();

  it('builds a pack in the browser from a dropped folder (DICOM JPEG 2000 and PNG), shows the report, and plays it', async () => {
    const { page, foreignRequests, pageErrors } = browser.b;
    await page.goto(base);
    await page.waitForSelector('#main[data-screen="title"]');
    await page.keyboard.press('k');
    await waitForStatus(page, /Case packs: the built-in demo deck and 0 stored pack/);
    // pack.json beside the images sets what the command line's flags would (title, author, reviewed, ...).
    await page.setInputFiles('#pack-folder', department('radiology-dept', { title: 'Chest readiness drill', author: 'Dept. of Radiology', reviewed: true }));
    let said = await waitForStatus(page, /Built pack|leak audit failed/, 120_000);
    if (/leak audit failed/.test(said)) {
      // Eight images cannot hide every difference: the instructor reads the audit and accepts knowingly (A).
      await screenshot(page, '60-pack-leak-audit');
      await page.keyboard.press('a');
      said = await waitForStatus(page, /Built pack/, 120_000);
    }
    expect(said).toMatch(/Built pack 'Chest readiness drill' \(chest-readiness-drill\): 10 cases/);
    await page.waitForTimeout(300);
    await screenshot(page, '61-pack-built-report');
    // The whole report is there: it scrolls inside its panel and saves as a text file (W) with the full leak-audit table.
    expect(await page.locator('#pack-report').evaluate((e) => e.scrollHeight > e.clientHeight && getComputedStyle(e).overflowY === 'auto')).toBe(true);
    await page.locator('#pack-report').evaluate((e) => e.scrollBy(0, 400));
    await page.waitForTimeout(300);
    await screenshot(page, '61b-pack-report-scrolled');
    const [saved] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('w')]);
    expect(saved.suggestedFilename()).toBe('case-pack-report.txt');
    const reportText = readFileSync((await saved.path()) as string, 'utf8');
    expect(reportText).toMatch(/Leak audit \(\d+ real, \d+ fake; real compared with all fakes, with imported AI and with forged apart; threshold AUC 0\.75\)/);
    expect(reportText).toMatch(/^property\s+AUC\s+worst vs\s+all fakes \(7\)\s+imported AI \(4\)\s+forged \(3\)/m);
    expect(reportText).toMatch(/De-identified 2 DICOM header/);

    await page.keyboard.press('Enter');
    // Practice is 3 rounds of 6: a 10-case pack plays as 6 then 4, every case once.
    await waitForStatus(page, /round 1 of 2: 6 cases/);
    await page.keyboard.press('Enter');
    await waitForStatus(page, /Case 1 of 6/);
    await page.waitForTimeout(500);
    const shot = await viewerShot(page, '62-pack-case-1');
    expect(shot.std).toBeGreaterThan(15); // a radiograph, not a blank or an error

    // Every case of the pack in one round (a deep link with a seed, so the order is fixed): read, rate, review.
    await page.goto(`${base}?mode=practice&deck=chest-readiness-drill&seed=5&cases=10&seconds=60&rounds=1`);
    await waitForStatus(page, /round 1 of 1: 10 cases/);
    await page.keyboard.press('Enter');
    for (let i = 1; i <= 10; i++) {
      await waitForStatus(page, new RegExp(`Case ${i} of 10`));
      await page.keyboard.press(i % 2 ? '2' : '5');
      await page.keyboard.press('Enter');
    }
    await waitForStatus(page, /Round 1 review/);
    // The review opens on case 1; Right steps through cases 2 to 10 and wraps round to case 1.
    const seen: string[] = [];
    for (let i = 1; i <= 10; i++) {
      await page.keyboard.press('ArrowRight');
      seen.push(await waitForStatus(page, new RegExp(`^Case ${(i % 10) + 1}: `)));
    }
    // 6 real films (3 left real, 3 forged: half, as the build's default forged share) and 4 imported AI images.
    expect(seen.filter((s) => /: real;/.test(s))).toHaveLength(3);
    expect(seen.filter((s) => /: fake \(AI-generated by RoentGen\)/.test(s))).toHaveLength(3);
    expect(seen.filter((s) => /: fake \(AI-generated by LungGen\)/.test(s))).toHaveLength(1);
    expect(seen.filter((s) => /: fake \((?!AI-generated)/.test(s))).toHaveLength(3);
    await screenshot(page, '63-pack-review');
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('asks what a plain department folder holds and for a title (never the folder\'s name unasked) before building', async () => {
    const { page, foreignRequests, pageErrors } = await browser.fresh();
    const x = requireXray();
    // A department's own folder, named as departments name them: no real/ or synthetic/ inside, a patient-like name.
    const plain = join(work, 'Smith J 2026-03');
    mkdirSync(plain, { recursive: true });
    for (const f of readdirSync(join(x, 'real/chest/nih-cxr14')).sort().slice(0, 6)) cpSync(join(x, 'real/chest/nih-cxr14', f), join(plain, f));
    await page.goto(base);
    await page.waitForSelector('#main[data-screen="title"]');
    await page.keyboard.press('k');
    await page.setInputFiles('#pack-folder', plain);
    await waitForStatus(page, /Before the build: say whether the images in "Smith J 2026-03" are real films/);
    await page.waitForSelector('#drop-form');
    expect(await page.locator('#drop-title').inputValue()).toBe('');
    expect(await page.locator('#drop-title-hint').textContent()).toMatch(/patient's name/);
    await screenshot(page, '67-pack-plain-folder-question');
    // The question lays out and reads well at the three sizes (element boxes and axe, as every screen).
    for (const vp of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }, { width: 2560, height: 1440 }]) {
      await page.setViewportSize(vp);
      await page.waitForTimeout(300);
      const size = `${vp.width}x${vp.height}`;
      await screenshot(page, `67-pack-plain-folder-question-${size}`);
      expect(await layoutProblems(page), size).toEqual([]);
      expect(axeFailures(await axeViolations(page)), `${size}: axe`).toEqual([]);
    }
    await page.click('#btn-drop-build');
    await waitForStatus(page, /Say what the 6 images in "Smith J 2026-03" are/);
    await page.selectOption('#drop-label-0', 'real');
    await page.fill('#drop-title', 'Chest week 3');
    await page.click('#btn-drop-build');
    let said = await waitForStatus(page, /Built pack|leak audit failed/, 120_000);
    if (/leak audit failed/.test(said)) {
      await page.keyboard.press('a');
      said = await waitForStatus(page, /Built pack/, 120_000);
    }
    // Six real films and, at the default forged share, fakes made from them: a pack of both kinds.
    expect(said).toMatch(/Built pack 'Chest week 3' \(chest-week-3\): \d+ cases/);
    expect(said).not.toMatch(/Smith/);
    expect(await page.locator('#pack-list').textContent()).not.toMatch(/Smith/);
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('imports a pack zip built by the command line, plays it by deep link, and exports it unchanged', async () => {
    const zip = join(work, 'cli-pack.zip');
    let log = '';
    const code = await runPack(
      ['build', department('cli-dept'), '--out', zip, '--id', 'e2e-pack', '--title', TITLE, '--size', '512', '--leak-threshold', '1'],
      { stdout: (t) => void (log += t), stderr: (t) => void (log += t), isTty: false },
    );
    expect(code, log).toBe(0);
    const { page, pageErrors, foreignRequests } = await browser.fresh();
    await page.goto(base);
    await page.waitForSelector('#main[data-screen="title"]');
    await page.keyboard.press('k');
    await waitForStatus(page, /Case packs:/);
    await page.setInputFiles('#pack-files', zip);
    // The title is data shown as text: the markup in it is printed, never parsed (no element, no script, no request).
    const said = await waitForStatus(page, /Imported pack '.*E2E pack' \(e2e-pack\): 10 cases/, 60_000);
    expect(said).toContain(TITLE);
    expect(await page.evaluate(() => ({ pwned: (window as unknown as { pwned?: number }).pwned ?? 0, imgs: document.querySelectorAll('img').length }))).toEqual({ pwned: 0, imgs: 0 });

    await page.goto(`${base}?mode=practice&deck=e2e-pack&seed=3&cases=3&seconds=60&rounds=1`);
    await waitForStatus(page, /round 1 of 1: 3 cases/);
    await page.keyboard.press('Enter');
    await waitForStatus(page, /Case 1 of 3/);
    await page.waitForTimeout(500);
    expect((await viewerShot(page, '64-deep-linked-pack-case')).std).toBeGreaterThan(15);
    // The pack's PNGs are decoded in workers (decks/pack-decode.ts), so preparing the next case never freezes the page:
    // a decode worker ran, and none of the scripts the page itself loaded holds the served-PNG decoder.
    const decoders = page.workers().map((w) => w.url()).filter((u) => /pack-decode\.worker/.test(u));
    expect(decoders.length).toBeGreaterThan(0);
    const decoderMark = 'a served image must be 8- or 16-bit grayscale';
    expect(await (await fetch(decoders[0] as string)).text()).toContain(decoderMark);
    const pageScripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js') && !/\.worker-/.test(n)));
    expect(pageScripts.length).toBeGreaterThan(0);
    for (const src of pageScripts) expect((await (await fetch(src)).text()).includes(decoderMark), src).toBe(false);
    await page.keyboard.press('d');
    await page.waitForTimeout(300);
    await screenshot(page, '65-pack-case-header');

    // Quit the session from the menu (Esc, then Q) to reach the packs screen again.
    await page.keyboard.press('Escape');
    await waitForStatus(page, /Paused/);
    await page.keyboard.press('q');
    await waitForStatus(page, /Session stopped/);
    await page.waitForSelector('#main[data-screen="title"]');
    await page.keyboard.press('k');
    await waitForStatus(page, /1 stored pack/);
    await page.keyboard.press('ArrowDown');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('x')]);
    expect(download.suggestedFilename()).toBe('e2e-pack.zip');
    const exported = readPack(unzipPack(new Uint8Array(readFileSync((await download.path()) as string))));
    const original = readPack(unzipPack(new Uint8Array(readFileSync(zip))));
    expect(exported).toEqual(original);
    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  }, 240_000);

  it('refuses a zip with paths outside its root and a zip bomb, with a clear message, and stores nothing', async () => {
    const { page } = await browser.fresh();
    await page.goto(base);
    await page.waitForSelector('#main[data-screen="title"]');
    await page.keyboard.press('k');
    await waitForStatus(page, /Case packs:/);
    const slip = join(work, 'slip.zip');
    writeFileSync(slip, zipSync({ 'pack/manifest.json': new TextEncoder().encode('{}'), '../../evil.png': new Uint8Array(10) }));
    // Dragged onto the page, as an instructor drops a file from the desktop (dragover, then drop).
    await dropFile(page, 'slip.zip', readFileSync(slip));
    expect(await waitForStatus(page, /could not be built: .*outside the pack folder/, 60_000)).toMatch(/Re-create the zip/);
    const bomb = join(work, 'bomb.zip');
    writeFileSync(bomb, zipSync({ 'real/a.png': [new Uint8Array(64 * 1024 * 1024), { level: 9 }] }));
    await page.setInputFiles('#pack-files', bomb);
    expect(await waitForStatus(page, /could not be built: .*expand \d+-fold/, 60_000)).toMatch(/zip bomb/);
    await page.waitForTimeout(200);
    await screenshot(page, '66-zip-bomb-refused');
    await page.keyboard.press('k');
    await page.keyboard.press('k');
    await waitForStatus(page, /and 0 stored pack/);
  }, 120_000);
});
