/**
 * One interface for every way a module's records leave the page: SCORM 1.2, SCORM 2004 4th Edition, cmi5, or none
 * (standalone, kept in the browser). The module run (module-run.ts) speaks only this; the screens speak to the run.
 *
 * Rules every adapter keeps (and tests/unit/lms/*-adapter.test.ts check):
 * - initialize() first and once; it reports the learner, the saved resume data and the LMS's mastery score.
 * - Nothing is sent after finish(); finish() runs exactly once (a second call throws LmsFinishedError).
 * - commit() persists what was set (SCORM LMSCommit/Commit; cmi5 writes the state document). The run commits after
 *   every answer and the page binding commits on pagehide/visibilitychange, never on unload (lifecycle.ts).
 * - The learner's name is only read, to show on the certificate; it is never written anywhere else.
 */
export type LmsKind = 'scorm12' | 'scorm2004' | 'cmi5' | 'standalone';

export interface LmsLearner {
  readonly id: string;
  /** As the LMS gave it (SCORM 1.2 and 2004 say "family name, given name"). */
  readonly name: string;
  /** The name in reading order for the certificate: "Given Family" when the LMS gave "Family, Given". */
  readonly displayName: string;
}

export interface LmsLaunch {
  readonly kind: LmsKind;
  /** False in standalone: the UI must say that no LMS is recording this. */
  readonly isTracked: boolean;
  readonly learner: LmsLearner | null;
  /** The saved resume record ('' when there is none). */
  readonly resumeData: string;
  /** 'normal' records; 'browse' and 'review' must not set a result (cmi5 section 10.2; SCORM cmi.mode). */
  readonly mode: 'normal' | 'browse' | 'review';
  /** Scaled 0..1 pass mark set by the LMS (cmi5 LaunchData masteryScore, SCORM 1.2 mastery_score, 2004 scaled_passing_score). */
  readonly masteryScore: number | null;
  /** cmi5 only: what the LMS needs to move on, and where to send the learner at the end. */
  readonly moveOn: string | null;
  readonly returnUrl: string | null;
  /** Why there is no LMS, in standalone mode (for the notice). */
  readonly standaloneReason: string | null;
}

export type InteractionKind = 'rating' | 'likert' | 'fill-in' | 'long-fill-in';

export interface LmsInteraction {
  /** Letters, digits, '-', '_' and '.' only (SCORM 1.2 CMIIdentifier; a URI path segment for cmi5). */
  readonly id: string;
  readonly kind: InteractionKind;
  readonly description: string;
  /** A rating '1'..'6' ('' for a time-out), a Likert choice '1'..'5', or free text. */
  readonly response: string;
  /** Every acceptable response (for a rating: '4','5','6' on a fake, '1','2','3' on a real image); none for surveys. */
  readonly correctResponses: readonly string[];
  readonly result: 'correct' | 'wrong' | 'neutral';
  readonly latencyMs: number;
  readonly at: Date;
}

export interface LmsResult {
  /** 0..1, the share of correct calls on the deciding post-test; null when the activity is not scored (a drill). */
  readonly scaled: number | null;
  /** Correct calls of the deciding post-test's scored cases (cmi5 9.5.1: raw, min and max are integers); null unscored. */
  readonly raw: { readonly correct: number; readonly total: number } | null;
  /**
   * Passed or failed; null for a completion-only activity (a readiness drill, which is not an exam): the LMS is then
   * told that the learner completed it and nothing about success (SCORM 1.2 'completed', SCORM 2004 success 'unknown',
   * cmi5 no passed or failed statement).
   */
  readonly passed: boolean | null;
  /** Completed: the learner went through the whole module (evaluation included), or every film of the drill. */
  readonly completed: boolean;
}

export interface LmsPort {
  readonly kind: LmsKind;
  initialize(): Promise<LmsLaunch>;
  recordInteraction(interaction: LmsInteraction): Promise<void>;
  /** Progress 0..1, a short location label and the resume record. */
  setProgress(measure: number, location: string, resumeData: string): Promise<void>;
  setResult(result: LmsResult): Promise<void>;
  commit(): Promise<void>;
  /** 'suspend': the learner will come back (exit=suspend); 'normal': the module is over. */
  finish(exit: 'suspend' | 'normal'): Promise<void>;
  readonly isFinished: boolean;
}

/**
 * Whether this launch records anything: an LMS tracks it and opened it in Normal mode. Browse and Review record no
 * progress and no result (cmi5 section 10.2.2 launchMode; SCORM 2004 cmi.mode, 1.2 cmi.core.lesson_mode).
 */
export const recordsCredit = (l: Pick<LmsLaunch, 'isTracked' | 'mode'>): boolean => l.isTracked && l.mode === 'normal';

/** What a certificate says instead of credits: nothing (recorded), outside an LMS (true), or the LMS's mode. */
export const certificateNotRecorded = (l: Pick<LmsLaunch, 'isTracked' | 'mode'>): boolean | 'browse' | 'review' =>
  !l.isTracked ? true : l.mode === 'normal' ? false : l.mode;

/**
 * The longest evaluation comment the LMS keeps, so the form can say so rather than the adapter cutting it silently:
 * SCORM 1.2 has no long-fill-in, and fill-in is CMIFeedback, 255 characters (RTE 1.2 3.4.4); a 2004 long-fill-in
 * learner_response keeps 4,000 (RTE 4th ed. 4.2.9), and the cmi5 run sends as much.
 */
export const commentLimit = (kind: LmsKind): number => (kind === 'scorm12' ? 255 : 4000);

export class LmsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LmsError';
  }
}

export class LmsFinishedError extends LmsError {
  constructor(call: string) {
    super(`${call}: the LMS session is already finished; nothing can be sent after finish()`);
    this.name = 'LmsFinishedError';
  }
}

/** "Kowalski, Łukasz" -> "Łukasz Kowalski"; anything else is kept as given. */
export function readingOrderName(name: string): string {
  const parts = name.split(',');
  if (parts.length !== 2) return name.trim();
  const [family, given] = parts.map((s) => s.trim()) as [string, string];
  return family && given ? `${given} ${family}` : name.trim();
}

/** Identifier-safe (SCORM CMIIdentifier, cmi5 question id): anything else becomes '_'. */
export const safeInteractionId = (s: string): string => s.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 250);

/** Only an http(s) address is followed or offered (a cmi5 returnURL is data from the LMS; a javascript: one must not run). */
export function httpUrl(u: string | null): string | null {
  if (!u) return null;
  try {
    const url = new URL(u);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
