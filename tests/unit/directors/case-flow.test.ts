import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { caseId, getMode, type CaseId } from '../../../src/domain/index.js';
import { createCaseLibrary, type CaseSource, type DemoCaseSpec } from '../../../src/decks/index.js';
import { createGrayImage } from '../../../src/imaging/types.js';
import { createGameStore } from '../../../src/store/index.js';
import { startCaseFlow, TIMEOUT_PAUSE_MS } from '../../../src/directors/case-flow.js';
import { createSilentAudio } from '../../../src/audio/index.js';
import { startAudioDirector } from '../../../src/directors/audio-director.js';
import type { ViewerPort } from '../../../src/viewer/viewer-port.js';

function fakeViewer() {
  const shown: string[] = [];
  const viewer = {
    show: vi.fn(async (id: string) => {
      shown.push(id);
    }),
  } as unknown as ViewerPort;
  return { viewer, shown };
}

function setup(afterPaint?: (f: () => void) => void) {
  let t = 1000;
  const store = createGameStore({ now: () => t });
  const requested: CaseId[] = [];
  const source: CaseSource = {
    prepare: async (spec: DemoCaseSpec) => {
      requested.push(spec.id);
      const forged = spec.forgery !== null;
      return {
        id: spec.id, image: createGrayImage(8, 8, 12), original: forged ? createGrayImage(8, 8, 12) : null,
        truth: forged ? { kind: 'forged', recipe: spec.forgery ?? [], tells: [] } : { kind: 'authentic', authenticityCues: ['x'] },
        header: [],
        generationMs: 0,
      };
    },
    dispose: () => undefined,
  };
  const library = createCaseLibrary(source, 4);
  const specs = [
    { id: caseId('a'), simSeed: 1, forgery: null },
    { id: caseId('b'), simSeed: 2, forgery: [{ techniqueId: 'uniform-grain', level: 'obvious' as const, seed: 3 }] },
    { id: caseId('c'), simSeed: 4, forgery: null },
  ];
  library.setSpecs(specs);
  const { viewer, shown } = fakeViewer();
  const audio = createSilentAudio();
  const stop = startCaseFlow({ store, viewer, library, ...(afterPaint ? { afterPaint } : {}) });
  const stopAudio = startAudioDirector(store, audio);
  const mode = { ...getMode('practice'), casesPerRound: 2, rounds: 2, secondsPerCase: 30 };
  const [a, b, c] = specs.map((s) => s.id) as [CaseId, CaseId, CaseId];
  store.getState().startSession({ mode, deckId: 'demo', seed: 1, rounds: [[a, b], [c]] }, { id: 's', startedAt: 0, generator: 'test' });
  return { store, shown, requested, audio, advance: (ms: number) => (t += ms), stop: () => { stop(); stopAudio(); } };
}

describe('the case flow', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('prefetches during the briefing, starts the clock only once the image is shown, prepares the next two cases (across rounds)', async () => {
    const g = setup();
    expect(g.requested).toEqual(['a']);
    g.store.getState().startRound();
    expect(g.store.getState().session?.phase).toBe('loading');
    await vi.runAllTimersAsync();
    expect(g.shown).toEqual(['game:a']);
    expect(g.store.getState().session).toMatchObject({ phase: 'reading', caseStartedAt: 1000 });
    // Two ahead: a fake (b) takes longer to make, and would otherwise keep a quick reader waiting longer before it.
    expect(g.requested).toEqual(['a', 'b', 'c']);
    g.stop();
  });

  it('prepares the next cases only after the first case has been painted, so no film is made during that paint', async () => {
    const painted: (() => void)[] = [];
    const g = setup((f) => void painted.push(f));
    g.store.getState().startRound();
    await vi.runAllTimersAsync();
    expect(g.shown).toEqual(['game:a']);
    expect(g.store.getState().session?.phase).toBe('reading');
    expect(g.requested).toEqual(['a']);
    expect(painted).toHaveLength(1);
    painted[0]?.();
    expect(g.requested).toEqual(['a', 'b', 'c']);
    g.stop();
  });

  it('moves on when the answer is given, and plays the lock cue but no verdict until the review', async () => {
    const g = setup();
    g.store.getState().startRound();
    await vi.runAllTimersAsync();
    g.store.getState().rate(2);
    expect(g.audio.played).toEqual([]);
    g.store.getState().confirm();
    expect(g.audio.played).toEqual(['lock']);
    expect(g.store.getState().session?.caseIndex).toBe(1);
    await vi.runAllTimersAsync();
    g.store.getState().rate(6);
    g.store.getState().confirm();
    expect(g.store.getState().session?.phase).toBe('roundReview');
    // The review opens on case 1: its verdict sounds only now that its truth is on screen.
    expect(g.audio.played).toEqual(['lock', 'lock', 'roundComplete', 'correct']);
    g.store.getState().setReviewIndex(1);
    expect(g.audio.played.at(-1)).toBe('correct');
    g.stop();
  });

  it('shows the original of a forged case for compare, in place', async () => {
    const g = setup();
    g.store.getState().startRound();
    await vi.runAllTimersAsync();
    g.store.getState().rate(2);
    g.store.getState().confirm();
    await vi.runAllTimersAsync();
    g.store.getState().rate(5);
    g.store.getState().confirm();
    g.store.getState().setReviewIndex(1);
    g.store.getState().toggleCompare();
    expect(g.shown.slice(-2)).toEqual(['game:b', 'game:b:original']);
    g.stop();
  });

  it('after a time-out, moves on by itself after the notice', async () => {
    const g = setup();
    g.store.getState().startRound();
    await vi.runAllTimersAsync();
    g.advance(30_000);
    g.store.getState().tick();
    expect(g.store.getState().session?.phase).toBe('timedOut');
    await vi.advanceTimersByTimeAsync(TIMEOUT_PAUSE_MS + 10);
    expect(g.store.getState().session).toMatchObject({ caseIndex: 1, records: [{ timedOut: true }] });
    g.stop();
  });

  it('paging quickly through the atlas makes only the example the reader stops on; comparing is immediate', async () => {
    const store = createGameStore({ now: () => 0 });
    const { viewer, shown } = fakeViewer();
    const library = createCaseLibrary({ prepare: async () => { throw new Error('unused'); }, dispose: () => undefined }, 4);
    const examples = ['x0', 'x1', 'x2', 'x3', 'x4'].map((x) => caseId(x));
    const stop = startCaseFlow({ store, viewer, library, atlasExamples: examples });
    store.getState().openScreen('atlas');
    expect(shown).toEqual(['game:x0']);
    for (let i = 1; i <= 4; i++) store.getState().setAtlasIndex(i);
    await vi.advanceTimersByTimeAsync(1000);
    expect(shown).toEqual(['game:x0', 'game:x4']);
    store.getState().toggleCompare();
    expect(shown.at(-1)).toBe('game:x4:original');
    stop();
  });
});
