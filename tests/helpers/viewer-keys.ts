import type { Page } from 'playwright-core';
import type { ShotStats } from './browser.js';

/** Helpers of the browser tests that work the viewer by keyboard (keyboard-viewer, keyboard-window-atlas). */
export interface At {
  readonly x: number;
  readonly y: number;
}

/** Changed pixels between two shots of the viewer, within `r` px of a point and elsewhere. */
export function changedNear(a: ShotStats, b: ShotStats, at: At, r: number): { near: number; far: number } {
  let near = 0;
  let far = 0;
  for (let i = 0; i < Math.min(a.full.length, b.full.length); i++) {
    if (Math.abs((a.full[i] as number) - (b.full[i] as number)) < 3) continue;
    const x = i % a.fullWidth;
    const y = Math.floor(i / a.fullWidth);
    if (Math.abs(x - at.x) <= r && Math.abs(y - at.y) <= r) near++;
    else far++;
  }
  return { near, far };
}

export async function pressTimes(page: Page, key: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/** Whether the crosshair's four white arms are drawn around a point of the viewer (they run 7 to 26 px out). */
export function crosshairAt(shot: ShotStats, at: At): boolean {
  return [[16, 0], [-16, 0], [0, 16], [0, -16]].every(([dx, dy]) => (shot.full[(at.y + (dy as number)) * shot.fullWidth + at.x + (dx as number)] as number) > 245);
}

export async function loupeCentre(page: Page): Promise<At> {
  const b = (await page.locator('.viewer-loupe').boundingBox())!;
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** How far the loupe moves (display px) while `keys` are pressed in turn, each after the loupe has settled. */
export async function loupeMoveBy(page: Page, keys: readonly string[]): Promise<At> {
  const a = await loupeCentre(page);
  for (const k of keys) await page.keyboard.press(k);
  await page.waitForTimeout(300);
  const b = await loupeCentre(page);
  return { x: b.x - a.x, y: b.y - a.y };
}

/**
 * The window the viewer shows (its data-window-* attributes, which mirror cornerstone's VOI as data-image-id does the
 * image). They change when cornerstone next draws, a frame after the status speaks: poll them (expect.poll).
 */
export async function viewerWindow(page: Page): Promise<{ windowCenter: number; windowWidth: number }> {
  const [c, w] = await Promise.all([page.getAttribute('.viewer', 'data-window-center'), page.getAttribute('.viewer', 'data-window-width')]);
  return { windowCenter: Number(c), windowWidth: Number(w) };
}
