import { callsFake, type Rating } from '../domain/index.js';
import type { ModuleCase } from './case-profile.js';
import type { ModuleDefinition } from './module-schema.js';
import type { ModulePlan } from './selection.js';

/**
 * Where a learner is in a module, as plain data (pure transitions; no clock, no LMS). The flow follows what an
 * accreditation body asks of an enduring activity: start page, pre-test without feedback, teaching (atlas entries and
 * a practice round with feedback), post-test without feedback until it ends, its result against the pass mark, a
 * retry with fresh cases while attempts remain, the evaluation, then the certificate (passed) or the end (failed).
 * Only answers are kept; scores are recomputed from them and the plan, so the LMS record can never disagree.
 */
export const MODULE_PHASES = ['start', 'pre', 'teaching', 'practice', 'post', 'post-result', 'evaluation', 'certificate', 'done'] as const;
export type ModulePhase = (typeof MODULE_PHASES)[number];

/** A rating 1..6, or 0 when the clock ran out (a time-out counts as a wrong call, as in the game). */
export type TestAnswer = Rating | 0;

export interface ModuleProgress {
  readonly phase: ModulePhase;
  readonly pre: readonly TestAnswer[];
  /** One list per post-test attempt started; the last is the current one. */
  readonly posts: readonly (readonly TestAnswer[])[];
  readonly practiceDone: number;
  readonly evaluationDone: boolean;
}

export const INITIAL_PROGRESS: ModuleProgress = Object.freeze({ phase: 'start', pre: [], posts: [], practiceDone: 0, evaluationDone: false });

export interface TestScore {
  readonly correct: number;
  readonly total: number;
  /** correct / total, 0..1 (0 for an empty test). */
  readonly scaled: number;
}

export const isCorrectAnswer = (c: ModuleCase, a: TestAnswer): boolean => a !== 0 && callsFake(a) === (c.profile.kind === 'fake');

export function scoreTest(cases: readonly ModuleCase[], answers: readonly TestAnswer[]): TestScore {
  const correct = answers.filter((a, i) => cases[i] !== undefined && isCorrectAnswer(cases[i] as ModuleCase, a)).length;
  return { correct, total: cases.length, scaled: cases.length === 0 ? 0 : correct / cases.length };
}

export interface ModuleOutcome {
  readonly pre: TestScore | null;
  /** Score of each finished post-test attempt. */
  readonly attempts: readonly TestScore[];
  /** passed: an attempt reached the mark; failed: none did and no attempt is left; null while it can still change. */
  readonly passed: boolean | null;
  /** The attempt that decides: the passing one, else the best so far. */
  readonly decisive: TestScore | null;
  readonly passMark: number;
}

/**
 * The scaled score sent with the result, unrounded, so that passed <=> scaled >= pass mark exactly (cmi5 9.3.4/9.3.5:
 * a failed score is below masteryScore; SCORM 2004 compares cmi.score.scaled with scaled_passing_score): a pass within
 * moduleOutcome's float tolerance is sent as the pass mark itself; a fail is already strictly below it.
 */
export function reportedScaled(scaled: number, passed: boolean, passMark: number): number {
  return passed ? Math.max(scaled, passMark) : scaled;
}

/** What the answers so far add up to, against `passMark` (the module's, or the LMS's mastery score). */
export function moduleOutcome(def: ModuleDefinition, plan: ModulePlan, p: ModuleProgress, passMark: number): ModuleOutcome {
  const pre = p.pre.length === plan.pre.length ? scoreTest(plan.pre, p.pre) : null;
  const attempts = p.posts
    .map((answers, a) => ({ answers, cases: plan.posts[a] ?? [] }))
    .filter(({ answers, cases }) => answers.length === cases.length && cases.length > 0)
    .map(({ answers, cases }) => scoreTest(cases, answers));
  // A small epsilon so 0.75 reached as 3/4 is not lost to floating point.
  const passing = attempts.find((s) => s.scaled + 1e-9 >= passMark) ?? null;
  const best = attempts.reduce<TestScore | null>((b, s) => (b === null || s.scaled > b.scaled ? s : b), null);
  const passed = passing ? true : attempts.length >= def.attempts ? false : null;
  return { pre, attempts, passed, decisive: passing ?? best, passMark };
}

