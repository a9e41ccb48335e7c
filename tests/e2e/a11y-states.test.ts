import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { join } from 'node:path';
import { browserForFile, SCREENSHOT_DIR, screenshot, waitForStatus } from '../helpers/browser.js';
import { focused, tabTo } from '../helpers/focus.js';
import { layoutProblems } from '../helpers/layout-check.js';

/**
 * WCAG 2.2 AA on the case screens, at 1280 x 720 (screenshots at 1920 x 1080 too), played by keys:
 * - 2.4.3 Focus Order: a dialog or the header panel, closed, gives the focus back to the control that opened it;
 * - 1.4.1 Use of Color: a pressed toggle (tool, preset, lens, rating, review chip) shows a mark, not only a fill,
 *   and says "pressed" to assistive technology;
 * - the help table lists the keys that scroll a focused text panel, with no text overlapping;
 * - the top bar's buttons end at its right edge whether the clock shows or not.
 */
/** Each toggle of the screen: its id, whether it says it is pressed, and the mark drawn after its label. */
interface Toggle { id: string; pressed: string | null; mark: string; markShown: boolean; width: number }
const toggles = (page: Page): Promise<Toggle[]> => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('#screen-base button[aria-pressed]')].map((b) => {
  const after = getComputedStyle(b, '::after');
  return {
    id: b.id, pressed: b.getAttribute('aria-pressed'), mark: after.content,
    markShown: after.content.includes('✓') && after.visibility === 'visible' && after.display !== 'none',
    width: b.getBoundingClientRect().width,
  };
}));

/** Every pressed toggle shows the check mark and every other toggle hides it; the mark is not part of the name. */
async function pressedTellByMark(page: Page, expectPressed: readonly string[]): Promise<void> {
  const all = await toggles(page);
  const pressed = all.filter((t) => t.pressed === 'true').map((t) => t.id);
  for (const id of expectPressed) expect(pressed, `#${id} says it is pressed`).toContain(id);
  for (const t of all) expect(t.markShown, `#${t.id} (aria-pressed ${t.pressed}) ${t.pressed === 'true' ? 'shows' : 'hides'} its mark`).toBe(t.pressed === 'true');
  for (const id of expectPressed) {
    const name = ((await page.textContent(`#${id}`)) ?? '').trim().replace(/\s+/g, ' ');
    expect(await page.getByRole('button', { name, exact: true, pressed: true }).count(), `#${id} is named "${name}", pressed`).toBe(1);
  }
}

