import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { sessionLink } from '../../src/delivery/index.js';
import { openBrowser, screenshot, waitForStatus } from '../helpers/browser.js';
import { resultFiles, signedSession } from '../helpers/delivery.js';
import { axeFailures, axeViolations, layoutProblems } from '../helpers/layout-check.js';
import { chooseFiles, playRound } from '../helpers/training.js';

/**
 * The training screens at a laptop, a monitor and a reading-room display (the sizes of layout-a11y.test.ts): the
 * instructor's setup before and after signing, a resident's join page (ready, needing a bundle, refused), the
 * summary with the result block, and the dashboard with three readers, in projector mode too. No text off the
 * window, overlapping or clipped; no axe violation of any impact. Screenshots: training-layout-<size>-<screen>.png.
 */
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 2560, height: 1440 },
] as const;

async function check(page: Page, size: string, screen: string): Promise<void> {
  await page.waitForTimeout(350);
  await screenshot(page, `training-layout-${size}-${screen}`);
  expect(await layoutProblems(page), `${size} ${screen}`).toEqual([]);
  expect(axeFailures(await axeViolations(page)), `${size} ${screen}: axe`).toEqual([]);
}

describe('the training screens lay out and read well at three display sizes', () => {
  const base = inject('baseURL');
  for (const vp of SIZES) {
    const size = `${vp.width}x${vp.height}`;
    it(`at ${size}`, async () => {
      const b = await openBrowser(base, vp);
      const { page } = b;
      try {
        await page.goto(base);
        await page.waitForSelector('#main[data-screen="title"]');
        await page.keyboard.press('n');
        await page.waitForSelector('#session-setup[role="dialog"]');
        await check(page, size, 'setup');
        await page.fill('#setup-title', 'Tuesday deepfake reading for the second-year residents');
        await page.fill('#setup-instructor', 'Dr A. Rossi');
        await page.fill('#setup-cases', '2');
        await page.click('#btn-sign');
        await page.waitForSelector('#setup-qr');
        await check(page, size, 'setup-signed');
        await page.click('#btn-big-code');
        await check(page, size, 'setup-projector-code');
        // For the projector the QR code is whole on screen and large, and the fingerprint stays inside the dialog.
        const box = async (sel: string) => (await page.locator(sel).boundingBox()) ?? { x: -1, y: -1, width: 0, height: 0 };
        const [qr, fp, dlg] = [await box('#setup-qr'), await box('#setup-fingerprint'), await box('#session-setup')];
        expect(qr.y >= 0 && qr.y + qr.height <= vp.height && qr.x >= 0 && qr.x + qr.width <= vp.width, `${size}: the QR code is whole on screen`).toBe(true);
        expect(qr.width, `${size}: the QR code is large`).toBeGreaterThanOrEqual(0.55 * vp.height);
        expect(fp.x + fp.width, `${size}: the fingerprint ends inside the dialog`).toBeLessThanOrEqual(dlg.x + dlg.width);
        const link = await page.inputValue('#setup-link');

        const pack = await signedSession({ deck: { kind: 'pack', packId: 'dept-chest', sha256: 'a'.repeat(64), seed: 3 } });
        await page.goto(`${base}#${sessionLink(pack).slice(1)}`);
        await page.waitForSelector('#join-needs-bundle');
        await check(page, size, 'join-needs-bundle');
        await page.goto(`${base}#session=AAAA`);
        await page.reload();
        await page.waitForSelector('#join-refusal');
        await check(page, size, 'join-refused');

        await page.goto(link);
        await page.reload();
        await page.waitForSelector('#join-name');
        await check(page, size, 'join');
        await page.fill('#join-name', 'Ana');
        await page.keyboard.press('Enter');
        await waitForStatus(page, /round 1 of 1: 2 cases/);
        await playRound(page, 2, (k) => (k === 1 ? 6 : 2));
        await page.waitForSelector('#training-result-title');
        await check(page, size, 'summary');

        await page.goto(base);
        await page.reload();
        await page.waitForSelector('#main[data-screen="title"]');
        await page.keyboard.press('b');
        await page.waitForSelector('#dash-empty');
        await check(page, size, 'dashboard-empty');
        await chooseFiles(page, 'o', 'pick-results', await resultFiles());
        await waitForStatus(page, /Dashboard: 3 readers of/);
        await page.waitForSelector('.dash-case [data-viewer-slot]');
        await page.waitForFunction(() => !document.getElementById('dash-busy'), null, { timeout: 120_000 });
        await check(page, size, 'dashboard');
        await page.keyboard.press('p');
        await check(page, size, 'dashboard-projector');
        expect(b.pageErrors).toEqual([]);
        expect(b.foreignRequests).toEqual([]);
      } finally {
        await b.close();
      }
    }, 400_000);
  }
});
