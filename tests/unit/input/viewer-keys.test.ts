import { describe, expect, it } from 'vitest';
import type { Phase } from '../../../src/domain/index.js';
import { CONTROLS } from '../../../src/presenters/index.js';
import { dispatchIntent, keyToIntent, repeats, type IntentDeps, type ViewerKeyActions } from '../../../src/input/index.js';
import { createGameStore } from '../../../src/store/index.js';
import { testGame } from '../../helpers/test-game.js';

const game = (phase: Phase | 'title', screen: 'game' | 'atlas' | 'menu' = 'game') => ({ phase, screen });

describe('the viewer by keyboard: the key map', () => {
  const casePhases = ['reading', 'caseReview', 'roundReview'] as const;

  it('arrows move the crosshair wherever a case is on screen, Shift in bigger steps', () => {
    for (const phase of ['reading', 'caseReview'] as const) {
      expect(keyToIntent('ArrowLeft', game(phase))).toEqual({ type: 'crosshair', dx: -1, dy: 0, big: false });
      expect(keyToIntent('ArrowRight', game(phase), { shift: true })).toEqual({ type: 'crosshair', dx: 1, dy: 0, big: true });
    }
    for (const phase of casePhases) {
      expect(keyToIntent('ArrowUp', game(phase))).toEqual({ type: 'crosshair', dx: 0, dy: -1, big: false });
      expect(keyToIntent('ArrowDown', game(phase), { shift: true })).toEqual({ type: 'crosshair', dx: 0, dy: 1, big: true });
    }
  });

  it("keeps Left / Right stepping through a round's review; Shift+Left / Right move the crosshair there", () => {
    expect(keyToIntent('ArrowLeft', game('roundReview'))).toEqual({ type: 'reviewStep', delta: -1 });
    expect(keyToIntent('ArrowRight', game('roundReview'))).toEqual({ type: 'reviewStep', delta: 1 });
    expect(keyToIntent('ArrowLeft', game('roundReview'), { shift: true })).toEqual({ type: 'crosshair', dx: -1, dy: 0, big: true });
  });

  it('X marks at the crosshair only while reading (a review cannot change the marks)', () => {
    expect(keyToIntent('x', game('reading'))).toEqual({ type: 'markAtCrosshair' });
    expect(keyToIntent('X', game('reading'))).toEqual({ type: 'markAtCrosshair' });
    for (const phase of ['caseReview', 'roundReview', 'briefing', 'title', 'summary'] as const) expect(keyToIntent('x', game(phase)), phase).toBeNull();
  });

  it('+ and - zoom while a case is on screen and in the atlas; elsewhere and in the menu they stay the volume', () => {
    for (const phase of casePhases) {
      expect(keyToIntent('+', game(phase))).toEqual({ type: 'zoom', direction: 1 });
      expect(keyToIntent('=', game(phase))).toEqual({ type: 'zoom', direction: 1 });
      expect(keyToIntent('-', game(phase))).toEqual({ type: 'zoom', direction: -1 });
      expect(keyToIntent('-', game(phase, 'menu'))).toEqual({ type: 'volume', delta: -0.1 });
    }
    expect(keyToIntent('+', game('title', 'atlas'))).toEqual({ type: 'zoom', direction: 1 });
    for (const phase of ['title', 'briefing', 'summary'] as const) expect(keyToIntent('+', game(phase))).toEqual({ type: 'volume', delta: 0.1 });
  });

  it('M by key also shows the crosshair for the loupe, in a case and in the atlas', () => {
    expect(keyToIntent('m', game('reading'))).toEqual({ type: 'magnifier', atCrosshair: true });
    expect(keyToIntent('m', game('title', 'atlas'))).toEqual({ type: 'magnifier', atCrosshair: true });
  });

  it("the atlas example's crosshair: Left / Right move it, Up / Down choose the entry, Shift+Up / Down move it", () => {
    const atlas = game('title', 'atlas');
    expect(keyToIntent('ArrowLeft', atlas)).toEqual({ type: 'crosshair', dx: -1, dy: 0, big: false });
    expect(keyToIntent('ArrowRight', atlas, { shift: true })).toEqual({ type: 'crosshair', dx: 1, dy: 0, big: true });
    expect(keyToIntent('ArrowDown', atlas)).toEqual({ type: 'atlasStep', delta: 1 });
    expect(keyToIntent('ArrowUp', atlas)).toEqual({ type: 'atlasStep', delta: -1 });
    expect(keyToIntent('ArrowDown', atlas, { shift: true })).toEqual({ type: 'crosshair', dx: 0, dy: 1, big: true });
    expect(keyToIntent('ArrowUp', game('reading', 'atlas'), { shift: true })).toEqual({ type: 'crosshair', dx: 0, dy: -1, big: true });
    // Nothing is marked on the atlas's example; its other keys stay.
    expect(keyToIntent('x', atlas)).toBeNull();
    expect(keyToIntent('c', atlas)).toEqual({ type: 'compare' });
    expect(keyToIntent('PageDown', atlas)).toEqual({ type: 'atlasStep', delta: 6 });
  });

  it('[ ] , . step the window and its centre in a case, its review and the atlas; Shift (or { } < >) in bigger steps', () => {
    for (const ctx of [game('reading'), game('caseReview'), game('roundReview'), game('loading'), game('title', 'atlas')]) {
      expect(keyToIntent('[', ctx)).toEqual({ type: 'window', step: 'narrower', big: false });
      expect(keyToIntent(']', ctx)).toEqual({ type: 'window', step: 'wider', big: false });
      expect(keyToIntent(',', ctx)).toEqual({ type: 'window', step: 'lower', big: false });
      expect(keyToIntent('.', ctx)).toEqual({ type: 'window', step: 'higher', big: false });
      expect(keyToIntent('{', ctx, { shift: true })).toEqual({ type: 'window', step: 'narrower', big: true });
      expect(keyToIntent('}', ctx, { shift: true })).toEqual({ type: 'window', step: 'wider', big: true });
      expect(keyToIntent('<', ctx, { shift: true })).toEqual({ type: 'window', step: 'lower', big: true });
      expect(keyToIntent('>', ctx, { shift: true })).toEqual({ type: 'window', step: 'higher', big: true });
      // A layout that gives < its own key (no Shift) still takes the big step it names.
      expect(keyToIntent('<', ctx)).toEqual({ type: 'window', step: 'lower', big: true });
    }
    for (const phase of ['title', 'briefing', 'summary'] as const) expect(keyToIntent('[', game(phase)), phase).toBeNull();
    expect(keyToIntent('.', game('reading', 'menu'))).toBeNull();
  });

  it('the window keys clash with no other key of a screen with an image', () => {
    for (const k of ['[', ']', ',', '.', '{', '}', '<', '>']) {
      expect(keyToIntent(k, game('title')), k).toBeNull();
      expect(keyToIntent(k, game('title', 'menu')), k).toBeNull();
    }
    expect(keyToIntent('ArrowLeft', game('title'))).toBeNull();
    expect(keyToIntent('ArrowLeft', game('briefing'))).toBeNull();
  });

  it('leaves every key it does not take as it was: ratings, Enter, Space, the tools, Esc', () => {
    expect(keyToIntent('4', game('reading'))).toEqual({ type: 'rate', rating: 4 });
    expect(keyToIntent('Enter', game('reading'))).toEqual({ type: 'confirm' });
    expect(keyToIntent(' ', game('reading'))).toEqual({ type: 'resetView' });
    expect(keyToIntent('d', game('reading'))).toEqual({ type: 'header' });
    expect(keyToIntent('i', game('caseReview'))).toEqual({ type: 'invert' });
    expect(keyToIntent('Escape', game('reading'))).toEqual({ type: 'menu' });
  });

  it('a held arrow repeats; a held toggle does not', () => {
    expect(repeats({ type: 'crosshair' })).toBe(true);
    expect(repeats({ type: 'window' }), 'a held window key goes on, as a drag does').toBe(true);
    for (const type of ['zoom', 'markAtCrosshair', 'magnifier', 'invert', 'rate']) expect(repeats({ type }), type).toBe(false);
  });

  it('the help lists the new keys', () => {
    const keys = CONTROLS.map(([k]) => k);
    for (const k of ['Arrows', 'X', '+ / -', 'M', 'D', '[ / ] and , / .']) expect(keys, k).toContain(k);
    expect(CONTROLS.find(([k]) => k === '[ / ] and , / .')?.[1]).toMatch(/narrower.*wider.*lower.*higher centre \(Shift: bigger steps\)/);
    expect(CONTROLS.find(([k]) => k === 'Arrows')?.[1]).toMatch(/in the atlas Up \/ Down choose the entry, so there Shift\+Up \/ Down move it/);
    expect(CONTROLS.find(([k]) => k === '+ / -')?.[1]).toMatch(/Zoom in \/ out.*volume/);
  });
});

