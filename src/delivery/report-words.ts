import { dayAndTime } from '../domain/index.js';
import type { SessionBody } from './session-schema.js';

/**
 * Which report takes a signed session's result files, and what a refusal says to the person reading it. A readiness
 * drill and a training session are signed alike and their result files share one format, so the debrief dashboard
 * and `npm run cohort -- report` must turn a drill's files away by rule (its figures are flags against a prevalence,
 * not ratings of cases), and the drill report a training session's. The words depend on where they are read: the
 * browser names its screens and keys, the command line its commands and flags.
 */
export type ReportKind = 'training' | 'drill';
export type Audience = 'browser' | 'cli';

export const reportKindOf = (s: Pick<SessionBody, 'mode'>): ReportKind => (s.mode.drill ? 'drill' : 'training');

/** An ISO instant as people read it ("7 Dec 2026, 12:52 UTC"); UTC, so every reader of a report sees the same. */
export function readableDate(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : `${dayAndTime(new Date(t), 'utc')} UTC`;
}

const WHERE: Readonly<Record<ReportKind, Readonly<Record<Audience, string>>>> = {
  drill: {
    browser: 'open it in the Drill report (W on the title screen)',
    cli: "report it with npm run drill -- report (or the game's Drill report, W on the title screen)",
  },
  training: {
    browser: 'open it in the Debrief dashboard (B on the title screen)',
    cli: "report it with npm run cohort -- report (or the game's Debrief dashboard, B on the title screen)",
  },
};

/**
 * Why a result file is refused by the report collecting `collecting`, or null when it belongs there. `file`: the
 * session the result file carries.
 */
export function wrongReportMessage(file: Pick<SessionBody, 'mode' | 'title'>, collecting: ReportKind, audience: Audience): string | null {
  const kind = reportKindOf(file);
  if (kind === collecting) return null;
  const what = kind === 'drill' ? 'a readiness drill, not a training session' : 'a training session, not a readiness drill';
  return `A result file of "${file.title}", ${what}: ${WHERE[kind][audience]}.`;
}

/** Why a session definition (session.json, a bundle, --session) given to the training debrief is refused, or null. */
export function drillSessionMessage(s: Pick<SessionBody, 'mode' | 'title'>, audience: Audience): string | null {
  if (reportKindOf(s) !== 'drill') return null;
  return `"${s.title}" is a readiness drill, not a training session: ${WHERE.drill[audience].replace(/^(open|report) it/, '$1 its result files')}.`;
}

/** A result file of another training session than the one collected, and how to report that one instead. */
export function foreignSessionMessage(s: Pick<SessionBody, 'title' | 'issuedAt' | 'instructor'>, audience: Audience): string {
  const which = `The file is for another session ("${s.title}", issued ${readableDate(s.issuedAt)} by ${s.instructor})`;
  return audience === 'browser'
    ? `${which}. To debrief that session instead, press Clear and add only its files, or add its session.json.`
    : `${which}; give --session to choose which session to report.`;
}
