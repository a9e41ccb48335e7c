import { createSession, getMode, withSettings, type GameMode, type SessionConfig } from '../domain/index.js';
import { DEMO_DECK_ID, DEMO_GENERATOR_VERSION, type CaseLibrary } from '../decks/index.js';
import type { ModuleCase, ModuleDefinition, ModulePlan } from '../lms/index.js';
import { cmeModeText } from '../presenters/index.js';
import type { GameStore, ModuleInfoView } from '../store/index.js';
import { MODULE_MODE_IDS } from './module-launch.js';

/**
 * A module's tests and practice round are game sessions: the same state machine, case viewer and screens, in a mode
 * made from the module (one round of the planned cases, the module's seconds per case; the tests with feedback only
 * at the end and no running score, the practice round with the answer after each case). The cases come from the
 * module's plan, so the session plays exactly what the LMS records.
 */
export type ModuleTest = 'pre' | 'practice' | 'post';

export function moduleMode(test: ModuleTest, def: ModuleDefinition, info: ModuleInfoView, cases: number, attempt: number): GameMode {
  const t = cmeModeText(test, info, attempt + 1);
  const isTest = test !== 'practice';
  return withSettings(getMode('practice'), {
    id: MODULE_MODE_IDS[test], name: t.name, description: t.description, rounds: 1, casesPerRound: cases, secondsPerCase: def.secondsPerCase,
    fakeShare: def.fakeShare, feedback: isTest ? 'end-of-session' : 'after-case',
    // A test's clock is part of the test: the menu does not stop it. The practice round may pause. No running score:
    // a module is scored as the share of correct calls, as its briefing says, never in points (domain keepsPoints).
    allowPause: !isTest, showScore: false, focus: null, answer: 'rating', hooks: 'cme',
  });
}

export function casesOf(plan: ModulePlan, test: ModuleTest, attempt: number): readonly ModuleCase[] {
  if (test === 'pre') return plan.pre;
  if (test === 'practice') return plan.practice;
  return plan.posts[attempt] ?? [];
}

/**
 * Starts the session of a test at case `from` (0: its briefing first; later: straight to that case, after a
 * reload). The answers already given live in the LMS, not in this session: its records start at case `from`.
 * `spentMs`: the time the resume record's clock says the case at `from` has used (it ran while the window was
 * closed), so it comes back with the time that was left; null when no clock was kept.
 */
export function startModuleSession(
  store: GameStore, library: CaseLibrary, def: ModuleDefinition, info: ModuleInfoView, plan: ModulePlan, test: ModuleTest, attempt: number, from: number, now: number,
  spentMs: number | null = null,
): void {
  const cases = casesOf(plan, test, attempt);
  if (cases.length === 0) throw new Error(`startModuleSession: the module plans no ${test} cases`);
  library.setSpecs(cases.map((c) => c.spec));
  const config: SessionConfig = {
    mode: moduleMode(test, def, info, cases.length, attempt),
    deckId: def.deck.kind === 'demo' ? DEMO_DECK_ID : def.deck.packId,
    seed: def.deck.seed,
    rounds: [cases.map((c) => c.spec.id)],
  };
  const meta = { id: `module-${def.id}-${test}${test === 'post' ? attempt + 1 : ''}-${now}`, startedAt: now, generator: def.deck.kind === 'demo' ? DEMO_GENERATOR_VERSION : `case pack ${def.deck.packId}` };
  if (from <= 0 && spentMs === null) {
    store.getState().startSession(config, meta);
    return;
  }
  const index = Math.min(Math.max(0, from), cases.length - 1);
  const open = spentMs === null ? null : { caseId: cases[index]?.spec.id ?? '', progress: { elapsedMs: spentMs, marks: [], rating: null, toolsUsed: [] } };
  store.getState().resumeSession({ ...createSession(config), phase: 'loading', caseIndex: index }, meta, open);
}
