import { describe, expect, inject, it } from 'vitest';
import { browserForFile, meanAbsDiff, screenshot, startPracticeCase, statusText, viewerShot, waitForStatus } from '../helpers/browser.js';
import { tabTo } from '../helpers/focus.js';
import { changedNear as changed, crosshairAt, loupeMoveBy, pressTimes as press } from '../helpers/viewer-keys.js';

/**
 * The viewer by keyboard alone (WCAG 2.2 2.1.1), at a laptop's 1280 x 720: the crosshair the arrows move, a mark
 * placed and removed with X, zoom with + and -, a zoomed image panned by the crosshair, the loupe following it, and
 * the DICOM header opened by its own button. Screenshots: tests/e2e/screenshots/kbd-*.png.
 */
describe('the viewer by keyboard', () => {
  const base = inject('baseURL');
  const browser = browserForFile({ width: 1280, height: 720 });

  it('plays a case without the mouse: crosshair, mark and unmark, zoom, pan, loupe, DICOM header', async () => {
    const { page } = browser.b;
    await startPracticeCase(page, base, { seed: 7, cases: 2, seconds: 120 });
    await page.waitForTimeout(400);
    const plain = await viewerShot(page);
    const box = (await page.locator('.viewer').boundingBox())!;
    const centre = { x: Math.round(box.width / 2), y: Math.round(box.height / 2) };

    // Nothing is drawn until a key asks: the first arrow shows the crosshair at the centre and says how to use it.
    await page.keyboard.press('ArrowRight');
    await waitForStatus(page, /^Crosshair on, in the centre of the image\. Arrow keys move it \(Shift: bigger steps\), X marks/);
    await page.waitForTimeout(200);
    const shown = await viewerShot(page, 'kbd-01-crosshair');
    const drawn = changed(plain, shown, centre, 32);
    expect(drawn.near, 'the crosshair is drawn at the centre').toBeGreaterThan(150);
    expect(drawn.far, 'and nothing else changed').toBe(0);
    expect(crosshairAt(shown, centre)).toBe(true);

    // Shift moves it in big steps (60 screen px); the status names the ninth of the image, not every step.
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await waitForStatus(page, /^Crosshair: middle right\.$/);
    await page.waitForTimeout(200);
    const moved = await viewerShot(page);
    const there = { x: centre.x + 120, y: centre.y };
    expect(changed(plain, moved, there, 32).near, 'the crosshair moved 120 px right').toBeGreaterThan(150);
    expect(changed(plain, moved, there, 32).far).toBe(0);
    expect(crosshairAt(moved, there)).toBe(true);

    // X marks there, through the click's own path: the same status, and the mark counts.
    await page.keyboard.press('x');
    await waitForStatus(page, /^1 mark placed\.$/);
    // The status is said as the store changes; the panel renders on the next frame.
    await expect.poll(() => page.textContent('.marks')).toMatch(/^Marks 1\/3/);
    await page.waitForTimeout(200);
    const marked = await viewerShot(page, 'kbd-02-marked');
    expect(marked.cyan, 'the mark ring is drawn').toBeGreaterThan(40);
    // X on the mark removes it.
    await page.keyboard.press('x');
    await waitForStatus(page, /^0 marks placed\.$/);
    await expect.poll(() => page.textContent('.marks')).toMatch(/^Marks 0\/3/);
    await page.waitForTimeout(200);
    expect((await viewerShot(page)).cyan).toBeLessThan(5);
    await page.keyboard.press('x');
    await waitForStatus(page, /^1 mark placed\.$/);

    // + and - zoom about the crosshair; - undoes +.
    await page.waitForTimeout(200);
    const before = await viewerShot(page);
    await page.keyboard.press('+');
    await waitForStatus(page, /^Zoom 125% of the fitted view\.$/);
    await page.waitForTimeout(200);
    const zoomed = await viewerShot(page, 'kbd-03-zoomed');
    expect(meanAbsDiff(before, zoomed), 'zoom changed what is shown').toBeGreaterThan(3);
    expect(crosshairAt(zoomed, there), 'the crosshair stayed where it was on screen').toBe(true);
    await page.keyboard.press('-');
    await waitForStatus(page, /^Zoom 100% of the fitted view\.$/);
    await page.waitForTimeout(200);
    expect(meanAbsDiff(before, await viewerShot(page)), 'zoom out undid zoom in').toBeLessThan(0.5);

    // Zoomed in, the crosshair pushed past the edge pans the image.
    await press(page, '+', 4);
    await waitForStatus(page, /^Zoom 244% of the fitted view\.$/);
    await page.waitForTimeout(200);
    const deep = await viewerShot(page);
    await press(page, 'Shift+ArrowDown', 8);
    await page.waitForTimeout(300);
    const panned = await viewerShot(page, 'kbd-04-panned');
    expect(meanAbsDiff(deep, panned), 'the image moved under the view').toBeGreaterThan(5);
    await page.keyboard.press('Space');
    await page.waitForTimeout(200);

    // M by key: the loupe sits on the crosshair and the arrows move both.
    await page.keyboard.press('m');
    await waitForStatus(page, /^Loupe on/);
    await page.waitForTimeout(300);
    expect(await page.locator('.viewer-loupe').isVisible()).toBe(true);
    const loupeMoved = await loupeMoveBy(page, ['ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowUp']);
    expect(loupeMoved.x).toBeCloseTo(-30, 0);
    expect(loupeMoved.y).toBeCloseTo(-10, 0);
    await screenshot(page, 'kbd-05-loupe-1280x720');
    await page.keyboard.press('m');
    await waitForStatus(page, /^Loupe off\.$/);

    // The DICOM header has its own button: Tab reaches it, Enter presses it; a click works too.
    await tabTo(page, 'btn-header');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#header-panel');
    expect(await page.getAttribute('#btn-header', 'aria-pressed')).toBe('true');
    expect(await page.locator('#header-fields dt').count()).toBeGreaterThan(3);
    await page.waitForTimeout(300);
    await screenshot(page, 'kbd-06-header-1280x720');
    await page.click('#btn-header');
    await page.waitForSelector('#header-panel', { state: 'detached' });
    await page.click('#btn-header');
    await page.waitForSelector('#header-panel');
    await page.keyboard.press('d');
    await page.waitForSelector('#header-panel', { state: 'detached' });

    // The rating keys work with the focus on a button; Enter there presses that button, so Shift+Tab to the answer's.
    await page.keyboard.press('5');
    await waitForStatus(page, /Rating 5/);
    await tabTo(page, 'btn-confirm', { back: true });
    await page.keyboard.press('Enter');
    await waitForStatus(page, /Case 2 of 2/);
    // A new case starts without the crosshair; the mouse in use hides it again.
    await page.waitForTimeout(400);
    const second = await viewerShot(page);
    await page.keyboard.press('ArrowDown');
    await waitForStatus(page, /^Crosshair on, in the centre of the image\./);
    await page.mouse.move(box.x + 40, box.y + 40);
    await page.mouse.move(box.x + 60, box.y + 50);
    await page.waitForTimeout(300);
    expect(changed(second, await viewerShot(page), centre, 32).near, 'the mouse hid the crosshair').toBe(0);
    await page.mouse.move(0, 0);
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');

    // In the round's review the mark placed with X is drawn with the case; Shift+Left/Right move the crosshair
    // there, plain Left/Right still change case.
    await waitForStatus(page, /Round 1 review/);
    await page.waitForTimeout(500);
    expect((await viewerShot(page, 'kbd-07-review')).cyan, 'the keyboard mark was kept with the answer').toBeGreaterThan(20);
    await page.keyboard.press('Shift+ArrowLeft');
    await waitForStatus(page, /^Crosshair on/);
    await page.keyboard.press('ArrowRight');
    await waitForStatus(page, /^Case 2: (fake|real)/);
    expect(await statusText(page)).not.toMatch(/Crosshair/);
    expect(browser.b.pageErrors).toEqual([]);
  });
});
