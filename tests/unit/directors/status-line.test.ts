import { describe, expect, it } from 'vitest';
import { createStatusLine } from '../../../src/directors/index.js';
import { createGameStore, SCREENS } from '../../../src/store/index.js';

/** Opening a screen says that screen: the status line must never keep the words of one closed before (user audit). */
describe('the status line as screens open and close', () => {
  it('says the drill report when it opens after Help was closed, and that Help closed', () => {
    const store = createGameStore({ now: () => 0 });
    const el = { textContent: '' } as HTMLElement;
    const line = createStatusLine(el, store);
    store.getState().openScreen('help');
    expect(el.textContent).toMatch(/^Help: /);
    store.getState().closeScreen();
    expect(el.textContent).toBe('Help closed.');
    store.getState().openScreen('drill-report');
    expect(el.textContent).toMatch(/^Drill report: .*press O/);
    line.dispose();
  });

  it('has words for every screen opened without words of its own (training screens say theirs when they open)', () => {
    const store = createGameStore({ now: () => 0 });
    const el = { textContent: '' } as HTMLElement;
    const line = createStatusLine(el, store);
    const own = new Set(['game', 'session-setup', 'session-join', 'dashboard']);
    for (const name of SCREENS.filter((n) => !own.has(n))) {
      el.textContent = 'stale';
      store.getState().openScreen(name);
      expect(el.textContent, name).not.toBe('stale');
      store.getState().closeScreen();
    }
    line.dispose();
  });
});
