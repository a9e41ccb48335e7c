import { describe, expect, it } from 'vitest';
import { crosshairPlace, crosshairZone, viewerKeyWords } from '../../../src/presenters/index.js';
import type { ViewerKeyEvent } from '../../../src/viewer/viewer-port.js';
import type { Edge } from '../../../src/viewer/viewport-math.js';

const image = { width: 900, height: 900 };
const cross = (change: 'shown' | 'moved' | 'hidden', x: number, y: number, edge: Edge | null = null, loupe = false): ViewerKeyEvent => ({
  kind: 'crosshair', change, point: { x, y }, image, edge, loupe,
});

describe('what the status line says about the viewer keys', () => {
  it('names the ninth of the image the crosshair is in', () => {
    expect(crosshairZone({ x: 10, y: 10 }, image)).toBe('upper left');
    expect(crosshairZone({ x: 450, y: 450 }, image)).toBe('centre');
    expect(crosshairZone({ x: 899, y: 450 }, image)).toBe('middle right');
    expect(crosshairZone({ x: 450, y: 800 }, image)).toBe('lower centre');
  });

  it('says how to use the crosshair when it appears, and then only when its ninth changes', () => {
    let w = viewerKeyWords(cross('shown', 450, 450), null);
    expect(w.say).toBe('Crosshair on, in the centre of the image. Arrow keys move it (Shift: bigger steps), X marks or unmarks there, + and - zoom.');
    const steps = [[460, 450], [500, 450], [560, 450], [610, 450], [640, 450]] as const;
    const said: string[] = [];
    for (const [x, y] of steps) {
      w = viewerKeyWords(cross('moved', x, y), w.last);
      if (w.say) said.push(w.say);
    }
    expect(said).toEqual(['Crosshair: middle right.']);
  });

  it('says which edge stopped it, once, and nothing when it hides', () => {
    const edge = { side: 'left', of: 'image' } as const;
    let w = viewerKeyWords(cross('moved', 0, 450, edge), 'Crosshair: middle left.');
    expect(w.say).toBe('Crosshair at the left edge of the image.');
    w = viewerKeyWords(cross('moved', 0, 450, edge), w.last);
    expect(w.say).toBeNull();
    expect(viewerKeyWords(cross('hidden', 0, 450), w.last)).toEqual({ say: null, last: null });
    expect(viewerKeyWords(cross('shown', 100, 100, null, true), null).say).toMatch(/^Crosshair on, at the upper left of the image, with the loupe\./);
  });

  it("in the atlas says which arrows move the crosshair (Up and Down choose the entry there) and nothing of marks", () => {
    const said = viewerKeyWords(cross('shown', 450, 450), null, crosshairPlace('atlas', null)).say;
    expect(said).toBe('Crosshair on, in the centre of the image. Left and Right move it, Shift+Up and Shift+Down too (Shift: bigger steps); + and - zoom.');
    expect(said).not.toMatch(/X marks/);
  });

  it('in a review says nothing of marks (X marks only while reading), and in a round review which arrows move it', () => {
    const shown = (screen: string, phase: string | null): string | null => viewerKeyWords(cross('shown', 450, 450), null, crosshairPlace(screen, phase)).say;
    expect(shown('game', 'reading')).toMatch(/X marks or unmarks there/);
    expect(shown('game', 'caseReview')).toBe('Crosshair on, in the centre of the image. Arrow keys move it (Shift: bigger steps); + and - zoom.');
    expect(shown('game', 'roundReview')).toBe('Crosshair on, in the centre of the image. Up and Down move it, Shift+Left and Shift+Right too (Shift: bigger steps); + and - zoom.');
  });

  it('gives the zoom as a share of the fitted view, and says when it goes no further', () => {
    expect(viewerKeyWords({ kind: 'zoom', direction: 1, scale: 0.5, fitScale: 0.4, atLimit: false }, 'x')).toEqual({ say: 'Zoom 125% of the fitted view.', last: 'x' });
    expect(viewerKeyWords({ kind: 'zoom', direction: 1, scale: 16, fitScale: 0.4, atLimit: true }, null).say).toBe('Zoom 4000% of the fitted view, the most it goes.');
  });

  it('gives the window after each window/level key, rounded, and says when it goes no further', () => {
    const voi = { windowCenter: 2047.5, windowWidth: 1818.2 };
    expect(viewerKeyWords({ kind: 'window', step: 'narrower', voi, atLimit: false }, 'x')).toEqual({ say: 'Window width 1818, centre 2048.', last: 'x' });
    const narrowest = { windowCenter: 900, windowWidth: 1 };
    expect(viewerKeyWords({ kind: 'window', step: 'narrower', voi: narrowest, atLimit: true }, null).say).toBe('Window width 1, centre 900, the narrowest it goes.');
    expect(viewerKeyWords({ kind: 'window', step: 'higher', voi, atLimit: true }, null).say).toBe('Window width 1818, centre 2048, the highest it goes.');
  });
});
