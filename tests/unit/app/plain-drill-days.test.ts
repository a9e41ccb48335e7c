import { describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app/index.js';
import { createCaseLibrary, type DemoCaseSpec } from '../../../src/decks/index.js';
import { createGrayImage } from '../../../src/imaging/index.js';
import { createGameStore } from '../../../src/store/index.js';
import { TECHNIQUE_IDS } from '../../helpers/delivery.js';
import { truthOf } from '../../helpers/test-game.js';

/** A readiness drill opened by a plain link keeps its days (opens, closes) as a signed drill does. */
async function openOn(day: string) {
  const now = () => Date.parse(`${day}T09:00:00`);
  const store = createGameStore({ now });
  const library = createCaseLibrary({
    prepare: async (spec) => ({ id: spec.id, image: createGrayImage(8, 8, 12), original: null, truth: truthOf(spec as DemoCaseSpec), header: [], generationMs: 0 }),
    dispose: () => undefined,
  }, 8);
  const app = createApp({
    store, library, sessions: { list: async () => ({ sessions: [], unreadable: [] }) } as never, packs: {} as never, packActions: {} as never,
    techniques: TECHNIQUE_IDS, say: () => undefined, now,
  }, [...new URLSearchParams('mode=drill&deck=demo&seed=7&cases=4&prevalence=0.05&prompted=0&opens=2026-06-01&closes=2026-06-14')]);
  await app.start();
  return store.getState();
}

describe('a drill by plain link outside its days', () => {
  it('after its closing day: refused, saying until when it was open, and nothing starts', async () => {
    const st = await openOn('2026-07-01');
    expect(st.session).toBeNull();
    expect(st.screen.error).toMatch(/^This exercise has closed\nIt could be started until 2026-06-14/);
    expect(st.screen.error).not.toMatch(/drill|fake/i); // an unprompted drill does not name its purpose
  });

  it('before its opening day: refused, saying when it opens', async () => {
    const st = await openOn('2026-05-20');
    expect(st.session).toBeNull();
    expect(st.screen.error).toMatch(/^This exercise is not open yet\nIt opens on 2026-06-01/);
  });

  it('within its days: the briefing', async () => {
    const st = await openOn('2026-06-14');
    expect(st.screen.error).toBeNull();
    expect(st.session?.phase).toBe('briefing');
  });
});