/** Share of the module done, 0..1, for cmi.progress_measure and the cmi5 "progressed" extension. */
export function progressMeasure(def: ModuleDefinition, p: ModuleProgress): number {
  const steps = def.preCases + 1 + def.practiceCases + def.postCases + 1;
  const postDone = p.phase === 'evaluation' || p.phase === 'certificate' || p.phase === 'done' ? def.postCases : (p.posts.at(-1)?.length ?? 0);
  const done = p.pre.length + (p.phase === 'start' || p.phase === 'pre' ? 0 : 1) + p.practiceDone + postDone + (p.evaluationDone ? 1 : 0);
  return Math.min(1, Math.round((done / steps) * 100) / 100);
}

export class ModuleFlowError extends Error {
  constructor(action: string, phase: ModulePhase) {
    super(`${action} is not possible in the '${phase}' step of the module`);
    this.name = 'ModuleFlowError';
  }
}

const expect = (p: ModuleProgress, action: string, ...phases: ModulePhase[]): void => {
  if (!phases.includes(p.phase)) throw new ModuleFlowError(action, p.phase);
};

export function beginPreTest(p: ModuleProgress): ModuleProgress {
  expect(p, 'beginPreTest', 'start');
  return { ...p, phase: 'pre' };
}

export function answerPreTest(def: ModuleDefinition, p: ModuleProgress, a: TestAnswer): ModuleProgress {
  expect(p, 'answerPreTest', 'pre');
  const pre = [...p.pre, a];
  return { ...p, pre, phase: pre.length >= def.preCases ? 'teaching' : 'pre' };
}

export function finishTeaching(def: ModuleDefinition, p: ModuleProgress): ModuleProgress {
  expect(p, 'finishTeaching', 'teaching');
  return def.practiceCases > 0 ? { ...p, phase: 'practice' } : { ...p, phase: 'post', posts: [[]] };
}

export function answerPractice(def: ModuleDefinition, p: ModuleProgress): ModuleProgress {
  expect(p, 'answerPractice', 'practice');
  const practiceDone = p.practiceDone + 1;
  return practiceDone >= def.practiceCases ? { ...p, practiceDone, phase: 'post', posts: [[]] } : { ...p, practiceDone };
}

export function answerPostTest(def: ModuleDefinition, p: ModuleProgress, a: TestAnswer): ModuleProgress {
  expect(p, 'answerPostTest', 'post');
  const current = [...(p.posts.at(-1) ?? []), a];
  const posts = [...p.posts.slice(0, -1), current];
  return { ...p, posts, phase: current.length >= def.postCases ? 'post-result' : 'post' };
}

/** After a failed post-test with attempts left: a new attempt on fresh cases. */
export function retryPostTest(def: ModuleDefinition, plan: ModulePlan, p: ModuleProgress, passMark: number): ModuleProgress {
  expect(p, 'retryPostTest', 'post-result');
  const o = moduleOutcome(def, plan, p, passMark);
  if (o.passed !== null) throw new ModuleFlowError(o.passed ? 'retryPostTest after passing' : 'retryPostTest with no attempt left', p.phase);
  return { ...p, phase: 'post', posts: [...p.posts, []] };
}

/** After the deciding post-test (passed, or no attempt left): on to the evaluation. */
export function beginEvaluation(def: ModuleDefinition, plan: ModulePlan, p: ModuleProgress, passMark: number): ModuleProgress {
  expect(p, 'beginEvaluation', 'post-result');
  if (moduleOutcome(def, plan, p, passMark).passed === null) throw new ModuleFlowError('beginEvaluation with attempts left after a fail', p.phase);
  return { ...p, phase: 'evaluation' };
}

export function submitEvaluation(def: ModuleDefinition, plan: ModulePlan, p: ModuleProgress, passMark: number): ModuleProgress {
  expect(p, 'submitEvaluation', 'evaluation');
  const passed = moduleOutcome(def, plan, p, passMark).passed === true;
  return { ...p, evaluationDone: true, phase: passed ? 'certificate' : 'done' };
}

export function closeModule(p: ModuleProgress): ModuleProgress {
  expect(p, 'closeModule', 'certificate', 'done');
  return { ...p, phase: 'done' };
}

/** The case on screen in a test step (by position in the plan), or null outside the tests. */
export function currentTestCase(plan: ModulePlan, p: ModuleProgress): { test: 'pre' | 'post'; attempt: number; index: number; case: ModuleCase } | null {
  if (p.phase === 'pre') {
    const c = plan.pre[p.pre.length];
    return c ? { test: 'pre', attempt: 0, index: p.pre.length, case: c } : null;
  }
  if (p.phase === 'post') {
    const attempt = p.posts.length - 1;
    const index = p.posts[attempt]?.length ?? 0;
    const c = plan.posts[attempt]?.[index];
    return c ? { test: 'post', attempt, index, case: c } : null;
  }
  return null;
}
