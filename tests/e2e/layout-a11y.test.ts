import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, screenshot, waitForStatus } from '../helpers/browser.js';
import { axeFailures, axeViolations, layoutProblems } from '../helpers/layout-check.js';

/**
 * Every screen at a laptop (1280 x 720), a monitor (1920 x 1080) and a reading-room display (2560 x 1440): no text
 * off the window or overlapping other text, nothing clipped, long text scrolling inside its panel, the image keeping
 * its place and aspect, and no axe-core violation of any impact (WCAG 2.2 AA and best practice). Screenshots of each screen land
 * in tests/e2e/screenshots/layout-<size>-<screen>.png.
 */
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 2560, height: 1440 },
] as const;

async function check(page: Page, size: string, screen: string): Promise<void> {
  await page.waitForTimeout(350);
  await screenshot(page, `layout-${size}-${screen}`);
  const problems = await layoutProblems(page);
  expect(problems, `${size} ${screen}`).toEqual([]);
  const violations = axeFailures(await axeViolations(page));
  expect(violations, `${size} ${screen}: axe`).toEqual([]);
}

/**
 * The chosen rating is told apart from the focus: drawn with no amber (the focus ring's colour), a check mark that is
 * not part of its name and bold text; moved to by Tab it takes the amber outline besides, so the two never merge.
 */
async function chosenRatingUnlikeFocus(page: Page, size: string): Promise<void> {
  const AMBER = 'rgb(255, 176, 0)';
  const look = (): Promise<{ pressed: string | null; drawn: string; outline: string; weight: number; mark: string; text: string; focused: boolean }> =>
    page.evaluate(() => {
      const b = document.getElementById('btn-rate-4') as HTMLElement;
      const cs = getComputedStyle(b);
      return {
        pressed: b.getAttribute('aria-pressed'),
        drawn: `${cs.boxShadow} ${cs.borderTopColor} ${cs.backgroundColor}`,
        outline: cs.outlineStyle === 'none' ? 'none' : `${cs.outlineStyle} ${cs.outlineColor}`,
        weight: Number(cs.fontWeight),
        mark: getComputedStyle(b, '::after').content,
        text: (b.textContent ?? '').trim(),
        focused: document.activeElement === b,
      };
    });
  const chosen = await look();
  expect(chosen.pressed).toBe('true');
  expect(chosen.drawn).not.toContain(AMBER);
  expect(chosen.outline).toBe('none');
  expect(chosen.weight).toBeGreaterThanOrEqual(600);
  expect(chosen.mark).toContain('✓');
  // The check mark is drawn, not read: the button's name is its label, and "pressed" says it is chosen.
  expect(await page.getByRole('button', { name: chosen.text, exact: true, pressed: true }).count()).toBe(1);
  for (let i = 0; i < 12 && !(await look()).focused; i++) await page.keyboard.press('Tab');
  const focused = await look();
  expect(focused.focused, 'Tab reaches the chosen rating').toBe(true);
  expect(focused.outline).toBe(`solid ${AMBER}`);
  expect(focused.drawn).not.toContain(AMBER);
  await screenshot(page, `layout-${size}-reading-chosen-focused`);
  await page.focus('#stage');
}

/** The image sits inside its slot and keeps the radiograph's aspect (the viewer letterboxes, never stretches). */
async function viewerFitsSlot(page: Page): Promise<void> {
  const r = await page.evaluate(() => {
    const slot = document.querySelector('[data-viewer-slot]')?.getBoundingClientRect();
    const viewer = document.querySelector('.viewer')?.getBoundingClientRect();
    const canvas = document.querySelector('.viewer canvas') as HTMLCanvasElement | null;
    return { slot: slot?.toJSON(), viewer: viewer?.toJSON(), canvas: canvas ? { w: canvas.width, h: canvas.height, cw: canvas.clientWidth, ch: canvas.clientHeight } : null };
  });
  expect(r.slot && r.viewer).toBeTruthy();
  expect(Math.abs(r.viewer.x - r.slot.x)).toBeLessThan(2);
  expect(Math.abs(r.viewer.width - r.slot.width)).toBeLessThan(2);
  expect(Math.abs(r.viewer.height - r.slot.height)).toBeLessThan(2);
  // The canvas is drawn at its element's size: one canvas pixel per CSS pixel, so nothing is stretched.
  expect(r.canvas && Math.abs(r.canvas.w - r.canvas.cw) <= 1 && Math.abs(r.canvas.h - r.canvas.ch) <= 1).toBe(true);
}

