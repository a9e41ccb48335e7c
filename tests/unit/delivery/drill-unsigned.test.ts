import { describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app/index.js';
import { createCaseLibrary, type DemoCaseSpec } from '../../../src/decks/index.js';
import { readDrillResults } from '../../../src/delivery/index.js';
import { exportJson, toStoredSession, type StoredSession } from '../../../src/domain/index.js';
import { createGrayImage } from '../../../src/imaging/index.js';
import { createGameStore } from '../../../src/store/index.js';
import { TECHNIQUE_IDS } from '../../helpers/delivery.js';
import { answerDemoCases, truthOf } from '../../helpers/test-game.js';

/** A drill played by a plain link and saved from the game's own results export (unsigned), handed in twice. */
async function playedDrill(): Promise<{ halfway: StoredSession; end: StoredSession }> {
  const now = () => Date.parse('2026-06-03T09:00:00Z');
  const store = createGameStore({ now });
  const library = createCaseLibrary({
    prepare: async (spec) => ({ id: spec.id, image: createGrayImage(8, 8, 12), original: null, truth: truthOf(spec as DemoCaseSpec), header: [], generationMs: 0 }),
    dispose: () => undefined,
  }, 8);
  const app = createApp(
    { store, library, sessions: { list: async () => ({ sessions: [], unreadable: [] }) } as never, packs: {} as never, packActions: {} as never, techniques: TECHNIQUE_IDS, say: () => undefined, now },
    [...new URLSearchParams('mode=drill&deck=demo&seed=7&cases=4&prevalence=0.5&prompted=1')],
  );
  await app.start();
  const st = () => store.getState();
  st().startRound();
  let halfway: StoredSession | null = null;
  answerDemoCases(store, TECHNIQUE_IDS, {
    after: () => {
      if (!halfway && st().session?.records.length === 2) halfway = toStoredSession(st().session!, st().meta!, now() + 1_000);
    },
  });
  if (st().session?.phase !== 'summary') st().continueSession();
  return { halfway: halfway!, end: toStoredSession(st().session!, st().meta!, now() + 2_000) };
}

describe('drills from the game\'s own results export', () => {
  it('count one reader per stored session, the later save kept, and say which copy was left out', async () => {
    const { halfway, end } = await playedDrill();
    expect(halfway.id).toBe(end.id);
    const bytes = (s: StoredSession) => new TextEncoder().encode(exportJson([s]));
    const intake = await readDrillResults(
      [{ name: 'all-my-results.json', bytes: bytes(end) }, { name: 'drill-answers-early.json', bytes: bytes(halfway) }],
      { techniques: TECHNIQUE_IDS, manifestFor: async () => null },
    );
    expect(intake.runs).toHaveLength(1);
    expect(intake.runs[0]!.readers).toHaveLength(1);
    expect(intake.runs[0]!.readers[0]!.answers).toHaveLength(4);
    expect(intake.notes.join('\n')).toMatch(/"drill-answers-early\.json" holds a drill session also in "all-my-results\.json".*counted once/);
    expect(intake.files.find((f) => f.name === 'all-my-results.json')?.message).toBe("1 drill session from the game's results export (unsigned)");
  });
});
