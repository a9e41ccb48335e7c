import type { AtlasEntry } from '../decks/index.js';
import { certificateNotRecorded, commentLimit, httpUrl, recordsCredit, type LmsLaunch, type ModuleDefinition, type ModuleOutcome, type ModulePlan, type ModuleProgress, type TestScore } from '../lms/index.js';
import type { ModuleInfoView, ModuleLmsView, ModuleOutcomeView, ModuleScoreView } from '../store/index.js';

/**
 * The module's plain view for the store (store/module-slice.ts), made from lms/'s definition, launch, progress and
 * outcome: the panels draw it without knowing any LMS.
 */
export function moduleInfoView(def: ModuleDefinition, passMark: number): ModuleInfoView {
  return {
    title: def.title, provider: def.provider, description: def.description, objectives: def.objectives,
    faculty: def.faculty.map((f) => ({ name: f.name, role: f.role, disclosure: f.disclosure })),
    estimatedMinutes: def.estimatedMinutes, credits: def.credits, creditUnit: def.creditUnit, creditStatement: def.creditStatement,
    releaseDate: def.releaseDate, expiryDate: def.expiryDate, preCases: def.preCases, postCases: def.postCases,
    practiceCases: def.practiceCases, attempts: def.attempts, secondsPerCase: def.secondsPerCase, passMark,
  };
}

const score = (s: TestScore): ModuleScoreView => ({ correct: s.correct, total: s.total });

export function outcomeView(o: ModuleOutcome): ModuleOutcomeView {
  return { pre: o.pre ? score(o.pre) : null, attempts: o.attempts.map(score), passed: o.passed, decisive: o.decisive ? score(o.decisive) : null };
}


export function lmsView(launch: LmsLaunch): ModuleLmsView {
  return {
    kind: launch.kind, tracked: launch.isTracked, recorded: recordsCredit(launch), notRecorded: certificateNotRecorded(launch), commentLimit: commentLimit(launch.kind), learnerName: launch.learner?.displayName.trim() || null, mode: launch.mode,
    standaloneReason: launch.standaloneReason, returnUrl: httpUrl(launch.returnUrl),
  };
}

/** Indexes into the game's atlas of the module's teaching entries (the tells its cases use). */
export const teachingIndexes = (plan: ModulePlan, atlas: readonly AtlasEntry[]): number[] =>
  plan.teaching.map((t) => atlas.findIndex((e) => e.artifact.id === t.artifact.id)).filter((i) => i >= 0);

/** Which cases are under way and how many are answered (for the resume page and starting a test mid-way). */
export function testUnderWay(p: ModuleProgress): { test: 'pre' | 'practice' | 'post'; answered: number; attempt: number } | null {
  if (p.phase === 'pre') return { test: 'pre', answered: p.pre.length, attempt: 0 };
  if (p.phase === 'practice') return { test: 'practice', answered: p.practiceDone, attempt: 0 };
  if (p.phase === 'post') return { test: 'post', answered: p.posts.at(-1)?.length ?? 0, attempt: Math.max(0, p.posts.length - 1) };
  return null;
}

/** A local calendar date as YYYY-MM-DD (release and expiry dates are calendar dates where the learner is). */
export function localDate(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
