import { describe, expect, inject, it } from 'vitest';
import { browserForFile, changedPixels, openAtlasByKey, screenshot, viewerShot, waitForStatus } from '../helpers/browser.js';

/** The artifact atlas: every entry, a live before/after example, and a drill that starts from it. */
describe('the artifact atlas', () => {
  const base = inject('baseURL');
  const browser = browserForFile();

  it('shows an entry with a live example that differs from its original, and starts a drill of that tell', async () => {
    const { page } = browser.b;
    await page.goto(base);
    await page.waitForSelector('#main[data-screen="title"]');
    await page.keyboard.press('a');
    await waitForStatus(page, /^Atlas: A1 Excess bilateral symmetry\. .*A live example is on screen/);
    await page.waitForSelector('#atlas[role="dialog"]');
    await page.waitForSelector('[data-image-id="game:atlas-A1"]', { state: 'attached', timeout: 60_000 });
    await page.waitForTimeout(300);
    const fake = await viewerShot(page, '40-atlas-A1-fake');
    await screenshot(page, '40-atlas');
    expect(fake.std).toBeGreaterThan(20);
    await page.keyboard.press('c');
    await page.waitForSelector('[data-image-id="game:atlas-A1:original"]', { state: 'attached', timeout: 30_000 });
    await page.waitForTimeout(300);
    const original = await viewerShot(page, '41-atlas-A1-original');
    expect(changedPixels(fake, original), 'the live example is a fake of its original').toBeGreaterThan(50);
    await page.keyboard.press('Enter');
    await waitForStatus(page, /Drill: every fake in this session shows A1 Excess bilateral symmetry\./);
    await page.keyboard.press('Enter');
    await waitForStatus(page, /Case 1 of 8/);
    expect(browser.b.pageErrors).toEqual([]);
  });

  it('has a live example for every one of the 27 catalog entries, A10 and T4 included', async () => {
    const { page } = await browser.fresh();
    const said: string[] = [await openAtlasByKey(page, base)];
    for (let i = 1; i < 27; i++) {
      await page.keyboard.press('ArrowDown');
      said.push(await waitForStatus(page, new RegExp(`^Atlas: (?!${said[i - 1]?.split(' ')[1]} )`)));
    }
    expect(said.map((s) => s.split(' ')[1])).toHaveLength(27);
    expect(said.filter((s) => !/A live example is on screen/.test(s))).toEqual([]);
    // A10 (entry 10) and T4 (entry 14): the examples really differ from their originals.
    let at = 26;
    for (const [id, index] of [['A10', 9], ['T4', 13]] as const) {
      for (; at > index; at--) await page.keyboard.press('ArrowUp');
      for (; at < index; at++) await page.keyboard.press('ArrowDown');
      await waitForStatus(page, new RegExp(`^Atlas: ${id} `));
      // The example is made on the spot: wait until the viewer shows this entry's fake, then its original.
      await page.waitForSelector(`[data-image-id="game:atlas-${id}"]`, { state: 'attached', timeout: 60_000 });
      await page.waitForTimeout(300);
      const fake = await viewerShot(page, `42-atlas-${id}-fake`);
      await page.keyboard.press('c');
      await page.waitForSelector(`[data-image-id="game:atlas-${id}:original"]`, { state: 'attached', timeout: 30_000 });
      await page.waitForTimeout(300);
      const original = await viewerShot(page, `42-atlas-${id}-original`);
      expect(changedPixels(fake, original), `${id}: the live example is a fake of its original`).toBeGreaterThan(50);
      await page.keyboard.press('c');
    }
    await screenshot(page, '42-atlas-T4');
  }, 240_000);
});