describe('the viewer by keyboard: intents reach the viewer', () => {
  const fakeViewer = (): ViewerKeyActions & { calls: string[] } => {
    const calls: string[] = [];
    return {
      calls,
      moveCrosshair: (dx, dy, big) => void calls.push(`move ${dx} ${dy}${big ? ' big' : ''}`),
      markAtCrosshair: () => void calls.push('mark'),
      zoom: (d) => void calls.push(`zoom ${d}`),
      stepWindow: (step, big) => void calls.push(`window ${step}${big ? ' big' : ''}`),
    };
  };

  it('moves, marks, zooms and steps the window through the viewer port', () => {
    const viewer = fakeViewer();
    const deps: IntentDeps = { store: createGameStore({ now: () => 0 }), startSession: () => undefined, toTitle: () => undefined, viewer };
    dispatchIntent({ type: 'crosshair', dx: 1, dy: 0, big: true }, deps);
    dispatchIntent({ type: 'markAtCrosshair' }, deps);
    dispatchIntent({ type: 'zoom', direction: -1 }, deps);
    dispatchIntent({ type: 'window', step: 'narrower', big: true }, deps);
    expect(viewer.calls).toEqual(['move 1 0 big', 'mark', 'zoom -1', 'window narrower big']);
  });

  it('M by key turns the loupe on and shows the crosshair it sits on; turning it off leaves the crosshair alone', () => {
    const viewer = fakeViewer();
    const g = testGame();
    const deps: IntentDeps = { store: g.store, startSession: () => undefined, toTitle: () => undefined, viewer };
    dispatchIntent({ type: 'magnifier', atCrosshair: true }, deps);
    expect(g.store.getState().view.magnifier).toBe(true);
    expect(viewer.calls).toEqual(['move 0 0']);
    dispatchIntent({ type: 'magnifier', atCrosshair: true }, deps);
    expect(g.store.getState().view.magnifier).toBe(false);
    // The button's intent never shows the crosshair (a mouse reader did not use the keyboard).
    dispatchIntent({ type: 'magnifier' }, deps);
    expect(viewer.calls).toEqual(['move 0 0']);
  });
});
