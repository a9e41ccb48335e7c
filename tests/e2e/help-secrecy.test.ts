import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openBrowser, screenshot, statusText, waitForStatus } from '../helpers/browser.js';
import { layoutProblems } from '../helpers/layout-check.js';
import { moduleInTab, onScreen, press } from '../helpers/module-play.js';
import { serveModule } from '../helpers/module-fixture.js';

/**
 * What the help and the menu offer while a film or a test case is read, at a laptop's 1280 x 720: an unprompted
 * drill's help names its own keys in its screens' words (nothing about fakes, tells, lenses or the atlas), and neither
 * it nor a CME pre-test lets the atlas open, by key or by menu. Screenshots: help-secrecy-*.png.
 */
const GIVEAWAY = /fake|\btells?\b|forensic|lens|atlas|original|flicker|noise residual|Rate the/i;

const helpRows = (page: Page): Promise<{ keys: string; what: string }[]> =>
  page.$$eval('#help table.controls tbody tr', (trs) => trs.map((tr) => ({ keys: tr.querySelector('th')?.textContent?.trim() ?? '', what: tr.querySelector('td')?.textContent ?? '' })));

describe('an unprompted drill opened by its plain link', () => {
  it('H shows only the worklist\'s keys and the viewer tools; no atlas; the sign keys name a sign; the words say films', async () => {
    const b = await openBrowser(inject('baseURL'), { width: 1280, height: 720 });
    const { page } = b;
    try {
      await page.goto(`${inject('baseURL')}?mode=drill&deck=demo&seed=7&cases=40&prevalence=0.05&prompted=0`);
      await page.waitForSelector('#main[data-screen="briefing"]');
      expect(await statusText(page)).toMatch(/^Reading exercise: 40 films, 120 seconds each\./);
      await page.keyboard.press('Enter');
      await waitForStatus(page, /^Film 1 of 40\./, 60_000);
      await page.waitForSelector('#btn-read-normal:not([disabled])');
      expect(await page.textContent('#hud-where')).toBe('Reading exercise | Film 1/40');

      await page.keyboard.press('h');
      await page.waitForSelector('#help[role="dialog"]');
      const rows = await helpRows(page);
      expect(rows.map((r) => `${r.keys} ${r.what}`).join('\n')).not.toMatch(GIVEAWAY);
      expect(rows.map((r) => r.keys)).toEqual(expect.arrayContaining(['1 / 2', 'F', 'A U R G V K', 'D', 'H', 'Esc']));
      expect(rows.find((r) => r.keys === '1 / 2')?.what).toMatch(/1 normal, 2 abnormal/);
      await screenshot(page, 'help-secrecy-1280-drill-help');
      expect(await layoutProblems(page)).toEqual([]);
      await page.keyboard.press('h');
      await page.waitForSelector('#help', { state: 'detached' });

      await page.keyboard.press('a');
      await page.keyboard.press('Escape');
      await page.waitForSelector('#menu[role="dialog"]');
      expect(await page.locator('#btn-menu-atlas').count()).toBe(0);
      await page.keyboard.press('a');
      await page.waitForTimeout(300);
      expect(await page.locator('#atlas').count()).toBe(0);
      await page.keyboard.press('Escape');
      await page.waitForSelector('#menu', { state: 'detached' });

      // Flag, then name the second kind of sign by its key: 2 stays the read, U names texture and noise.
      await page.keyboard.press('2');
      await page.keyboard.press('f');
      await page.waitForSelector('#btn-tell-texture-noise');
      expect(await page.textContent('#btn-tell-texture-noise kbd')).toBe('U');
      await page.keyboard.press('u');
      await expect.poll(() => page.getAttribute('#btn-tell-texture-noise', 'aria-pressed')).toBe('true');
      await waitForStatus(page, /sign named: texture and noise/);
      await page.keyboard.press('2');
      await page.waitForTimeout(200);
      expect(await page.getAttribute('#btn-read-abnormal', 'aria-pressed')).toBe('true');
      expect(await page.getAttribute('#btn-tell-texture-noise', 'aria-pressed')).toBe('true');
      await screenshot(page, 'help-secrecy-1280-drill-signs');
      expect(await layoutProblems(page)).toEqual([]);
      await page.keyboard.press('u');
      await waitForStatus(page, /flagged as suspected manipulated or synthetic\. Enter gives it/);
      // The panel renders on the frame after the status is said.
      await expect.poll(() => page.getAttribute('#btn-tell-texture-noise', 'aria-pressed')).toBe('false');
      expect(b.pageErrors).toEqual([]);
    } finally {
      await b.close();
    }
  }, 180_000);
});

describe('a CME pre-test', () => {
  const served = serveModule('scorm12', ['--deck', 'demo', '--seed', '5', '--pre', '2', '--post', '1', '--practice', '1', '--attempts', '1', '--title', 'Spotting synthetic chest radiographs'], { viewport: { width: 1280, height: 720 } });

  it('offers no atlas by key or menu, from its start page on, and its help lists neither the atlas nor the review\'s keys', async () => {
    const { lms, b } = served;
    const m = moduleInTab(b.page);
    await b.page.goto(`${lms.origin}/pkg/index.html?module=module.json`);
    await onScreen(m, 'module-start');
    // Nor does its start page: the pre-test measures what the learner knew before any teaching.
    await press(m, 'a');
    await b.page.waitForTimeout(300);
    expect(await b.page.locator('#atlas').count()).toBe(0);
    await press(m, 'Enter');
    await onScreen(m, 'briefing');
    await press(m, 'Enter');
    await onScreen(m, 'reading');
    await b.page.waitForSelector('#btn-rate-1:not([disabled])', { timeout: 60_000 });
    await press(m, 'a');
    await b.page.waitForTimeout(300);
    expect(await b.page.locator('#atlas').count()).toBe(0);
    await press(m, 'Escape');
    await b.page.waitForSelector('#menu[role="dialog"]');
    expect(await b.page.locator('#btn-menu-atlas').count()).toBe(0);
    await press(m, 'a');
    await b.page.waitForTimeout(300);
    expect(await b.page.locator('#atlas').count()).toBe(0);
    await press(m, 'h');
    await b.page.waitForSelector('#help[role="dialog"]');
    const rows = await helpRows(b.page);
    const keys = rows.map((r) => r.keys);
    expect(keys).toEqual(expect.arrayContaining(['1 - 6', 'D', 'H', 'Esc']));
    for (const gone of ['A', 'R', 'T', 'C / F', 'G', 'K', 'J', '1 / 2, F']) expect(keys, gone).not.toContain(gone);
    expect(rows.map((r) => r.what).join('\n')).not.toMatch(/atlas/i);
    await screenshot(b.page, 'help-secrecy-1280-cme-pre-help');
    expect(await layoutProblems(b.page)).toEqual([]);
    expect(b.pageErrors).toEqual([]);
  }, 240_000);
});
