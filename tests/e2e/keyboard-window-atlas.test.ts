import { describe, expect, inject, it } from 'vitest';
import { browserForFile, meanAbsDiff, openAtlasByKey, screenshot, startPracticeCase, statusText, viewerShot, waitForStatus } from '../helpers/browser.js';
import { changedNear, crosshairAt, loupeMoveBy, pressTimes, viewerWindow } from '../helpers/viewer-keys.js';
import { stepVoi } from '../../src/viewer/presets.js';

/**
 * Window/level by keys alone, and the atlas's live example worked by keyboard as a case is (WCAG 2.2 2.1.1), at a
 * laptop's 1280 x 720. Screenshots: tests/e2e/screenshots/kbd-wl-*.png.
 */
describe('window/level and the atlas by keyboard', () => {
  const base = inject('baseURL');
  const browser = browserForFile({ width: 1280, height: 720 });
  /** No clamping in the middle of a 16-bit range: the steps the keys take there. */
  const open = { min: 0, max: 65535 };
  const said = /^Window width (\d+), centre (-?\d+)(, the (narrowest|widest|lowest|highest) it goes)?\.$/;

  it('changes the window width and centre with [ ] , . (Shift: bigger steps), says so, and Space resets it', async () => {
    const { page } = browser.b;
    await startPracticeCase(page, base, { seed: 7, cases: 2, seconds: 120 });
    await page.waitForTimeout(400);
    const start = await viewerWindow(page);
    expect(start.windowWidth, 'the image window is shown').toBeGreaterThan(1);
    const plain = await viewerShot(page);

    // [ narrows by a small step: the status says the new window, and the viewer shows it.
    await page.keyboard.press('[');
    let voi = stepVoi(start, 'narrower', false, open).voi;
    await waitForStatus(page, new RegExp(`^Window width ${Math.round(voi.windowWidth)}, centre ${Math.round(start.windowCenter)}\\.$`));
    await expect.poll(() => viewerWindow(page)).toEqual(voi);
    // Shift+[ narrows in big steps: more contrast than at the start.
    await pressTimes(page, 'Shift+BracketLeft', 2);
    for (let i = 0; i < 2; i++) voi = stepVoi(voi, 'narrower', true, open).voi;
    await waitForStatus(page, new RegExp(`^Window width ${Math.round(voi.windowWidth)}, `));
    await expect.poll(() => viewerWindow(page)).toEqual(voi);
    await page.waitForTimeout(200);
    const narrow = await viewerShot(page, 'kbd-wl-01-narrower');
    expect(narrow.std, 'a narrower window shows more contrast').toBeGreaterThan(plain.std);

    // ] widens, Shift+] in a bigger step: the grey scale flattens again.
    await page.keyboard.press(']');
    voi = stepVoi(voi, 'wider', false, open).voi;
    await waitForStatus(page, new RegExp(`^Window width ${Math.round(voi.windowWidth)}, `));
    await page.keyboard.press('Shift+BracketRight');
    voi = stepVoi(voi, 'wider', true, open).voi;
    await waitForStatus(page, new RegExp(`^Window width ${Math.round(voi.windowWidth)}, `));
    await expect.poll(() => viewerWindow(page)).toEqual(voi);
    await page.waitForTimeout(200);
    expect((await viewerShot(page, 'kbd-wl-02-wider')).std, 'a wider window shows less contrast').toBeLessThan(narrow.std);

    // . raises the centre (the image darkens), , lowers it (it brightens); Shift+. is a bigger step.
    await page.keyboard.press('.');
    voi = stepVoi(voi, 'higher', false, open).voi;
    await waitForStatus(page, new RegExp(`, centre ${Math.round(voi.windowCenter)}\\.$`));
    await page.keyboard.press('Shift+Period');
    voi = stepVoi(voi, 'higher', true, open).voi;
    await waitForStatus(page, new RegExp(`, centre ${Math.round(voi.windowCenter)}\\.$`));
    await expect.poll(() => viewerWindow(page)).toEqual(voi);
    await page.waitForTimeout(200);
    const dark = await viewerShot(page);
    await pressTimes(page, ',', 2);
    for (let i = 0; i < 2; i++) voi = stepVoi(voi, 'lower', false, open).voi;
    await waitForStatus(page, new RegExp(`, centre ${Math.round(voi.windowCenter)}\\.$`));
    await expect.poll(() => viewerWindow(page)).toEqual(voi);
    await page.waitForTimeout(200);
    expect((await viewerShot(page)).mean, 'a lower centre brightens the image').toBeGreaterThan(dark.mean);

    // The window never goes below 1: Shift+[ held down stops there and says so.
    await pressTimes(page, 'Shift+BracketLeft', 30);
    await waitForStatus(page, /^Window width 1, centre -?\d+, the narrowest it goes\.$/);
    await expect.poll(async () => (await viewerWindow(page)).windowWidth).toBe(1);
    await page.waitForTimeout(200);
    await viewerShot(page, 'kbd-wl-03-narrowest');

    // Space resets the window with the view.
    await page.keyboard.press('Space');
    await page.waitForTimeout(300);
    await expect.poll(() => viewerWindow(page)).toEqual(start);
    expect(await statusText(page)).toMatch(said);

    // The help lists the keys; it fits the screen.
    await page.keyboard.press('h');
    await page.waitForSelector('#help');
    const row = page.locator('#help tr', { hasText: 'Window / level by keys' });
    expect(await row.count()).toBe(1);
    expect(await row.locator('kbd').textContent()).toMatch(/\[ \/ \].*, \/ \./);
    await row.scrollIntoViewIfNeeded();
    const r = (await row.boundingBox())!;
    expect(r.x + r.width, 'the row fits the width').toBeLessThanOrEqual(1280);
    const k = (await row.locator('kbd').boundingBox())!;
    expect(k.x + k.width, 'the keys do not run into their words').toBeLessThan((await row.locator('td').boundingBox())!.x);
    await screenshot(page, 'kbd-wl-04-help-1280x720');
    await page.locator('#help tr', { hasText: 'Artifact atlas' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'kbd-wl-04b-help-atlas-row-1280x720');
    expect(browser.b.pageErrors).toEqual([]);
  });

  it("moves the atlas example's crosshair, zooms about it, the loupe follows it and a zoomed view pans with it, by keys alone", async () => {
    const { page } = await browser.fresh();
    await openAtlasByKey(page, base);
    await page.waitForSelector('[data-image-id="game:atlas-A1"]', { state: 'attached', timeout: 60_000 });
    await page.waitForTimeout(400);
    const plain = await viewerShot(page);
    const box = (await page.locator('.viewer').boundingBox())!;
    const centre = { x: Math.round(box.width / 2), y: Math.round(box.height / 2) };

    // Left / Right show and move the crosshair (Up / Down still choose the entry); Shift+Up / Down move it too.
    await page.keyboard.press('ArrowRight');
    await waitForStatus(page, /^Crosshair on, in the centre of the image\. Left and Right move it, Shift\+Up and Shift\+Down too/);
    await page.keyboard.press('Shift+ArrowRight');
    await pressTimes(page, 'ArrowRight', 2);
    await page.keyboard.press('Shift+ArrowDown');
    await page.waitForTimeout(300);
    const there = { x: centre.x + 80, y: centre.y + 60 };
    const moved = await viewerShot(page);
    await screenshot(page, 'kbd-wl-05-atlas-crosshair-1280x720');
    expect(crosshairAt(moved, there), 'the crosshair moved 80 px right and 60 px down').toBe(true);
    expect(changedNear(plain, moved, there, 32).far, 'and nothing else changed').toBe(0);
    expect(await statusText(page)).toMatch(/^Crosshair/);

    // + zooms about the crosshair: it stays where it was on screen while the image grows around it.
    await page.keyboard.press('+');
    await waitForStatus(page, /^Zoom 125% of the fitted view\.$/);
    await page.waitForTimeout(300);
    const zoomed = await viewerShot(page, 'kbd-wl-06-atlas-zoomed');
    expect(crosshairAt(zoomed, there), 'the crosshair stayed where it was').toBe(true);
    expect(changedNear(moved, zoomed, there, 32).far, 'the image grew around it').toBeGreaterThan(1000);

    // M: the loupe sits on the crosshair and follows the arrows.
    await page.keyboard.press('m');
    await waitForStatus(page, /^Loupe on/);
    await page.waitForTimeout(300);
    const loupeMoved = await loupeMoveBy(page, ['ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'Shift+ArrowUp']);
    expect(loupeMoved.x).toBeCloseTo(-30, 0);
    expect(loupeMoved.y).toBeCloseTo(-60, 0);
    await screenshot(page, 'kbd-wl-07-atlas-loupe-1280x720');
    await page.keyboard.press('m');
    await waitForStatus(page, /^Loupe off\.$/);

    // Zoomed further in, the crosshair pushed past the view's edge pans the example.
    await pressTimes(page, '+', 3);
    await waitForStatus(page, /^Zoom 244% of the fitted view\.$/);
    await page.waitForTimeout(300);
    const deep = await viewerShot(page);
    await pressTimes(page, 'Shift+ArrowRight', 8);
    await page.waitForTimeout(300);
    expect(meanAbsDiff(deep, await viewerShot(page, 'kbd-wl-08-atlas-panned')), 'the image moved under the view').toBeGreaterThan(5);

    // The window/level keys work on the example too.
    const start = await viewerWindow(page);
    await page.keyboard.press('[');
    await waitForStatus(page, said);
    await expect.poll(() => viewerWindow(page)).toEqual(stepVoi(start, 'narrower', false, open).voi);

    // Down still chooses the next entry, whose example starts without the crosshair.
    await page.keyboard.press('ArrowDown');
    await waitForStatus(page, /^Atlas: A2 /);
    expect(browser.b.pageErrors).toEqual([]);
  }, 120_000);
});
