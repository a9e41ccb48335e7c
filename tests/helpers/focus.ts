import type { Page } from 'playwright-core';

/** The id of the element with the keyboard focus (its tag name when it has no id; 'BODY' when the focus fell to the page). */
export const focused = (page: Page): Promise<string> => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || '');

/** Presses Tab (Shift+Tab with `back`) until the element `id` has the focus, as a keyboard reader does. */
export async function tabTo(page: Page, id: string, o: { readonly back?: boolean; readonly most?: number } = {}): Promise<void> {
  const key = o.back ? 'Shift+Tab' : 'Tab';
  const most = o.most ?? 60;
  for (let i = 0; i < most; i++) {
    if ((await focused(page)) === id) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached #${id} in ${most} presses; the focus is on ${await focused(page)}`);
}
