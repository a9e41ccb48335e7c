import {
  caseId, circlePolygon, currentCaseId, getMode, rectPolygon, remainingMs, type CaseTruth, type GameMode, type SessionState, type TechniqueSummary,
} from '../../src/domain/index.js';
import { planDemoDeck, type DemoCaseSpec } from '../../src/decks/index.js';
import { createGameStore, type GameStore } from '../../src/store/index.js';
import { dispatchIntent, keyToIntent, type IntentDeps } from '../../src/input/index.js';
import { startDemoSession } from '../../src/app/index.js';
import { createCaseLibrary, type CaseLibrary } from '../../src/decks/index.js';
import { createGrayImage } from '../../src/imaging/index.js';

/**
 * A headless game for store, keymap and flow tests (architecture.md "a TestGame helper"): the real store, key map and
 * intents, the demo deck's real plan, a fake case library (tiny images, truths from the plan: a fake's tell is a
 * circle at (40, 40), radius 10) and a fake clock. Reads like play:
 *   const g = testGame(); g.startPractice({ seed: 7, cases: 2 }); g.key('Enter'); g.show(); g.key('6'); g.key('Enter');
 */
export const TECHNIQUES: readonly TechniqueSummary[] = [
  { id: 'pasted-lesion', artifactIds: ['A9', 'E1'] },
  { id: 'uniform-grain', artifactIds: ['T1'] },
  { id: 'flat-exposure', artifactIds: ['T3'] },
];

export const TELL_CENTRE = { x: 40, y: 40 };

export function truthOf(spec: DemoCaseSpec): CaseTruth {
  if (!spec.forgery) return { kind: 'authentic', authenticityCues: ['a real exam'] };
  const whole = spec.forgery[0]?.techniqueId === 'flat-exposure';
  return {
    kind: 'forged',
    recipe: spec.forgery,
    tells: [{
      artifactId: whole ? 'T3' : 'A9', regions: [whole ? rectPolygon(0, 0, 100, 100) : circlePolygon(TELL_CENTRE.x, TELL_CENTRE.y, 10, 16)],
      strength: 0.5, explanation: 'a test tell', howToSee: 'look', ...(whole ? { extent: 'whole-image' as const } : {}),
    }],
  };
}

/**
 * Answers the cases of the session under way with one rating, each shown with its truth from the demo deck's plan of
 * `seed` (as the case flow would show it), moving past a case review; at most `n`, and `after` runs after each answer.
 */
export function answerDemoCases(
  store: GameStore, techniques: readonly TechniqueSummary[], o: { readonly seed?: number; readonly n?: number; readonly rating?: 1 | 2 | 3 | 4 | 5 | 6; readonly after?: () => void } = {},
): void {
  const st = () => store.getState();
  for (let k = 0; k < (o.n ?? Number.POSITIVE_INFINITY) && st().session?.phase === 'loading'; k++) {
    const s = st().session as SessionState;
    const spec = planDemoDeck(o.seed ?? 7, s.config.mode, techniques).rounds.flat().find((c) => c.id === currentCaseId(s)) as DemoCaseSpec;
    st().caseShown(truthOf(spec));
    st().rate(o.rating ?? 6);
    st().confirm();
    if (st().session?.phase === 'caseReview') st().next();
    o.after?.();
  }
}

export interface TestGame {
  readonly store: GameStore;
  readonly library: CaseLibrary;
  /** Milliseconds since the game started, on the fake clock. */
  readonly time: () => number;
  state(): SessionState;
  startPractice(o?: { seed?: number; cases?: number; rounds?: number; seconds?: number; mode?: Partial<GameMode> }): void;
  /** A key as the window listener would route it (keymap, then intents). */
  key(key: string): void;
  /** The case flow's part: the case now loading goes on screen (CASE_SHOWN with its truth). */
  show(): void;
  /** Moves the clock on and lets the countdown tick (as the clock director does every 100 ms). */
  advance(ms: number): void;
  /** Rates and gives the answer: key n, then Enter. */
  answer(rating: 1 | 2 | 3 | 4 | 5 | 6): void;
  /** The truth of the case on screen, from the plan. */
  truthOnScreen(): CaseTruth;
}

export function testGame(start = 1_700_000_000_000): TestGame {
  let now = start;
  const store = createGameStore({ now: () => now });
  const specs = new Map<string, DemoCaseSpec>();
  const library = createCaseLibrary({
    prepare: async (spec) => ({
      id: spec.id, image: createGrayImage(8, 8, 12), original: null, truth: truthOf(spec as DemoCaseSpec), header: [], generationMs: 0,
    }),
    dispose: () => undefined,
  }, 8);
  const begin = (mode: GameMode, seed: number): void => {
    for (const spec of planDemoDeck(seed, mode, TECHNIQUES).rounds.flat()) specs.set(spec.id, spec);
    startDemoSession(store, library, mode, TECHNIQUES, seed, () => now);
  };
  const deps: IntentDeps = {
    store,
    startSession: () => begin(getMode('practice'), 7),
    toTitle: () => store.getState().quitSession(),
    atlasSize: 3,
  };
  const game: TestGame = {
    store,
    library,
    time: () => now - start,
    state: () => {
      const s = store.getState().session;
      if (!s) throw new Error('testGame: no session');
      return s;
    },
    startPractice: (o = {}) => {
      const mode: GameMode = {
        ...getMode('practice'), casesPerRound: o.cases ?? 3, rounds: o.rounds ?? 1, secondsPerCase: o.seconds ?? 30, ...(o.mode ?? {}),
      };
      begin(mode, o.seed ?? 7);
    },
    key: (key) => {
      const st = store.getState();
      const intent = keyToIntent(key, { phase: st.session?.phase ?? 'title', screen: st.screen.name, error: st.screen.error !== null });
      if (intent) dispatchIntent(intent, deps);
    },
    show: () => {
      const s = game.state();
      const id = currentCaseId(s);
      if (s.phase !== 'loading' || !id) throw new Error(`testGame.show: no case is loading (phase ${s.phase})`);
      store.getState().caseShown(truthOf(specs.get(id) as DemoCaseSpec));
    },
    advance: (ms) => {
      const end = now + ms;
      while (now < end) {
        now = Math.min(end, now + 100);
        if (store.getState().session?.phase === 'reading') store.getState().tick();
      }
    },
    answer: (rating) => {
      game.key(String(rating));
      game.key('Enter');
    },
    truthOnScreen: () => {
      const id = currentCaseId(game.state());
      return truthOf(specs.get(id ?? '') as DemoCaseSpec);
    },
  };
  return game;
}

export { caseId, remainingMs };
