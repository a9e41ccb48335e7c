import { describe, expect, inject, it } from 'vitest';
import { browserForFile, changedPixels, meanAbsDiff, screenshot, viewerShot, waitForStatus } from '../helpers/browser.js';

/** The artifact atlas: every entry, a live before/after example, and a drill that starts from it. */
describe('the artifact atlas', () => {
  const base = inject('baseURL');
  const browser = browserForFile();

  it('shows an entry with a live example that differs from its original, and starts a drill of that tell', async () => {
    const { page } = browser.b;
    await page.goto(base);
    await page.waitForSelector('#game canvas[data-screen="title"]');
    await page.keyboard.press('a');
    await waitForStatus(page, /^Atlas: A1 Excess bilateral symmetry\. .*A live example is on screen/);
    await page.waitForSelector('#game canvas[data-screen="atlas"]');
    await page.waitForTimeout(2500);
    const fake = await viewerShot(page, '40-atlas-A1-fake');
    await screenshot(page, '40-atlas');
    expect(fake.std).toBeGreaterThan(20);
    await page.keyboard.press('c');
    await page.waitForTimeout(800);
    const original = await viewerShot(page, '41-atlas-A1-original');
    expect(changedPixels(fake, original), 'the live example is a fake of its original').toBeGreaterThan(50);
    await page.keyboard.press('Enter');
    await waitForStatus(page, /Drill: every fake in this session shows A1 Excess bilateral symmetry\. Practice, round 1 of 3/);
    await page.keyboard.press('Enter');
    await waitForStatus(page, /Case 1 of 6/);
    expect(browser.b.pageErrors).toEqual([]);
  });
});
