import { describe, expect, inject, it } from 'vitest';
import { openBrowser, screenshot, waitForStatus } from '../helpers/browser.js';

/**
 * Two forms as an instructor and a CME coordinator fill them wrongly, at a laptop's 1280 x 720: the training setup
 * (N) with a closing time already past, and the CME module builder (L) with several fields wrong at once. Each
 * problem is named by the form's label with what to do, never by the session's or module.json's field names; the
 * builder lists every problem at once (not the browser's one-at-a-time bubbles), says so in the status line and
 * moves the focus to the list. Screenshots: form-problems-*.png.
 */
describe('form problems in the form\'s words, all at once', () => {
  const base = inject('baseURL');

  it('the training setup and the module builder', async () => {
    const b = await openBrowser(base, { width: 1280, height: 720 });
    const { page } = b;
    try {
      await page.goto(base);
      await page.waitForSelector('#main[data-screen="title"]');
      await page.keyboard.press('n');
      await page.waitForSelector('#session-setup[role="dialog"]');
      await page.fill('#setup-title', 'Tuesday reading');
      await page.fill('#setup-instructor', 'Dr A. Rossi');
      await page.fill('#setup-address', base);
      await page.fill('#setup-expires', '2020-01-01T09:00');
      await page.click('#btn-sign');
      const problem = await page.waitForSelector('#setup-problem');
      expect(await problem.textContent()).toBe('Closes at (1 Jan 2020, 09:00) has already passed: choose a later date and time, or leave it empty for a session that stays open.');
      await waitForStatus(page, /^Closes at \(1 Jan 2020, 09:00\) has already passed/);
      await problem.scrollIntoViewIfNeeded();
      await screenshot(page, 'form-problems-setup-closes-at');
      await page.goto(base);
      await page.reload();
      await page.waitForSelector('#main[data-screen="title"]');
      await page.waitForTimeout(500);

      await page.keyboard.press('l');
      await page.waitForSelector('#module-builder[role="dialog"]');
      await page.waitForSelector('#btn-build-module:not([disabled])');
      const form = page.locator('#module-builder-form');
      await form.getByLabel('Activity title (required)').fill('');
      await form.getByLabel(/^Pre-test cases/).fill('');
      await form.getByLabel(/^Post-test cases/).fill('99');
      await form.getByLabel(/^Release date/).fill('2027-01-01');
      await form.getByLabel(/^Expiry date/).fill('2026-01-01');
      await page.locator('#btn-build-module').click();
      await waitForStatus(page, /^The module zip was not made: 4 problems to fix, listed under the form\.$/);
      const items = await page.$$eval('#builder-problems li', (lis) => lis.map((li) => li.textContent?.trim()));
      expect(items).toEqual([
        'Activity title: required (it is shown in the LMS and on the certificate).',
        'Pre-test cases: required (a whole number from 1 to 50).',
        "Post-test cases '99': a whole number from 1 to 50.",
        "Expiry date '2026-01-01': after the release date (2027-01-01), or empty for three years after it.",
      ]);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('builder-problems');
      // The list the focus went to is ringed, though the build was asked for by a click.
      expect(await page.$eval('#builder-problems', (el) => getComputedStyle(el).outlineStyle)).toBe('solid');
      await page.waitForTimeout(300);
      await screenshot(page, 'form-problems-module-builder');
      expect(b.pageErrors).toEqual([]);
    } finally {
      await b.close();
    }
  }, 300_000);
});
