import { describe, expect, it } from 'vitest';
import { createGameStore } from '../../../src/store/index.js';
import { dispatchIntent, keyToIntent } from '../../../src/input/index.js';
import { reportWindow, wrapFixed } from '../../../src/presenters/index.js';

describe('a long build report scrolls inside its box', () => {
  const report = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`);

  it('shows the lines that fit from the top line on, and says whether more follow', () => {
    // 180 px hold 10 rows of 18 px.
    expect(reportWindow(report, 0, 180, 800)).toEqual({ lines: report.slice(0, 10), shown: 10, more: true });
    expect(reportWindow(report, 35, 180, 800)).toEqual({ lines: report.slice(35), shown: 5, more: false });
  });

  it('wraps long lines at spaces by character count and keeps the runs of spaces that align a table', () => {
    expect(wrapFixed('noise          0.781  real', 80)).toEqual(['noise          0.781  real']);
    expect(wrapFixed('aaaa bbbb cccc dddd', 10)).toEqual(['aaaa bbbb', 'cccc dddd']);
    expect(wrapFixed('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    // 365 px hold 50 characters: a 120-character line takes 3 rows, so 4 rows of box fit it and one short line.
    const w = reportWindow(['y'.repeat(120), 'next', 'last'], 0, 4 * 18, 365);
    expect(w.lines).toHaveLength(4);
    expect(w).toMatchObject({ shown: 2, more: true });
  });

  it('PageDown and PageUp on the packs screen move the report and stop at its ends', () => {
    const store = createGameStore({ now: () => 0 });
    store.getState().setPacksOpen(true);
    store.getState().setPackReport(report);
    const press = (key: string): void => {
      const intent = keyToIntent(key, { phase: 'title', menuOpen: false, packsOpen: true });
      if (intent) dispatchIntent(intent, { store, startSession: () => undefined, toTitle: () => undefined });
    };
    press('PageDown');
    expect(store.getState().packs.reportTop).toBe(10);
    for (let i = 0; i < 6; i++) press('PageDown');
    expect(store.getState().packs.reportTop).toBe(39);
    for (let i = 0; i < 6; i++) press('PageUp');
    expect(store.getState().packs.reportTop).toBe(0);
    store.getState().scrollPackReport(5);
    store.getState().setPackReport(['a new report']);
    expect(store.getState().packs.reportTop).toBe(0);
  });
});