describe('every screen lays out and reads well at three display sizes', () => {
  const base = inject('baseURL');
  for (const vp of SIZES) {
    const size = `${vp.width}x${vp.height}`;
    it(`at ${size}`, async () => {
      const b = await openBrowser(base, vp);
      const { page } = b;
      try {
        await page.goto(base);
        await page.waitForSelector('#main[data-screen="title"]');
        await check(page, size, 'title');
        for (const [key, id, name] of [['h', '#help', 'help'], ['r', '#history', 'history'], ['k', '#packs', 'packs']] as const) {
          await page.keyboard.press(key);
          await page.waitForSelector(`${id}[role="dialog"]`);
          await check(page, size, name);
          await page.keyboard.press('Escape');
        }
        await page.keyboard.press('a');
        await page.waitForSelector('#atlas[role="dialog"]');
        await page.waitForSelector('[data-image-id="game:atlas-A1"]', { state: 'attached', timeout: 60_000 });
        await check(page, size, 'atlas');
        await viewerFitsSlot(page);
        await page.keyboard.press('Escape');

        await page.goto(`${base}?mode=practice&deck=demo&seed=5&cases=2&seconds=120&rounds=1`);
        await page.waitForSelector('#main[data-screen="briefing"]');
        await check(page, size, 'briefing');
        await page.keyboard.press('Enter');
        await waitForStatus(page, /Case 1 of 2/);
        await page.keyboard.press('4');
        await check(page, size, 'reading');
        await chosenRatingUnlikeFocus(page, size);
        await viewerFitsSlot(page);
        await page.keyboard.press('n');
        await check(page, size, 'reading-lens');
        await page.keyboard.press('n');
        await page.keyboard.press('d');
        await check(page, size, 'header-panel');
        await viewerFitsSlot(page);
        await page.keyboard.press('d');
        await page.keyboard.press('Escape');
        await page.waitForSelector('#menu[role="dialog"]');
        await check(page, size, 'menu');
        await page.keyboard.press('Escape');
        await page.keyboard.press('Enter');
        await waitForStatus(page, /Case 2 of 2/);
        await page.keyboard.press('2');
        await page.keyboard.press('Enter');
        await waitForStatus(page, /Round 1 review/);
        await check(page, size, 'review');
        await viewerFitsSlot(page);
        await page.keyboard.press('g');
        await page.waitForSelector('#figures[role="dialog"]');
        await check(page, size, 'figures');
        await page.keyboard.press('g');
        await page.keyboard.press('Enter');
        await page.waitForSelector('#main[data-screen="summary"]');
        await check(page, size, 'summary');

        // A window dragged to another size keeps every screen whole: here the review layout at a narrower size.
        await page.setViewportSize({ width: Math.round(vp.width * 0.8), height: vp.height });
        await check(page, size, 'summary-resized');
        await page.setViewportSize(vp);

        await page.goto(`${base}?mode=practice&prevalance=0.1`);
        await page.waitForSelector('#error[role="dialog"]');
        expect(await page.textContent('#error-text')).toMatch(/"prevalance"/);
        await check(page, size, 'error');
        expect(b.pageErrors).toEqual([]);
        expect(b.foreignRequests).toEqual([]);
      } finally {
        await b.close();
      }
    }, 300_000);
  }
});
