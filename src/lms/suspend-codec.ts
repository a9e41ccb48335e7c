import { hashString } from '../domain/index.js';
import { decodeCaseClock, encodeCaseClock, type CaseClock } from './case-clock.js';
import { MODULE_PHASES, type ModulePhase, type ModuleProgress, type TestAnswer } from './module-progress.js';
import type { ModuleDefinition } from './module-schema.js';

/**
 * The resume record kept in cmi.suspend_data (SCORM), the cmi5 State API and standalone storage: compact, versioned,
 * plain ASCII. SCORM 1.2 gives cmi.suspend_data 4,096 characters (RTE 1.2 section 3.4.2, CMIString4096) and LMSs cut
 * longer values silently, so the record holds only what resuming needs: the step, the practice count, the evaluation
 * flag, the clock of the case on screen (case-clock.ts: a closed window must not buy time) and one digit per
 * answered test case (1..6 a rating, 0 a time-out). Which cases those are follows from module.json (selection is
 * seeded), and a fingerprint of the module refuses a record written for another module. Rich per-case data (times,
 * results) goes to the interactions, never here.
 *
 *   XR2|<fingerprint>|<phase>|<practiceDone>|<evaluationDone 0/1>|<clock>|<pre answers>|<post 1 answers>|<post 2 answers>...
 *
 * Version 1 (XR1, no clock) is still read: its open case starts with a full clock, as it did when it was written.
 * Largest: 50 pre-test answers, 5 attempts of 50 and a paused clock: 346 characters (tests/unit/lms/suspend-codec.test.ts).
 */
export const SUSPEND_PREFIX = 'XR2';
const SUSPEND_PREFIX_V1 = 'XR1';
export const SCORM12_SUSPEND_LIMIT = 4096;

const PHASE_CODES: Readonly<Record<ModulePhase, string>> = {
  start: 's', pre: 'p', teaching: 't', practice: 'r', post: 'o', 'post-result': 'q', evaluation: 'e', certificate: 'c', done: 'd',
};
const PHASE_OF = Object.fromEntries(MODULE_PHASES.map((p) => [PHASE_CODES[p], p])) as Record<string, ModulePhase>;

/** Which module a record belongs to: anything that changes the plan changes the fingerprint. */
export function moduleFingerprint(def: ModuleDefinition): string {
  const d = def.deck;
  const key = [def.id, d.kind, d.seed, d.kind === 'pack' ? d.packId : '', def.preCases, def.postCases, def.attempts, def.practiceCases, def.fakeShare].join(':');
  return hashString(key).toString(36);
}

export function encodeSuspendData(def: ModuleDefinition, p: ModuleProgress, clock: CaseClock | null = null): string {
  const answers = (xs: readonly TestAnswer[]): string => xs.join('');
  return [
    SUSPEND_PREFIX, moduleFingerprint(def), PHASE_CODES[p.phase], String(p.practiceDone), p.evaluationDone ? '1' : '0', encodeCaseClock(clock), answers(p.pre),
    ...p.posts.map(answers),
  ].join('|');
}

export type SuspendDecode =
  | { readonly ok: true; readonly progress: ModuleProgress; readonly clock: CaseClock | null }
  | { readonly ok: false; readonly reason: string };

/** Reads a record back; an empty string is a fresh start. Any mismatch is refused with the reason (never a throw). */
export function decodeSuspendData(def: ModuleDefinition, raw: string): SuspendDecode {
  if (raw === '') return { ok: false, reason: 'no saved progress' };
  const parts = raw.split('|');
  const v1 = parts[0] === SUSPEND_PREFIX_V1;
  if (v1) parts.splice(5, 0, '');
  const [prefix, fp, phaseCode, practice, evaluation, clockText, pre, ...posts] = parts;
  if (prefix !== SUSPEND_PREFIX && !v1) return { ok: false, reason: `saved progress is in another format ('${raw.slice(0, 8)}...')` };
  if (fp !== moduleFingerprint(def)) return { ok: false, reason: 'saved progress belongs to another version of this module' };
  const phase = PHASE_OF[phaseCode ?? ''];
  if (!phase) return { ok: false, reason: `unknown step '${phaseCode}'` };
  const practiceDone = Number(practice);
  if (!/^\d{1,3}$/.test(practice ?? '') || practiceDone > def.practiceCases) return { ok: false, reason: `bad practice count '${practice}'` };
  if (evaluation !== '0' && evaluation !== '1') return { ok: false, reason: `bad evaluation flag '${evaluation}'` };
  const clock = decodeCaseClock(clockText ?? '');
  if (clock === 'bad') return { ok: false, reason: `bad clock '${clockText}'` };
  const digits = (s: string | undefined, max: number): TestAnswer[] | null =>
    s !== undefined && /^[0-6]*$/.test(s) && s.length <= max ? ([...s].map(Number) as TestAnswer[]) : null;
  const preAnswers = digits(pre, def.preCases);
  if (!preAnswers) return { ok: false, reason: 'bad pre-test answers' };
  if (posts.length > def.attempts) return { ok: false, reason: `more post-test attempts (${posts.length}) than the module allows (${def.attempts})` };
  const postAnswers: TestAnswer[][] = [];
  for (const s of posts) {
    const d = digits(s, def.postCases);
    if (!d) return { ok: false, reason: 'bad post-test answers' };
    postAnswers.push(d);
  }
  const progress: ModuleProgress = { phase, pre: preAnswers, posts: postAnswers, practiceDone, evaluationDone: evaluation === '1' };
  return { ok: true, progress, clock };
}
