import { describe, expect, inject, it } from 'vitest';
import { browserForFile, screenshot, viewerShot, waitForStatus } from '../helpers/browser.js';

/** Mouse-only play, window resizing, the menu and the persisted sound setting, in headless Chromium. */
describe('controls in the browser', () => {
  const base = inject('baseURL');
  const W = 1400;
  const H = 900;
  const browser = browserForFile({ width: W, height: H });

  it('plays a case with the mouse alone: start button, rating button', async () => {
    const { page } = browser.b;
    await page.goto(`${base}?mode=practice&deck=demo&seed=3&cases=2&seconds=60&rounds=1`);
    await waitForStatus(page, /Practice, round 1 of 1/);
    // A person clicks what they see: the briefing's start button, a rating button, the answer button.
    await page.click('#btn-start-round');
    await waitForStatus(page, /Case 1 of 2/);
    await page.click('#btn-rate-5');
    await waitForStatus(page, /Rating 5, probably fake/);
    // The click did not take the keyboard focus, so Enter still gives the answer (it does not press "5" again).
    expect(await page.evaluate(() => document.activeElement?.id ?? '')).not.toBe('btn-rate-5');
    await page.click('#btn-confirm');
    await waitForStatus(page, /Answer given: probably fake/);
    // The sounds are got ready once the first case is on screen, not while the page starts (audio-port.ts); Howler
    // names itself on the window, and its context runs after the clicks above.
    await page.waitForFunction(() => (window as unknown as { Howler?: { ctx?: AudioContext } }).Howler?.ctx?.state === 'running', undefined, { timeout: 10_000 });
  });

  it('Esc pauses the clock behind a menu that hides the image, and Esc resumes', async () => {
    const { page } = browser.b;
    await waitForStatus(page, /Case 2 of 2/);
    await page.keyboard.press('Escape');
    await waitForStatus(page, /Paused\. Menu open/);
    await page.waitForTimeout(300);
    await screenshot(page, '20-menu');
    expect(await page.locator('.viewer-frame').evaluate((e) => getComputedStyle(e).visibility)).toBe('hidden');
    // The menu is reached by Tab too: its buttons are real buttons, in order.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
    await page.keyboard.press('Escape');
    await waitForStatus(page, /Menu closed/);
    expect(await page.locator('.viewer-frame').evaluate((e) => getComputedStyle(e).visibility)).toBe('visible');
  });

  it('resizing the window resizes the viewer, and the image still fills it', async () => {
    const { page } = browser.b;
    const before = (await page.locator('.viewer').boundingBox())!;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.waitForTimeout(600);
    const after = (await page.locator('.viewer').boundingBox())!;
    expect(after.width).toBeLessThan(before.width - 60);
    expect(after.height).toBeLessThan(before.height - 100);
    const shot = await viewerShot(page, '21-resized-viewer');
    expect(shot.std).toBeGreaterThan(20);
    await screenshot(page, '21-resized');
    await page.setViewportSize({ width: W, height: H });
  });

  it('S mutes, and the setting survives a reload', async () => {
    // A fresh browser: the session above is still in progress and would be resumed on this origin.
    const { page } = await browser.fresh();
    await page.goto(base);
    await page.waitForSelector('#main[data-screen="title"]');
    await page.keyboard.press('s');
    await waitForStatus(page, /Sound off\./);
    // On a screen without a case the sounds are got ready after a quiet moment, muted as set before.
    await page.waitForFunction(() => (window as unknown as { Howler?: { _muted?: boolean; ctx?: unknown } }).Howler?._muted === true, undefined, { timeout: 10_000 });
    await page.reload();
    await page.waitForSelector('#main[data-screen="title"]');
    await page.keyboard.press('s');
    await waitForStatus(page, /Sound on, volume 60%\./);
    await page.keyboard.press('h');
    await waitForStatus(page, /Help: the controls are listed/);
    await page.waitForTimeout(300);
    await screenshot(page, '22-help');
    // Closing Help and opening the drill report says so: the line never keeps a closed screen's words.
    await page.keyboard.press('Escape');
    await waitForStatus(page, /^Help closed\.$/);
    await page.keyboard.press('w');
    await waitForStatus(page, /^Drill report: /);
    expect(browser.b.pageErrors).toEqual([]);
    expect(browser.b.foreignRequests).toEqual([]);
  });
});