/** A screenshot at 1280 x 720 and one at 1920 x 1080 (then back), of the page or of the top bar. */
async function shots(page: Page, name: string, topBar = false): Promise<void> {
  for (const [w, h] of [[1920, 1080], [1280, 720]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(350);
    if (topBar) await page.locator('.hud').screenshot({ path: join(SCREENSHOT_DIR, `${name}-${w}x${h}.png`) });
    else await screenshot(page, `${name}-${w}x${h}`);
  }
}

/** How far the top bar's last button ends short of the bar's content box (its right edge less its padding), in CSS pixels. */
const buttonsGap = (page: Page): Promise<number> => page.evaluate(() => {
  const hud = document.querySelector('.hud');
  const last = document.querySelector('.hud-buttons .btn:last-child')?.getBoundingClientRect();
  if (!hud || !last) return -1;
  return hud.getBoundingClientRect().right - Number.parseFloat(getComputedStyle(hud).paddingRight) - last.right;
});

async function startCase(page: Page, base: string, seed: number, cases = 2): Promise<void> {
  await page.goto(`${base}?mode=practice&deck=demo&seed=${seed}&cases=${cases}&seconds=120&rounds=1&feedback=after-round`);
  await waitForStatus(page, /round 1 of 1/);
  await page.keyboard.press('Enter');
  await waitForStatus(page, new RegExp(`Case 1 of ${cases}`));
}

describe('the case screens meet WCAG 2.2 AA for focus, pressed states and help', () => {
  const base = inject('baseURL');
  const browser = browserForFile({ width: 1280, height: 720 });

  it('a dialog or the header panel opened from a button by keys gives the focus back to that button when it closes', async () => {
    const { page } = browser.b;
    await startCase(page, base, 21);
    expect(await focused(page)).toBe('stage');
    // The top bar's Menu, just before the radiograph in the Tab order.
    await tabTo(page, 'btn-menu', { back: true });
    await page.keyboard.press('Enter');
    await page.waitForSelector('#menu[role="dialog"]');
    expect(await focused(page)).toBe('menu-title');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#menu', { state: 'detached' });
    expect(await focused(page), 'Esc closes the menu and the focus is back on Menu').toBe('btn-menu');

    // Controls from the menu: closing it goes back to the menu's Controls, then closing the menu to Menu.
    await page.keyboard.press('Enter');
    await page.waitForSelector('#menu[role="dialog"]');
    await tabTo(page, 'btn-menu-help');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#help[role="dialog"]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#menu[role="dialog"]');
    expect(await focused(page), 'back in the menu, on Controls').toBe('btn-menu-help');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#menu', { state: 'detached' });
    expect(await focused(page), 'back on Menu').toBe('btn-menu');

    // The DICOM header panel, opened by its button and closed by its own Close: back to the button.
    await tabTo(page, 'btn-header');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#header-panel');
    await tabTo(page, 'btn-close-header', { back: true });
    await page.keyboard.press('Enter');
    await page.waitForSelector('#header-panel', { state: 'detached' });
    expect(await focused(page), 'back on the DICOM header button').toBe('btn-header');

    // Opened by its key from the radiograph, a dialog gives the focus back to the radiograph.
    await page.focus('#stage');
    await page.keyboard.press('h');
    await page.waitForSelector('#help[role="dialog"]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#help', { state: 'detached' });
    expect(await focused(page)).toBe('stage');

    // The opener gone (Quit leaves the case): the new screen's heading, as before.
    await tabTo(page, 'btn-menu', { back: true });
    await page.keyboard.press('Enter');
    await page.waitForSelector('#menu[role="dialog"]');
    await page.keyboard.press('q');
    await page.waitForSelector('#main[data-screen="title"]');
    await page.waitForTimeout(100);
    expect(await focused(page)).toBe('page-heading');
    expect(browser.b.pageErrors).toEqual([]);
  });

  it('every pressed toggle on the reading and review screens shows a check mark besides its fill and says it is pressed', async () => {
    const { page } = await browser.fresh();
    await startCase(page, base, 22);
    const widthOf = async (id: string): Promise<number> => (await toggles(page)).find((t) => t.id === id)?.width ?? -1;
    const invertWidth = await widthOf('btn-invert');
    await pressedTellByMark(page, ['btn-preset-default']);
    for (const key of ['4', 'i', 'm', 'p', 'n', 'd']) await page.keyboard.press(key);
    await page.waitForSelector('#btn-lens-noise[aria-pressed="true"]');
    await page.waitForSelector('#header-panel');
    await pressedTellByMark(page, ['btn-rate-4', 'btn-invert', 'btn-loupe', 'btn-preset-wide', 'btn-lens-noise', 'btn-header']);
    // The mark has its room already: pressing a tool does not make the row of tools reflow under the pointer.
    expect(Math.abs((await widthOf('btn-invert')) - invertWidth)).toBeLessThan(0.5);
    await shots(page, 'a11y-reading-pressed');

    for (const key of ['d', 'm', 'Enter']) await page.keyboard.press(key);
    await waitForStatus(page, /Case 2 of 2/);
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    await waitForStatus(page, /Round 1 review/);
    await pressedTellByMark(page, ['btn-review-1']);
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#btn-review-2[aria-pressed="true"]');
    await page.keyboard.press('t');
    await pressedTellByMark(page, ['btn-review-2']);
    const chips = (await toggles(page)).filter((t) => t.id.startsWith('btn-review-'));
    expect(chips.map((c) => c.pressed)).toEqual(['false', 'true']);
    await shots(page, 'a11y-review-chips');
    expect(browser.b.pageErrors).toEqual([]);
  });

  it('the help table lists the keys that scroll a focused panel, with no text overlapping', async () => {
    const { page } = await browser.fresh();
    await startCase(page, base, 23, 1);
    await page.keyboard.press('h');
    await page.waitForSelector('#help[role="dialog"]');
    const rows = await page.$$eval('#help table.controls tbody tr', (trs) => trs.map((tr) => ({ keys: tr.querySelector('th')?.textContent ?? '', what: tr.querySelector('td')?.textContent ?? '' })));
    const keys = rows.filter((r) => /scroll/i.test(r.what) && /panel/i.test(r.what)).map((r) => r.keys).join(' ');
    for (const k of [/Up \/ Down/, /Page Up \/ Page Down/, /Home \/ End/]) expect(keys, `the help names ${k}`).toMatch(k);
    for (const vp of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
      await page.setViewportSize(vp);
      await page.waitForTimeout(300);
      expect(await layoutProblems(page), `${vp.width}x${vp.height}`).toEqual([]);
    }
    await page.locator('#help tbody tr', { hasText: 'Page Up' }).scrollIntoViewIfNeeded();
    await shots(page, 'a11y-help-scroll-keys');
    expect(browser.b.pageErrors).toEqual([]);
  });

  it("the top bar's buttons end at its right edge in a review, with no clock, as they do beside the clock", async () => {
    const { page } = await browser.fresh();
    await startCase(page, base, 24, 1);
    const withClock = await buttonsGap(page);
    expect(Math.abs(withClock)).toBeLessThan(1);
    await page.keyboard.press('5');
    await page.keyboard.press('Enter');
    await waitForStatus(page, /Round 1 review/);
    expect(await page.locator('.hud-clock').isHidden()).toBe(true);
    expect(Math.abs(await buttonsGap(page)), 'the room right of the buttons, no clock').toBeLessThan(1);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.waitForTimeout(200);
    expect(Math.abs(await buttonsGap(page)), 'at 1920 x 1080').toBeLessThan(1);
    await shots(page, 'a11y-review-top-bar', true);
    expect(browser.b.pageErrors).toEqual([]);
  });
});
