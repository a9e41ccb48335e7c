import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { TECHNIQUE_INFO } from '../../src/forgery/index.js';
import { parseModuleDefinition, planModule, type ModuleDefinition, type ModulePlan } from '../../src/lms/index.js';
import { decodePackManifest } from '../../src/pack-format/index.js';

/**
 * Plays the real CME module screens (the packaged game opened as `index.html?module=module.json`) the way a learner
 * does: keys and clicks on what is on screen, inside the LMS player's frame or in a tab of its own. The test's
 * "right answer" comes from the module's answer key, worked out here from module.json with the same seeded plan the
 * game uses (as a coordinator could), never from the page's state.
 */
export interface ModuleScreen {
  readonly page: Page;
  /** The frame the module runs in (the page's main frame outside an LMS). */
  readonly frame: Frame;
}

/** The module's frame inside the LMS player page (#sco), once the module has loaded into it. */
export async function moduleInPlayer(page: Page, launch: RegExp = /index\.html\?module=module\.json/): Promise<ModuleScreen> {
  const handle = await page.waitForSelector('#sco');
  await expect.poll(async () => (await handle.contentFrame())?.url() ?? '', { timeout: 20_000 }).toMatch(launch);
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('moduleInPlayer: the player has no module frame');
  return { page, frame };
}

export const moduleInTab = (page: Page): ModuleScreen => ({ page, frame: page.mainFrame() });

/** Waits for a screen (`#main[data-screen]`: module-start, briefing, reading, roundReview, module-teaching...). */
export async function onScreen(m: ModuleScreen, screen: string, timeout = 60_000): Promise<void> {
  await m.frame.waitForSelector(`#main[data-screen="${screen}"]`, { timeout });
}

/** A key as the learner presses it, with the keyboard focus in the module (its page heading, or the case on screen). */
export async function press(m: ModuleScreen, key: string): Promise<void> {
  await m.frame.locator('[role="dialog"] h2, #page-heading, #stage').first().focus();
  await m.page.keyboard.press(key);
}

export async function click(m: ModuleScreen, selector: string): Promise<void> {
  await m.frame.locator(selector).click();
}

export interface AnswerKey {
  readonly def: ModuleDefinition;
  readonly plan: ModulePlan;
}

export function answerKey(packageDir: string): AnswerKey {
  const def = parseModuleDefinition(JSON.parse(readFileSync(join(packageDir, 'module.json'), 'utf8')));
  const techniques = TECHNIQUE_INFO.map((t) => ({ id: t.id, artifactIds: t.artifactIds as readonly string[] }));
  const pack = def.deck.kind === 'pack' ? decodePackManifest(readFileSync(join(packageDir, def.deck.folder, 'manifest.json'))) : undefined;
  return { def, plan: planModule(def, pack ? { techniques, pack } : { techniques }) };
}

/** The rating a reader gives to be right (6 or 1) or wrong (1 or 6) on a case of the given kind. */
export const rating = (kind: 'real' | 'fake', right: boolean): string => ((kind === 'fake') === right ? '6' : '1');

/**
 * Plays the cases of a test from its briefing (or from `from`, after a resume): each case's rating key, then Enter.
 * `right[i]` says whether case i is answered correctly. Case screens are checked to tell nothing before the end.
 */
export async function playCases(m: ModuleScreen, kinds: readonly ('real' | 'fake')[], right: readonly boolean[], o: { from?: number; to?: number; briefing?: boolean } = {}): Promise<void> {
  if (o.briefing !== false) {
    await onScreen(m, 'briefing');
    await press(m, 'Enter');
  }
  for (let i = o.from ?? 0; i < (o.to ?? kinds.length); i++) {
    await m.frame.waitForFunction((n) => /Case (\d+)\//.exec(document.getElementById('hud-where')?.textContent ?? '')?.[1] === String(n), i + 1, { timeout: 60_000 })
      .catch(async (e: unknown) => {
        // Say what was on screen instead of only that the wait ran out.
        const seen = await m.frame.evaluate(() => `screen ${document.getElementById('main')?.dataset['screen']}, HUD '${document.getElementById('hud-where')?.textContent}', status '${document.getElementById('game-status')?.textContent}', focus ${document.activeElement?.id || document.activeElement?.tagName}`).catch(() => 'page gone');
        throw new Error(`case ${i + 1} did not come: ${seen}. ${(e as Error).message}`);
      });
    await onScreen(m, 'reading');
    await press(m, rating(kinds[i] as 'real' | 'fake', right[i] ?? true));
    await expect.poll(() => m.frame.locator('#btn-confirm').isEnabled()).toBe(true);
    await press(m, 'Enter');
  }
}

/** Plays the practice round: feedback after each case, Enter to move on. */
export async function playPractice(m: ModuleScreen, n: number): Promise<void> {
  await onScreen(m, 'briefing');
  await press(m, 'Enter');
  for (let i = 0; i < n; i++) {
    await onScreen(m, 'reading');
    await press(m, '4');
    await press(m, 'Enter');
    await onScreen(m, 'caseReview');
    await expect(await m.frame.locator('#review-verdict').textContent()).toMatch(/real|fake|synthetic|tamper/i);
    await press(m, 'Enter');
  }
}

/** The evaluation form, filled in with clicks on its labelled controls and sent. */
export async function fillEvaluation(m: ModuleScreen, comments: string): Promise<void> {
  await onScreen(m, 'module-evaluation');
  await m.frame.locator('#field-relevance').getByLabel('5 (very relevant)').check();
  await m.frame.locator('#field-change').getByLabel('4', { exact: true }).check();
  await m.frame.locator('#field-bias').getByLabel('No').check();
  await m.frame.getByLabel(/^Comments \(optional/).fill(comments);
  await click(m, '#btn-module-submit');
}

/** Starts keeping everything the accessible status line says (what a screen reader hears), from now on. */
export async function recordStatus(m: ModuleScreen): Promise<void> {
  await m.frame.evaluate(() => {
    const w = window as unknown as { statusLog: string[] };
    const el = document.getElementById('game-status');
    w.statusLog = [];
    if (el) new MutationObserver(() => w.statusLog.push(el.textContent ?? '')).observe(el, { childList: true, characterData: true, subtree: true });
  });
}

export const statusLog = (m: ModuleScreen): Promise<string[]> => m.frame.evaluate(() => (window as unknown as { statusLog: string[] }).statusLog);
