import { describe, expect, inject, it } from 'vitest';
import { CONTROLS } from '../../src/presenters/help-table.js';
import { openBrowser, screenshot } from '../helpers/browser.js';
import { tabTo } from '../helpers/focus.js';

/**
 * Every key the title screen takes has a button named with its key (README: "every key has a real button"), so a
 * department lead with only a mouse, or Tab and Enter, reaches the same pages: here the drill report (W) at 1280x720.
 */
describe('the title screen has a button for each of its keys', () => {
  const base = inject('baseURL');
  it('K, L, W, N and B, and the drill report opens by click and by Tab and Enter', async () => {
    const b = await openBrowser(base, { width: 1280, height: 720 });
    const { page } = b;
    try {
      await page.goto(base);
      await page.waitForSelector('#main[data-screen="title"]');
      // The title-screen pages the help lists, by their single-letter keys.
      const titleKeys = CONTROLS.filter(([k, what]) => /^[A-Z]$/.test(k) && what.includes('(title screen')).map(([k]) => k);
      expect(titleKeys).toContain('W');
      const kbds = await page.$$eval('#main button kbd', (ks) => ks.map((k) => k.textContent?.trim() ?? ''));
      for (const k of titleKeys) expect(kbds, `a title-screen button labelled ${k}`).toContain(k);

      await page.click('#btn-drill-report');
      await page.waitForSelector('#drill-report[role="dialog"]');
      await screenshot(page, 'title-buttons-1280-drill-report');
      await page.keyboard.press('w');
      await page.waitForSelector('#main[data-screen="title"]');
      await page.waitForSelector('#drill-report', { state: 'detached' });

      await tabTo(page, 'btn-drill-report');
      expect(await page.getAttribute('#btn-drill-report', 'aria-keyshortcuts')).toBe('W');
      const box = await page.locator('#btn-drill-report').boundingBox();
      expect(box && box.x >= 0 && box.y >= 0 && box.x + box.width <= 1280 && box.y + box.height <= 720, 'the button is on screen').toBe(true);
      await page.keyboard.press('Enter');
      await page.waitForSelector('#drill-report[role="dialog"]');
      await page.keyboard.press('Escape');
      await page.waitForSelector('#drill-report', { state: 'detached' });

      // A dialog opened by a click gives the focus back to the button clicked when it closes (WCAG 2.4.3), though a
      // mouse press leaves the focus where it was (so Enter still gives an answer after a rating is clicked).
      for (const [id, dialog] of [['btn-packs', 'packs'], ['btn-atlas', 'atlas'], ['btn-help', 'help'], ['btn-history', 'history'], ['btn-dashboard', 'dashboard'], ['btn-drill-report', 'drill-report'], ['btn-training-setup', 'session-setup'], ['btn-module-builder', 'module-builder']] as const) {
        await page.click(`#${id}`);
        await page.waitForSelector(`#${dialog}[role="dialog"]`);
        await page.keyboard.press('Escape');
        await page.waitForSelector(`#${dialog}`, { state: 'detached' });
        await expect.poll(() => page.evaluate(() => document.activeElement?.id), { message: `focus after closing ${dialog}` }).toBe(id);
      }
      // Esc closes a dialog from inside one of its text fields too, as its Close button (Esc) says.
      await page.click('#btn-training-setup');
      await page.fill('#setup-title', 'Tuesday reading');
      await page.focus('#setup-title');
      await page.keyboard.press('Escape');
      await page.waitForSelector('#session-setup', { state: 'detached' });
      expect(b.pageErrors).toEqual([]);
    } finally {
      await b.close();
    }
  }, 120_000);
});
