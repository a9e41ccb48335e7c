import { describe, expect, inject, it } from 'vitest';
import { browserForFile, changedPixels, meanAbsDiff, screenshot, startPracticeCase, statusText, viewerShot, waitForStatus } from '../helpers/browser.js';

/**
 * Plays a full practice round in headless Chromium the way a reader would: deep link, keys, mouse.
 * Screenshots land in tests/e2e/screenshots/ (look at them).
 */
describe('a practice round in the browser', () => {
  const base = inject('baseURL');
  const browser = browserForFile();

  it('shows the title screen without a deep link', async () => {
    await browser.b.page.goto(base);
    await browser.b.page.waitForSelector('#main[data-screen="title"]');
    await screenshot(browser.b.page, '00-title');
    expect(await browser.b.page.locator('.viewer-frame').evaluate((e) => getComputedStyle(e).visibility)).toBe('hidden');
  });

  it('plays a round with keys: brief, read, window/level, mark, rate, review the tells, summary', async () => {
    const { page } = browser.b;
    // 120 s per case: no time announcement (at 30 s left) competes with the ones this test waits for.
    await page.goto(`${base}?mode=practice&deck=demo&seed=7&cases=3&seconds=120&rounds=1`);
    await waitForStatus(page, /Practice, round 1 of 1: 3 cases, 120 seconds each/);
    await page.waitForSelector('#main[data-screen="briefing"]');
    await screenshot(page, '01-briefing');
    await page.keyboard.press('Enter');

    await waitForStatus(page, /Case 1 of 3, round 1 of 1/);
    await page.waitForTimeout(300);
    await screenshot(page, '02-case-1');
    const first = await viewerShot(page, '02-case-1-viewer');
    expect(first.std, 'a radiograph with structure is on screen, not a blank').toBeGreaterThan(20);
    expect(first.mean).toBeGreaterThan(20);
    expect(first.mean).toBeLessThan(235);

    // Window/level by dragging with the left button changes what is displayed.
    const box = (await page.locator('.viewer').boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx - 120, cy + 90, { steps: 8 });
    await page.mouse.up();
    await page.waitForTimeout(200);
    const windowed = await viewerShot(page, '03-case-1-window-level');
    expect(meanAbsDiff(first, windowed), 'dragging changed window/level').toBeGreaterThan(8);

    // Invert flips the grey scale; Space resets everything.
    await page.keyboard.press('Space');
    await page.waitForTimeout(200);
    const reset = await viewerShot(page);
    expect(meanAbsDiff(first, reset), 'Space restored the default view').toBeLessThan(2);
    await page.keyboard.press('i');
    await page.waitForTimeout(200);
    const inverted = await viewerShot(page, '04-case-1-inverted');
    expect(Math.abs(inverted.mean - (255 - first.mean))).toBeLessThan(12);
    await page.keyboard.press('i');

    // Zoom with the wheel magnifies the centre.
    await page.mouse.move(cx, cy);
    await page.mouse.wheel(0, -600);
    await page.waitForTimeout(200);
    const zoomed = await viewerShot(page, '05-case-1-zoomed');
    expect(meanAbsDiff(first, zoomed)).toBeGreaterThan(5);
    await page.keyboard.press('Space');

    // A click on the image places a mark; the status line says so.
    await page.mouse.click(cx - box.width * 0.15, cy - box.height * 0.1);
    await waitForStatus(page, /1 mark placed/);

    // A rating stays open until Enter: 3, then 6, then Enter gives 6.
    await page.keyboard.press('3');
    await waitForStatus(page, /Rating 3, possibly real\. Enter gives it/);
    await page.keyboard.press('6');
    await waitForStatus(page, /Rating 6, definitely fake/);
    // The status is said as the store changes; the buttons render on the next frame.
    await expect.poll(() => page.getAttribute('#btn-rate-6', 'aria-pressed')).toBe('true');
    await expect.poll(() => page.getAttribute('#btn-rate-3', 'aria-pressed')).toBe('false');
    await screenshot(page, '06-case-1-rated');
    await page.keyboard.press('Enter');

    await waitForStatus(page, /Case 2 of 3/);
    await page.keyboard.press('m');
    await page.mouse.move(cx, cy);
    await page.mouse.move(cx + 20, cy + 10);
    await page.waitForTimeout(200);
    await screenshot(page, '07-case-2-loupe');
    expect(await page.locator('.viewer-loupe').isVisible()).toBe(true);
    await page.keyboard.press('m');
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');

    await waitForStatus(page, /Case 3 of 3/);
    await page.keyboard.press('4');
    await page.keyboard.press('Enter');
    const review = await waitForStatus(page, /Round 1 review: \d of 3 answered correctly/);
    expect(review).toMatch(/Sensitivity (\d+%|n\/a), specificity (\d+%|n\/a)/);
    await page.waitForTimeout(400);
    await screenshot(page, '08-review');

    // Step through the review to a fake: its tells are drawn in amber and T hides them.
    // A fake whose tell is in the pixels (metadata fakes M1, M2, M3, T5 are taught in the header panel instead).
    let foundFake = false;
    for (let k = 0; k < 3 && !foundFake; k++) {
      await page.keyboard.press('ArrowRight');
      const said = await waitForStatus(page, /^Case \d: (fake|real)/);
      if (/: fake \((?![^)]*\b(M1|M2|M3|T5)\b)/.test(said)) foundFake = true;
    }
    expect(foundFake, 'seed 7 with 3 cases contains a fake with a pixel tell').toBe(true);
    await page.waitForTimeout(400);
    const withTells = await viewerShot(page, '09-review-fake-tells');
    await screenshot(page, '09-review-fake');
    expect(withTells.amber, 'the tell regions are outlined').toBeGreaterThan(200);
    await page.keyboard.press('t');
    await page.waitForTimeout(300);
    const noTells = await viewerShot(page);
    expect(noTells.amber).toBeLessThan(withTells.amber / 10);
    // Compare with the original: a different image is shown in the same place.
    await page.keyboard.press('c');
    await page.waitForTimeout(400);
    const original = await viewerShot(page, '10-review-original');
    expect(changedPixels(noTells, original), 'the original differs from the fake somewhere on screen').toBeGreaterThan(50);
    await page.keyboard.press('t');

    // The round's reader-study figures, read out in plain words and drawn as plots.
    await page.keyboard.press('g');
    const figures = await waitForStatus(page, /^Round 1 figures\./);
    expect(figures).toMatch(/AUC|accuracy|criterion/i);
    await page.waitForTimeout(300);
    await screenshot(page, '10b-round-figures');
    await page.keyboard.press('g');

    await page.keyboard.press('Enter');
    await waitForStatus(page, /Session complete: \d of 3 answered correctly/);
    await page.waitForSelector('#main[data-screen="summary"]');
    await screenshot(page, '11-summary');

    expect(browser.b.foreignRequests, 'nothing is requested from any other host').toEqual([]);
    expect(browser.b.pageErrors).toEqual([]);
  });

  it('counts a case as wrong when the clock runs out, with a visible warning', async () => {
    const { page } = browser.b;
    await startPracticeCase(page, base, { seed: 11, cases: 1, seconds: 5 });
    await waitForStatus(page, /^[1-4] seconds? left/, 10_000);
    await screenshot(page, '12-countdown-warning');
    await waitForStatus(page, /Time's up: no answer was given/, 10_000);
    // The notice says the game moves on by itself, and it does, without a key.
    expect(await page.textContent('#reading-status')).toMatch(/Moving on/);
    expect(await page.textContent('#reading-status')).not.toMatch(/Enter/);
    await waitForStatus(page, /Round 1 review: 0 of 0 answered correctly, 1 timed out/, 10_000);
    expect(await statusText(page)).toMatch(/1 timed out/);
    await page.keyboard.press('Enter');
    await waitForStatus(page, /Session complete/);
  });

  it('refuses a bad deep link with a clear message and keeps the title screen', async () => {
    // A fresh browser: nothing stored, so nothing to resume.
    const { page } = await browser.fresh();
    await page.goto(`${base}?mode=practice&seconds=abc`);
    await waitForStatus(page, /Error: The link was not understood: Deep link: "seconds" must be a whole number/);
    expect(await page.textContent('#error-title')).toBe('The link was not understood');
    await screenshot(page, '13-bad-link');
  });
});
