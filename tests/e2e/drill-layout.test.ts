import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sessionLink } from '../../src/delivery/index.js';
import { openBrowser, screenshot, SCREENSHOT_DIR } from '../helpers/browser.js';
import { drillReaderSaves, signedDrill } from '../helpers/drill-readers.js';
import { axeFailures, axeViolations, layoutProblems } from '../helpers/layout-check.js';

/**
 * The readiness drill's screens in the layout and accessibility checks (tests/helpers/layout-check.ts) at a laptop,
 * a monitor and a reading-room display: the join page, the reading panels (unprompted with a flag and the kinds of
 * tell, prompted with the AI badge), the debrief, and the lead's drill report with three readers over two drills.
 * Screenshots: tests/e2e/screenshots/drill-layout-<size>-<screen>.png.
 */
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 2560, height: 1440 },
] as const;

async function check(page: Page, size: string, screen: string): Promise<void> {
  await page.waitForTimeout(350);
  await screenshot(page, `drill-layout-${size}-${screen}`);
  expect(await layoutProblems(page), `${size} ${screen}`).toEqual([]);
  expect(axeFailures(await axeViolations(page)), `${size} ${screen}: axe`).toEqual([]);
}

async function toCase(page: Page, k: number, prompted: boolean): Promise<void> {
  await page.waitForFunction((n) => (document.getElementById('game-status')?.textContent ?? '').startsWith(`Film ${n} of`), k, { timeout: 60_000 });
  await page.waitForSelector(prompted ? '#btn-rate-1:not([disabled])' : '#btn-read-normal:not([disabled])');
}

