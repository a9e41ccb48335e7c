import { ARTIFACT_CATEGORIES, HINT_CALLS, type ArtifactCategory, type ClinicalRead, type HintCall } from '../domain/index.js';
import { safeInteractionId, type LmsInteraction } from './lms-port.js';

/**
 * A drill answer as the LMS keeps it: one fill-in interaction per film, its result 'neutral' (the page never tells
 * the LMS whether an answer was right: the truth is worked out on the lead's side from the deck, as for result files).
 * The response is plain words, so a lead reading the LMS's own interaction report can read it too, and it stands
 * alone (it names its film and its time), because an LMS's export may give the responses without the interaction ids
 * or latencies (Moodle's SCORM interactions report shows only the responses unless asked for more):
 *
 *   read=abnormal flag=1 tell=texture-noise hint=authentic rating=- ms=12345 film=demo-7-r1c3
 *
 * read: normal | abnormal | none (timed out) | - (a prompted drill); flag: 1 | 0 | -; tell: an artifact category or
 * none; hint: the AI badge shown (authentic | manipulated) or none; rating: 1..6, timeout, or - (unprompted); ms: the
 * reader's time on the film. At most about 200 characters, inside SCORM 1.2's 255 for a fill-in (CMIFeedback,
 * RTE 1.2 3.4.2) and SCORM 2004's 250 per fill-in string (RTE 4th ed. 4.2.9.2).
 */
export interface DrillLmsAnswer {
  readonly caseId: string;
  readonly rating: number | null;
  readonly read?: ClinicalRead | null;
  readonly flagged?: boolean;
  readonly tellNamed?: ArtifactCategory | null;
  readonly hint?: HintCall | null;
  readonly timeMs: number;
  readonly timedOut: boolean;
}

/** Interaction ids of a drill: `drill-<film>`; cmi5 makes the object `<AU>/test/drill/question/<film>` from it. */
export const DRILL_INTERACTION_PREFIX = 'drill-';

export function drillResponse(a: DrillLmsAnswer): string {
  return [
    `read=${a.read === undefined ? '-' : (a.read ?? 'none')}`,
    `flag=${a.flagged === undefined ? '-' : a.flagged ? '1' : '0'}`,
    `tell=${a.tellNamed ?? 'none'}`,
    `hint=${a.hint ?? 'none'}`,
    `rating=${a.rating ?? (a.timedOut ? 'timeout' : '-')}`,
    `ms=${Math.max(0, Math.round(a.timeMs))}`,
    `film=${safeInteractionId(a.caseId)}`,
  ].join(' ');
}

export function drillInteraction(a: DrillLmsAnswer, at: Date): LmsInteraction {
  return {
    id: safeInteractionId(`${DRILL_INTERACTION_PREFIX}${a.caseId}`), kind: 'fill-in', description: `Film ${a.caseId}`, response: drillResponse(a),
    correctResponses: [], result: 'neutral', latencyMs: a.timeMs, at,
  };
}

const filmOfId = (id: string): string | null => (id.startsWith(DRILL_INTERACTION_PREFIX) ? id.slice(DRILL_INTERACTION_PREFIX.length) : null);

/**
 * The answer back from a response (and, when the LMS gave them, the interaction's id and latency); null when the
 * response is not a drill's. The film comes from the response, else from the id; the time from the response, else
 * from the latency.
 */
export function drillAnswerFromInteraction(id: string | null, response: string, latencyMs: number | null): DrillLmsAnswer | null {
  const f: Record<string, string> = {};
  for (const kv of response.trim().split(/\s+/)) {
    const at = kv.indexOf('=');
    if (at > 0) f[kv.slice(0, at)] = kv.slice(at + 1);
  }
  if (!['read', 'flag', 'tell', 'hint', 'rating'].every((k) => typeof f[k] === 'string')) return null;
  const caseId = f['film'] ?? (id === null ? null : (filmOfId(id) ?? id));
  if (!caseId) return null;
  const r = f['read'];
  const read = r === '-' ? undefined : r === 'none' ? null : r === 'normal' || r === 'abnormal' ? r : undefined;
  const tell = (ARTIFACT_CATEGORIES as readonly string[]).includes(f['tell'] as string) ? (f['tell'] as ArtifactCategory) : null;
  const hint = (HINT_CALLS as readonly string[]).includes(f['hint'] as string) ? (f['hint'] as HintCall) : null;
  const rating = /^[1-6]$/.test(f['rating'] as string) ? Number(f['rating']) : null;
  const ms = /^\d{1,9}$/.test(f['ms'] ?? '') ? Number(f['ms']) : (latencyMs ?? 0);
  const timedOut = read === undefined ? rating === null : read === null;
  return {
    caseId, rating, ...(read !== undefined ? { read, flagged: f['flag'] === '1' } : {}), tellNamed: tell, hint,
    timeMs: Math.max(0, Math.round(ms)), timedOut,
  };
}
