import { describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app/index.js';
import { createCaseLibrary, firstCaseOfDeepLink, type CaseSpec } from '../../../src/decks/index.js';
import { createGrayImage } from '../../../src/imaging/index.js';
import { TECHNIQUE_SUMMARIES } from '../../../src/forgery/index.js';
import { createGameStore } from '../../../src/store/index.js';
import { currentCaseId } from '../../../src/domain/index.js';
import { truthOf } from '../../helpers/test-game.js';
import { queryOfWorkerName, workerNameFor } from '../../../src/decks/worker-protocol.js';

const query = (q: string): [string, string][] => [...new URLSearchParams(q)];

/** What the game itself asks the case source for first, and what its session shows first, for a page's query. */
async function gameStart(q: string): Promise<{ requested: CaseSpec | null; firstOnScreen: string | null }> {
  const store = createGameStore({ now: () => 0 });
  const asked: CaseSpec[] = [];
  const library = createCaseLibrary({
    prepare: async (spec) => {
      asked.push(spec);
      return { id: spec.id, image: createGrayImage(8, 8, 12), original: null, truth: truthOf(spec as never), header: [], generationMs: 0 };
    },
    dispose: () => undefined,
  }, 4);
  const app = createApp({
    store, library, techniques: TECHNIQUE_SUMMARIES, say: () => undefined, now: () => 1_700_000_000_000,
    sessions: { list: async () => ({ sessions: [], unreadable: [] }) } as never,
    packs: {} as never, packActions: { playById: async () => undefined } as never,
  }, query(q));
  await app.start();
  const s = store.getState().session;
  return { requested: asked[0] ?? null, firstOnScreen: s ? currentCaseId(s) : null };
}

describe('the first case made before the game loads (boot.ts warms the case worker)', () => {
  it.each([
    '?mode=practice&deck=demo&seed=3&cases=3&seconds=60&rounds=1',
    '?mode=practice&seed=11',
    '?mode=tell-drill&seed=5&tell=A9',
    '?mode=practice&seed=8&prevalence=1&levels=obvious',
  ])('is the very case the game asks for first and shows first: %s', async (q) => {
    // The query as the worker reads it back from its name (worker-protocol.ts).
    const warmed = firstCaseOfDeepLink(queryOfWorkerName(workerNameFor(query(q))), TECHNIQUE_SUMMARIES);
    const game = await gameStart(q);
    expect(warmed).not.toBeNull();
    expect(game.requested).toEqual(warmed);
    expect(game.firstOnScreen).toBe(warmed?.id);
  });

  it.each([
    ['no link', ''],
    ['a seed the page draws itself', '?mode=practice&cases=3'],
    ['a case pack', '?mode=practice&deck=chest-week-3&seed=4'],
    ['a bad link', '?mode=practice&seed=4&fakes=0.5'],
    ['a readiness drill (its order is the reader\'s own)', '?mode=drill&seed=4'],
    ['a CME module page', '?module=module.json'],
  ])('is not made for %s', (_what, q) => {
    expect(firstCaseOfDeepLink(query(q), TECHNIQUE_SUMMARIES)).toBeNull();
  });
});

describe("the page's query in the case worker's name", () => {
  it.each(['', '?mode=practice&deck=demo&seed=3', '?title=a%26b%3Dc%3Fd&x=%E2%9C%93+y&x=2'])('reads back exactly: %s', (q) => {
    expect(queryOfWorkerName(workerNameFor(query(q)))).toEqual(query(q));
    expect(workerNameFor(query(q)).startsWith('demo-cases')).toBe(true);
  });
});
