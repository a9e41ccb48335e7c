import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, openAtlasByKey, screenshot, startPracticeCase, viewerShot, waitForStatus } from '../helpers/browser.js';
import { viewerWindow } from '../helpers/viewer-keys.js';
import { stepVoi } from '../../src/viewer/presets.js';

/**
 * Window/level by keys on German and French keyboards (WCAG 2.1.1), at a laptop's 1280 x 720: there [ and ] need
 * AltGr, which browsers on Windows report as Ctrl+Alt with the AltGraph state. Playwright types as a US keyboard does,
 * so the keydowns are dispatched as those layouts send them. Screenshot: tests/e2e/screenshots/kbd-layout-*.png.
 */
interface Sent {
  readonly key: string;
  readonly code: string;
  readonly ctrlKey?: boolean;
  readonly altKey?: boolean;
  readonly shiftKey?: boolean;
  readonly altGraph?: boolean;
}
const altGr = { ctrlKey: true, altKey: true, altGraph: true } as const;

/** Dispatches a keydown as the browser would for that layout; returns whether the page took it (preventDefault). */
async function send(page: Page, k: Sent): Promise<{ taken: boolean; altGraph: boolean }> {
  return page.evaluate(({ key, code, ctrlKey, altKey, shiftKey, altGraph }) => {
    const e = new KeyboardEvent('keydown', {
      key, code, ctrlKey, altKey, shiftKey, modifierAltGraph: altGraph, bubbles: true, cancelable: true,
    } as KeyboardEventInit);
    document.body.dispatchEvent(e);
    return { taken: e.defaultPrevented, altGraph: e.getModifierState('AltGraph') };
  }, { ctrlKey: false, altKey: false, shiftKey: false, altGraph: false, ...k });
}

describe('window/level by keys on German and French keyboards', () => {
  const base = inject('baseURL');
  const browser = browserForFile({ width: 1280, height: 720 });
  const open = { min: 0, max: 65535 };

  it('AltGr+8 / 9 (German [ ]), the ü key and French AltGr+5 change the window width; Ctrl+[ alone does not', async () => {
    const { page } = browser.b;
    await startPracticeCase(page, base, { seed: 7, cases: 2, seconds: 120 });
    await page.waitForTimeout(400);
    const start = await viewerWindow(page);
    expect(start.windowWidth, 'the image window is shown').toBeGreaterThan(1);

    // German AltGr+8 types [: Ctrl+Alt down and the AltGraph state, as Chrome on Windows reports it.
    const first = await send(page, { key: '[', code: 'Digit8', ...altGr });
    expect(first.altGraph, 'the event carries the AltGraph state').toBe(true);
    expect(first.taken, 'the game takes AltGr+8').toBe(true);
    let voi = stepVoi(start, 'narrower', false, open).voi;
    await waitForStatus(page, new RegExp(`^Window width ${Math.round(voi.windowWidth)}, centre ${Math.round(start.windowCenter)}\\.$`));
    await expect.poll(() => viewerWindow(page)).toEqual(voi);

    // AltGr+7 types {: a bigger step, as Shift+[ on a US keyboard.
    await send(page, { key: '{', code: 'Digit7', ...altGr });
    voi = stepVoi(voi, 'narrower', true, open).voi;
    await expect.poll(() => viewerWindow(page)).toEqual(voi);
    await page.waitForTimeout(200);
    await viewerShot(page, 'kbd-layout-01-altgr-narrower');

    // AltGr+9 types ]: wider again.
    await send(page, { key: ']', code: 'Digit9', ...altGr });
    voi = stepVoi(voi, 'wider', false, open).voi;
    await waitForStatus(page, new RegExp(`^Window width ${Math.round(voi.windowWidth)}, `));
    await expect.poll(() => viewerWindow(page)).toEqual(voi);

    // The ü key, where a US keyboard has [, narrows too (ü means nothing to the game).
    await send(page, { key: 'ü', code: 'BracketLeft' });
    voi = stepVoi(voi, 'narrower', false, open).voi;
    await expect.poll(() => viewerWindow(page)).toEqual(voi);

    // Shift+. types : on a German keyboard: the bigger step up of the centre, as Shift+. on a US one.
    await send(page, { key: ':', code: 'Period', shiftKey: true });
    voi = stepVoi(voi, 'higher', true, open).voi;
    await expect.poll(() => viewerWindow(page)).toEqual(voi);

    // French AltGr+5 types [; French . is Shift+; and takes the small step up.
    await send(page, { key: '[', code: 'Digit5', ...altGr });
    voi = stepVoi(voi, 'narrower', false, open).voi;
    await send(page, { key: '.', code: 'Comma', shiftKey: true });
    voi = stepVoi(voi, 'higher', false, open).voi;
    await expect.poll(() => viewerWindow(page)).toEqual(voi);

    // Ctrl+[ and Cmd+] stay the browser's: not taken, and the window stays.
    expect((await send(page, { key: '[', code: 'BracketLeft', ctrlKey: true })).taken).toBe(false);
    expect(await page.evaluate(() => {
      const e = new KeyboardEvent('keydown', { key: ']', code: 'BracketRight', metaKey: true, bubbles: true, cancelable: true });
      document.body.dispatchEvent(e);
      return e.defaultPrevented;
    })).toBe(false);
    await page.waitForTimeout(300);
    expect(await viewerWindow(page)).toEqual(voi);
    await viewerShot(page, 'kbd-layout-02-german-french');

    // The tools' hint and the help say AltGr; the help's row fits the screen.
    expect(await page.locator('.hint', { hasText: 'window/level' }).first().textContent()).toMatch(/AltGr or Option/);
    await page.keyboard.press('h');
    await page.waitForSelector('#help');
    const row = page.locator('#help tr', { hasText: 'Window / level by keys' });
    expect(await row.textContent()).toMatch(/AltGr \(Option on a Mac\).*US keyboard/);
    await row.scrollIntoViewIfNeeded();
    const r = (await row.boundingBox())!;
    expect(r.x + r.width, 'the row fits the width').toBeLessThanOrEqual(1280);
    await screenshot(page, 'kbd-layout-03-help-1280x720');
    expect(browser.b.pageErrors).toEqual([]);
  });

  it("the atlas's example takes AltGr+8 (German [) too", async () => {
    const { page } = await browser.fresh();
    await openAtlasByKey(page, base);
    await page.waitForSelector('[data-image-id="game:atlas-A1"]', { state: 'attached', timeout: 60_000 });
    await page.waitForTimeout(400);
    const start = await viewerWindow(page);
    // Its window starts as wide as its values go, so [ shows the key working.
    await send(page, { key: '[', code: 'Digit8', ...altGr });
    await expect.poll(() => viewerWindow(page)).toEqual(stepVoi(start, 'narrower', false, open).voi);
    expect(browser.b.pageErrors).toEqual([]);
  }, 120_000);
});
