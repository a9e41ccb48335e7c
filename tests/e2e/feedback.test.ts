import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserForFile, screenshot, statusText, waitForStatus } from '../helpers/browser.js';

/**
 * The game tells right or wrong only when the mode says so. Played in Chromium by keys, reading everything a reader
 * could see or hear described: the page's text (the top bar's points included) and the status line.
 */
// What would tell an outcome: a verdict, a count of right answers, the figures, a streak, points won or lost.
const OUTCOME = /\b(Correct|Wrong|Time-out)\.|answered correctly|\b(sensitivity|specificity|accuracy|streak)\b|[+-]\d+ points|Points -?[1-9]/i;

async function pageWords(page: Page): Promise<string> {
  return page.evaluate(() => `${document.getElementById('screen-base')?.textContent ?? ''}\n${document.getElementById('screen-dialogs')?.textContent ?? ''}`);
}

async function answer(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key);
  await page.keyboard.press('Enter');
}

describe('feedback comes only when the mode says so', () => {
  const base = inject('baseURL');
  const browser = browserForFile();

  it('after-round feedback: nothing on the page or in the status line tells an outcome before the review', async () => {
    const { page } = browser.b;
    await page.goto(`${base}?mode=practice&deck=demo&seed=13&cases=3&seconds=120&rounds=1`);
    await waitForStatus(page, /round 1 of 1/);
    await page.keyboard.press('Enter');
    for (let i = 1; i <= 3; i++) {
      await waitForStatus(page, new RegExp(`Case ${i} of 3`));
      expect((await pageWords(page)).match(OUTCOME)?.[0]).toBeUndefined();
      await answer(page, i === 2 ? '1' : '6');
      const said = await statusText(page);
      if (i < 3) {
        expect(said).toMatch(/^Answer given/);
        expect(said).not.toMatch(OUTCOME);
        expect(await page.textContent('#hud-score')).toMatch(/Points 0\b/);
      }
    }
    const review = await waitForStatus(page, /Round 1 review: \d of 3 answered correctly/);
    expect(review).toMatch(OUTCOME);
    await screenshot(page, '70-feedback-after-round');
    expect(await page.textContent('#hud-score')).not.toMatch(/Points 0\b/);
  });

  it('end-of-session feedback: a round ends in the next briefing with no outcome, and every round is reviewed at the end', async () => {
    const { page } = await browser.fresh();
    await page.goto(`${base}?mode=practice&deck=demo&seed=17&cases=2&seconds=120&rounds=2&feedback=end-of-session&score=0`);
    await waitForStatus(page, /round 1 of 2/);
    await page.keyboard.press('Enter');
    await waitForStatus(page, /Case 1 of 2/);
    expect(await page.textContent('#hud-score')).toBe('');
    await answer(page, '5');
    await waitForStatus(page, /Case 2 of 2/);
    await answer(page, '2');
    const briefing = await waitForStatus(page, /round 2 of 2: 2 cases/);
    expect(briefing).not.toMatch(OUTCOME);
    expect((await pageWords(page)).match(OUTCOME)?.[0]).toBeUndefined();
    await screenshot(page, '71-feedback-end-briefing');
    // Results and history is open between rounds: the session under way is listed without its figures.
    await page.keyboard.press('r');
    await page.waitForSelector('#history-row-0');
    expect(await page.textContent('#history-list')).toMatch(/2 of 4 answered \(in progress; its figures show when it ends\)/);
    expect((await pageWords(page)).match(OUTCOME)?.[0]).toBeUndefined();
    await page.keyboard.press('Escape');
    await page.waitForSelector('#history-list', { state: 'detached' });
    await page.keyboard.press('Enter');
    await waitForStatus(page, /Case 1 of 2, round 2/);
    await answer(page, '4');
    await waitForStatus(page, /Case 2 of 2, round 2/);
    await answer(page, '3');
    await waitForStatus(page, /Round 1 review: \d of 2 answered correctly/);
    await page.keyboard.press('Enter');
    await waitForStatus(page, /Round 2 review/);
    await page.keyboard.press('Enter');
    await waitForStatus(page, /Session complete/);
  });

  it('after-case feedback: the truth of each case comes as soon as its answer is given', async () => {
    const { page } = await browser.fresh();
    await page.goto(`${base}?mode=practice&deck=demo&seed=19&cases=2&seconds=120&rounds=1&feedback=after-case`);
    await waitForStatus(page, /round 1 of 1/);
    await page.keyboard.press('Enter');
    await waitForStatus(page, /Case 1 of 2/);
    await answer(page, '6');
    const said = await waitForStatus(page, /^Answer given: definitely fake\. Case 1: (real|fake)/);
    expect(said).toMatch(/(correct|wrong), -?\d+ points/);
    await page.waitForSelector('#review-verdict');
    await screenshot(page, '72-feedback-after-case');
    await page.keyboard.press('Enter');
    await waitForStatus(page, /Case 2 of 2/);
  });
});
