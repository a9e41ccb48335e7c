import { ARTIFACT_CATEGORIES, type ArtifactCategory, type HintCall } from '../domain/index.js';
import { decodeCaseClock, encodeCaseClock, type CaseClock } from './case-clock.js';
import type { DrillLmsAnswer } from './drill-response.js';
import { drillFingerprint, type DrillModule } from './drill-module.js';

/**
 * A drill module's resume record (cmi.suspend_data, the cmi5 State API, standalone storage). SCORM 1.2 interactions
 * are write-only (RTE 1.2 3.4.2: the SCO cannot read cmi.interactions.n back), so the record itself keeps what the
 * reader's debrief needs at the end: per film answered, in the reader's order, five characters:
 *
 *   <answer><tell><time>    answer: unprompted n/a/x (read normal, abnormal, none = timed out), upper case when
 *                           flagged; prompted 1..6, or 0 for a time-out.  tell: the kind of sign named (a anatomical,
 *                           t texture and noise, f frequency, e edges and blending, d devices and markers, m metadata) or -.
 *                           time: the reader's time in tenths of a second, 3 digits of base 36 (up to 4,665 s).
 *
 *   XD1|<drill fingerprint>|<answers>|<clock of the film on screen (case-clock.ts)>
 *
 * The AI badge is not kept: it is the learner's draw, recomputed from the drill and the learner's id. At the largest
 * worklist (200 films) with a paused clock the record is 1,029 characters, inside SCORM 1.2's 4,096
 * (tests/unit/lms/drill-suspend.test.ts).
 */
export const DRILL_SUSPEND_PREFIX = 'XD1';

const TELL_CODE: Readonly<Record<ArtifactCategory, string>> = {
  anatomical: 'a', 'texture-noise': 't', frequency: 'f', 'edges-blending': 'e', 'devices-markers': 'd', metadata: 'm',
};
const TELL_OF = Object.fromEntries(ARTIFACT_CATEGORIES.map((c) => [TELL_CODE[c], c])) as Record<string, ArtifactCategory>;
const MAX_TENTHS = 36 ** 3 - 1;

function answerCode(a: DrillLmsAnswer): string {
  if (a.read === undefined) return a.rating === null ? '0' : String(a.rating);
  const c = a.read === null ? 'x' : a.read === 'normal' ? 'n' : 'a';
  return a.flagged ? c.toUpperCase() : c;
}

export function encodeDrillSuspend(def: DrillModule, answers: readonly DrillLmsAnswer[], clock: CaseClock | null): string {
  const films = answers.map((a) => {
    const tenths = Math.min(MAX_TENTHS, Math.max(0, Math.round(a.timeMs / 100)));
    return `${answerCode(a)}${a.tellNamed ? TELL_CODE[a.tellNamed] : '-'}${tenths.toString(36).padStart(3, '0')}`;
  });
  return [DRILL_SUSPEND_PREFIX, drillFingerprint(def), films.join(''), encodeCaseClock(clock)].join('|');
}

export type DrillSuspendDecode =
  | { readonly ok: true; readonly answers: readonly DrillLmsAnswer[]; readonly clock: CaseClock | null }
  | { readonly ok: false; readonly reason: string };

/**
 * The answers back, for the films of the learner's worklist in order (`films`), each with the badge the learner's
 * draw gave it (`hintOf`). An empty record is a fresh start; anything else that does not fit is refused with the
 * reason, never thrown.
 */
export function decodeDrillSuspend(def: DrillModule, films: readonly string[], hintOf: (film: string) => HintCall | null, raw: string): DrillSuspendDecode {
  if (raw === '') return { ok: false, reason: 'no saved progress' };
  const [prefix, fp, body, clockText, ...rest] = raw.split('|');
  if (prefix !== DRILL_SUSPEND_PREFIX || body === undefined || rest.length > 0) return { ok: false, reason: `saved progress is in another format ('${raw.slice(0, 8)}...')` };
  if (fp !== drillFingerprint(def)) return { ok: false, reason: 'saved progress belongs to another version of this drill' };
  const unprompted = def.mode.answer === 'read-and-flag';
  const cell = unprompted ? /^([nNaAxX])([-atfedm])([0-9a-z]{3})$/ : /^([0-6])([-atfedm])([0-9a-z]{3})$/;
  if (body.length % 5 !== 0 || body.length / 5 > films.length) return { ok: false, reason: 'bad answers' };
  const answers: DrillLmsAnswer[] = [];
  for (let i = 0; i < body.length; i += 5) {
    const m = cell.exec(body.slice(i, i + 5));
    if (!m) return { ok: false, reason: `bad answer for film ${i / 5 + 1}` };
    const [, code, tell, time] = m as unknown as [string, string, string, string];
    const caseId = films[i / 5] as string;
    const base = { caseId, tellNamed: tell === '-' ? null : (TELL_OF[tell] ?? null), hint: hintOf(caseId), timeMs: Number.parseInt(time, 36) * 100 };
    if (unprompted) {
      const read = code.toLowerCase() === 'x' ? null : code.toLowerCase() === 'n' ? 'normal' : 'abnormal';
      answers.push({ ...base, rating: null, read, flagged: code !== code.toLowerCase(), timedOut: read === null });
    } else {
      answers.push({ ...base, rating: code === '0' ? null : Number(code), timedOut: code === '0' });
    }
  }
  const clock = decodeCaseClock(clockText ?? '');
  if (clock === 'bad') return { ok: false, reason: `bad clock '${clockText}'` };
  return { ok: true, answers, clock: clock !== null && clock.index === answers.length ? clock : null };
}