describe('the drill screens lay out and read well at three display sizes', () => {
  const base = inject('baseURL');
  for (const vp of SIZES) {
    const size = `${vp.width}x${vp.height}`;
    it(`at ${size}`, async () => {
      const b = await openBrowser(base, vp);
      const { page } = b;
      try {
        const unprompted = await signedDrill({ cases: 3, prevalence: 0.3, seed: 2, seconds: 90, title: 'May chest list', sessionId: '55555555-5555-4555-8555-555555555555' });
        await page.goto(`${base}${sessionLink(unprompted)}`);
        await page.waitForSelector('#drill-reader-name');
        await page.fill('#drill-reader-name', 'Dr Ana Example');
        await check(page, size, 'join');
        await page.keyboard.press('Enter');
        await page.waitForSelector('#main[data-screen="briefing"]');
        await check(page, size, 'briefing');
        // The time per film in minutes and seconds, not "1.5 minutes".
        expect(await page.textContent('#main')).toContain('Each film has up to 1 minute 30 seconds');
        await page.keyboard.press('Enter');
        await toCase(page, 1, false);
        await page.keyboard.press('2');
        await page.keyboard.press('f');
        await page.waitForSelector('#btn-tell-texture-noise');
        await page.click('#btn-tell-texture-noise');
        await check(page, size, 'reading-flagged');
        for (let k = 1; k <= 3; k++) {
          if (k > 1) {
            await toCase(page, k, false);
            await page.keyboard.press('1');
          }
          await page.keyboard.press('Enter');
        }
        await page.waitForSelector('#main[data-screen="roundReview"]');
        await check(page, size, 'review');
        // Film 1 was read abnormal and flagged: its verdict is about the flag, never a bare "Correct" or "Wrong".
        expect(await page.textContent('#review-verdict')).toMatch(/^Film 1: (Right to flag|Wrong to flag: the film is authentic)\. /);
        // One Enter leaves the review; a second would take the summary to the title screen, so wait for it, not loop
        // on Enter: the summary renders a frame after the store moves there, and a loop could press past it.
        await page.keyboard.press('Enter');
        await page.waitForSelector('#main[data-screen="summary"]');
        await page.waitForSelector('#drill-disclosure');
        await check(page, size, 'debrief');
        // Any fake among 3 films is more than one in ten: not "rare".
        expect(await page.textContent('#drill-disclosure')).not.toContain('rare');

        const prompted = await signedDrill({ cases: 4, prevalence: 0.3, seed: 2, prompted: true, aiHint: 0.8, title: 'June chest list', sessionId: '66666666-6666-4666-8666-666666666666' });
        await page.goto('about:blank');
        await page.goto(`${base}${sessionLink(prompted)}`);
        await page.waitForSelector('#drill-reader-name');
        await page.fill('#drill-reader-name', 'Dr Ana Example');
        await page.keyboard.press('Enter');
        await page.waitForSelector('#main[data-screen="briefing"]');
        await page.keyboard.press('Enter');
        for (let k = 1; k <= 4; k++) {
          await toCase(page, k, true);
          if (await page.$('#ai-badge')) break;
          await page.keyboard.press('3');
          await page.keyboard.press('Enter');
        }
        await page.keyboard.press('5');
        await page.waitForSelector('#btn-tell-anatomical');
        await check(page, size, 'reading-prompted-badge');

        // The lead's report: three readers of one drill and one of an earlier drill (for the trend).
        const may = await signedDrill({ cases: 20, prevalence: 0.1, seed: 11, title: 'May chest list', issuedAt: Date.parse('2026-05-05T08:00:00Z'), sessionId: '77777777-7777-4777-8777-777777777777' });
        const june = await signedDrill({ cases: 20, prevalence: 0.1, seed: 13, prompted: true, aiHint: 0.8, title: 'June chest list', issuedAt: Date.parse('2026-06-02T08:00:00Z'), sessionId: '88888888-8888-4888-8888-888888888888' });
        const files = [
          { name: 'may-ana.json', r: await drillReaderSaves(may, 'Dr Ana Example', (f) => ({ flag: f.fake && f.position % 2 === 0 })) },
          ...(await Promise.all(['Dr Ana Example', 'Dr Ben Example', 'Dr Cy Example'].map(async (n, i) => ({
            name: `june-${i}.json`, r: await drillReaderSaves(june, n, (f) => ({ flag: f.hint ? f.hint === 'manipulated' : f.fake && i > 0, tell: f.tellCategories[0] ?? null })),
          })))),
        ];
        // Leave the drill for the title screen (Esc, then Q), where W opens the drill report.
        await page.keyboard.press('Escape');
        await page.waitForSelector('#menu[role="dialog"]');
        await page.keyboard.press('q');
        await page.waitForSelector('#main[data-screen="title"]');
        await page.keyboard.press('w');
        await page.waitForSelector('#drill-report[role="dialog"]');
        await check(page, size, 'report-empty');
        await page.setInputFiles('#drill-files', files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.r.bytes) })));
        await page.waitForSelector('.drill-trend');
        await check(page, size, 'report');
        // The printout: the report alone, on white, every row on paper.
        await page.emulateMedia({ media: 'print' });
        await screenshot(page, `drill-layout-${size}-report-print`);
        const printed = await page.evaluate(() => ({ base: getComputedStyle(document.getElementById('screen-base') as HTMLElement).display, bg: getComputedStyle(document.querySelector('.dialog') as HTMLElement).backgroundColor }));
        expect(printed).toEqual({ base: 'none', bg: 'rgb(255, 255, 255)' });
        if (vp.width === 1280) {
          // On A4: the first page carries the report, not its title alone; no column heading is split inside a word.
          const pdf = join(SCREENSHOT_DIR, 'drill-report-print.pdf');
          await page.pdf({ path: pdf, format: 'A4', printBackground: true });
          const first = spawnSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
          expect(first.replace(/\s+/g, ' ').length, 'page 1 holds more than the heading').toBeGreaterThan(400);
          expect(spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout).not.toMatch(/Prevalenc\s*\n\s*e\b/);
          spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, join(SCREENSHOT_DIR, 'drill-report-print')]); // pages to look at
        }
        await page.emulateMedia({ media: 'screen' });
        expect(b.pageErrors).toEqual([]);
        expect(b.foreignRequests).toEqual([]);
      } finally {
        await b.close();
      }
    }, 300_000);
  }
});
