import { describe, expect, it } from 'vitest';
import { keyToIntent } from '../../../src/input/index.js';
import { CONTROLS, MODULE_CONTROLS } from '../../../src/presenters/index.js';

describe('the controls listed inside a CME module', () => {
  it('leave out the title screen and game-only keys, and say what Esc does there', () => {
    const keys = MODULE_CONTROLS.map(([k]) => k);
    for (const gone of ['K', 'L', 'N', 'B', 'W', 'R', 'J']) expect(keys).not.toContain(gone);
    for (const kept of ['1 - 6', 'Enter', 'M', 'D', 'H', 'Esc']) expect(keys).toContain(kept);
    expect(MODULE_CONTROLS.find(([k]) => k === 'Esc')?.[1]).toMatch(/continue later/);
    expect(MODULE_CONTROLS.length).toBeLessThan(CONTROLS.length);
  });

  it("list the case screen's keys, which work while a module's case is read", () => {
    for (const k of ['M', 'D', 'I', 'P', 'H']) {
      expect(MODULE_CONTROLS.some(([keys]) => keys === k), k).toBe(true);
      expect(keyToIntent(k.toLowerCase(), { phase: 'reading', screen: 'game', error: false }), k).not.toBeNull();
    }
  });
});
