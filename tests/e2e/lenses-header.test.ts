import { describe, expect, inject, it } from 'vitest';
import { browserForFile, meanAbsDiff, screenshot, startPracticeCase, viewerShot, waitForStatus } from '../helpers/browser.js';

/** Forensic lenses and the header panel while reading, in headless Chromium. */
describe('forensic lenses and the header panel', () => {
  const base = inject('baseURL');
  const browser = browserForFile();

  it('each lens key shows a different view of the same case and says what a tell looks like; zoom survives', async () => {
    const { page } = browser.b;
    await startPracticeCase(page, base, { seed: 31, cases: 2, seconds: 120 });
    await page.waitForTimeout(300);
    const plain = await viewerShot(page);
    const box = (await page.locator('.viewer').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -400);
    await page.waitForTimeout(200);
    const zoomed = await viewerShot(page);
    const seen: number[] = [];
    for (const [key, name] of [['n', 'Noise'], ['l', 'variance'], ['q', 'spectrum'], ['b', 'flip|symmetry|Flip'], ['e', 'error|Error']] as const) {
      await page.keyboard.press(key);
      const said = await waitForStatus(page, new RegExp(`${name}.* lens: `, 'i'));
      expect(said.length).toBeGreaterThan(30);
      await page.waitForTimeout(700);
      const shot = await viewerShot(page, `50-lens-${key}`);
      expect(meanAbsDiff(shot, zoomed), `lens ${key} shows something other than the plain image`).toBeGreaterThan(5);
      seen.push(shot.mean);
    }
    await screenshot(page, '51-lens-panel');
    await page.keyboard.press('e');
    await waitForStatus(page, /Lens off/);
    await page.waitForTimeout(500);
    const back = await viewerShot(page);
    expect(meanAbsDiff(back, zoomed), 'switching the lens off restores the zoomed plain view').toBeLessThan(3);
    expect(meanAbsDiff(back, plain), 'zoom was kept through the lenses').toBeGreaterThan(3);

    await page.keyboard.press('d');
    await page.waitForTimeout(400);
    await screenshot(page, '52-header-panel');
    // The header panel sits beside the image: it covers neither the rating buttons nor the viewer, and its long list
    // scrolls inside it.
    const header = (await page.locator('#header-panel').boundingBox())!;
    const rate = (await page.locator('#btn-rate-6').boundingBox())!;
    const viewer = (await page.locator('.viewer').boundingBox())!;
    expect(header.x + header.width).toBeLessThanOrEqual(viewer.x + 1);
    expect(header.x + header.width).toBeLessThanOrEqual(rate.x);
    expect(await page.locator('#header-fields').evaluate((e) => getComputedStyle(e.parentElement as Element).overflowY)).toBe('auto');
    expect(browser.b.pageErrors).toEqual([]);
  });
});
