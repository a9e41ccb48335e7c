import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, screenshot } from '../helpers/browser.js';
import { axeFailures, axeViolations, layoutProblems } from '../helpers/layout-check.js';
import { preparePackage } from '../helpers/lms-harness.js';
import { validateScormManifest } from '../helpers/xmllint.js';

/**
 * The coordinator's module builder on the built game's title screen (L): the form checks what it is given with the
 * command line's rules, and the zip it saves holds the same files, byte for byte, as `npm run lms -- package` with the
 * same options; its manifest is valid against the shipped schemas. Laid out and checked with axe at three sizes.
 */
const SIZES = [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }, { width: 2560, height: 1440 }] as const;

async function checkAllSizes(page: Page, name: string): Promise<void> {
  for (const vp of SIZES) {
    await page.setViewportSize(vp);
    await page.waitForTimeout(300);
    const size = `${vp.width}x${vp.height}`;
    await screenshot(page, `module-builder-${size}-${name}`);
    expect(await layoutProblems(page), `${size} ${name}`).toEqual([]);
    expect(axeFailures(await axeViolations(page)), `${size} ${name}: axe`).toEqual([]);
  }
  await page.setViewportSize(SIZES[0]);
}

describe('the module builder screen', () => {
  it('makes the same SCORM 2004 zip as the command line, with a valid manifest', async () => {
    const base = inject('baseURL');
    const b = await openBrowser(base, SIZES[0]);
    const { page } = b;
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    try {
      await page.goto(base);
      await page.waitForSelector('#main[data-screen="title"]');
      await page.waitForTimeout(500);
      // The module's code, its LMS clients and the PDF library are not part of the game's first load.
      expect(requests.filter((p) => /\/assets\/(lms|lms-clients|pdf|module|module-view|module-builder|font-source-browser)-[\w-]{8}\.js$/.test(p))).toEqual([]);
      await page.keyboard.press('l');
      await page.waitForSelector('#module-builder[role="dialog"]');
      await page.waitForSelector('#btn-build-module:not([disabled])');
      expect(await page.locator('#builder-parts-note').count()).toBe(0); // the built game: a complete zip can be made
      await checkAllSizes(page, 'form');

      // The module's own form (the drill module's form below it has fields of the same names).
      const form = page.locator('#module-builder-form');
      await form.getByLabel('LMS standard').selectOption('scorm2004');
      await form.getByLabel('Activity title (required)').fill('Spotting synthetic radiographs');
      await form.getByLabel('Provider').fill('Test Radiology Institute');
      await form.getByLabel('Module id').fill('spotting-2004');
      for (const [label, value] of [['Pre-test cases', '4'], ['Post-test cases', '4'], ['Practice cases', '2'], ['Pass mark (% of post-test calls)', '80'], ['Post-test attempts', '2'], ['Credits', '1.25'], ['Release date', '2026-01-15'], ['Expiry date', '2028-01-15']] as const) {
        await form.getByLabel(new RegExp(`^${label.replace(/[()%]/g, '\\$&')}`)).fill(value);
      }
      await form.getByLabel('Credit unit').fill('AMA PRA Category 1 Credits™');
      await form.getByLabel('Learning objectives').fill('Recognise the tells of AI-generated radiographs\nUse the loupe on a suspicious margin');
      await form.getByLabel('Faculty and disclosures').fill('Dr Ada Example without a disclosure');
      await page.locator('#btn-build-module').click();
      await expect.poll(() => page.locator('#builder-problems').textContent()).toMatch(/Faculty and disclosures, line 1 'Dr Ada Example without a disclosure': write 'name \| role \| disclosure'/);
      await checkAllSizes(page, 'problems');
      await form.getByLabel('Faculty and disclosures').fill('Dr Ada Example | Course director | Nothing to disclose.\nŁukasz Nowak | Faculty | Consulting fees, Example Imaging Ltd');
      await form.getByLabel('Accreditation and designation statements').fill('Designated for a maximum of 1.25 AMA PRA Category 1 Credits™.');
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.locator('#btn-build-module').click()]);
      expect(download.suggestedFilename()).toBe('spotting-2004-scorm2004.zip');
      const work = mkdtempSync(join(tmpdir(), 'builder-'));
      const zipPath = join(work, 'module.zip');
      await download.saveAs(zipPath);
      await expect.poll(() => page.locator('#builder-report').textContent()).toMatch(/Saved spotting-2004-scorm2004\.zip .*Upload it to your LMS as a SCORM 2004 4th Edition package\..*Post-test 2: 4 cases matched/s);
      await checkAllSizes(page, 'built');

      const files = unzipSync(readFileSync(zipPath));
      const dir = join(work, 'unzipped');
      for (const [p, bytes] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, p)), { recursive: true });
        writeFileSync(join(dir, p), bytes);
      }
      const v = validateScormManifest(dir, 'scorm2004');
      expect(v.ok, v.output).toBe(true);
      // The command line with the same options (objectives, disclosures and statement as files) makes the same files.
      for (const [f, text] of [['o.txt', 'Recognise the tells of AI-generated radiographs\nUse the loupe on a suspicious margin\n'], ['d.txt', 'Dr Ada Example | Course director | Nothing to disclose.\nŁukasz Nowak | Faculty | Consulting fees, Example Imaging Ltd\n'], ['s.txt', 'Designated for a maximum of 1.25 AMA PRA Category 1 Credits™.']] as const) writeFileSync(join(work, f), text);
      const cliDir = await preparePackage('scorm2004', ['--deck', 'demo', '--seed', '7', '--pre', '4', '--post', '4', '--practice', '2', '--pass-mark', '0.8', '--attempts', '2',
        '--title', 'Spotting synthetic radiographs', '--provider', 'Test Radiology Institute', '--id', 'spotting-2004', '--credits', '1.25', '--credit-unit', 'AMA PRA Category 1 Credits™',
        '--release', '2026-01-15', '--expiry', '2028-01-15', '--objectives', join(work, 'o.txt'), '--disclosures', join(work, 'd.txt'), '--credit-statement', join(work, 's.txt')], { withTestLaunchPage: false });
      const cliFiles = unzipSync(readFileSync(join(dirname(cliDir), 'module.zip')));
      expect(Object.keys(files).sort()).toEqual(Object.keys(cliFiles).sort());
      const differ = Object.keys(files).filter((p) => Buffer.compare(Buffer.from(files[p]!), Buffer.from(cliFiles[p]!)) !== 0);
      expect(differ).toEqual([]);
      expect(b.pageErrors).toEqual([]);
      expect(b.foreignRequests).toEqual([]);
    } finally {
      await b.close();
    }
  }, 300_000);
});
