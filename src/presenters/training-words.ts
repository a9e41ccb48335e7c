import type { FeedbackTiming, GameMode } from '../domain/index.js';
import { LENSES } from '../lenses/index.js';
import { countOf } from '../domain/index.js';

/**
 * The words of the training-session screens that describe a session: its settings as a resident sees them before
 * joining, and the labels of the setup form's choices.
 */
export const TOOL_LABELS: Readonly<Record<string, string>> = {
  windowLevel: 'Window/level', zoom: 'Zoom', pan: 'Pan', invert: 'Invert', magnifier: 'Loupe', preset: 'Window presets',
};

export const LENS_LABELS: Readonly<Record<string, string>> = Object.fromEntries(LENSES.map((l) => [l.id, l.name]));

export const FEEDBACK_LABELS: Readonly<Record<FeedbackTiming, string>> = {
  'after-case': 'after each case',
  'after-round': 'after each round',
  'end-of-session': 'at the end of the session',
};

export const LEVEL_LABELS: Readonly<Record<string, string>> = { obvious: 'Obvious', subtle: 'Subtle', expert: 'Expert' };

const list = (ids: readonly string[], labels: Readonly<Record<string, string>>, all: number): string =>
  ids.length === 0 ? 'none' : ids.length === all ? 'all' : ids.map((id) => labels[id] ?? id).join(', ');

export interface SessionFacts {
  readonly mode: GameMode;
  readonly order: 'same' | 'counterbalanced';
  readonly deck: { readonly kind: 'demo'; readonly seed: number } | { readonly kind: 'pack'; readonly packId: string; readonly seed: number };
  readonly pairing?: { readonly id: string; readonly role: 'pre' | 'post' } | undefined;
  readonly issuedAt: string;
  readonly expiresAt?: string | undefined;
}

export const deckWords = (deck: SessionFacts['deck']): string =>
  deck.kind === 'demo' ? `Demo deck (simulated radiographs), seed ${deck.seed}` : `Case pack '${deck.packId}', seed ${deck.seed}`;

export const dateWords = (iso: string): string => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The session's settings, label and value, as the join page lists them (they are fixed for every reader). */
export function sessionFactLines(f: SessionFacts): [string, string][] {
  const m = f.mode;
  const lines: [string, string][] = [
    ['Deck', deckWords(f.deck)],
    ['Cases', `${m.rounds} round${m.rounds === 1 ? '' : 's'} of ${m.casesPerRound}, ${m.secondsPerCase} seconds each`],
    ['Fakes', `about ${Math.round(m.fakeShare * 100)}%`],
    ['Feedback', FEEDBACK_LABELS[m.feedback]],
    ['Pause', m.allowPause ? 'Esc pauses the clock' : 'the clock does not pause'],
    ['Score', m.showScore ? 'shown' : 'hidden until the feedback'],
    ['Viewer tools', list(m.tools, TOOL_LABELS, Object.keys(TOOL_LABELS).length)],
    ['Forensic lenses', list(m.lenses, LENS_LABELS, LENSES.length)],
    ['Order', f.order === 'same' ? 'the same for every reader' : 'the same cases, in a counterbalanced order per reader'],
    ['Issued', dateWords(f.issuedAt)],
  ];
  if (f.expiresAt) lines.push(['Closes', dateWords(f.expiresAt)]);
  if (f.pairing) lines.push(['Pairing', `${f.pairing.role === 'pre' ? 'pre-test' : 'post-test'} of '${f.pairing.id}'`]);
  return lines;
}

/** The settings in one line, for the dashboard's heading. */
export const sessionFactsLine = (f: SessionFacts): string => {
  const m = f.mode;
  return `${deckWords(f.deck)}; ${m.rounds} x ${countOf(m.casesPerRound, 'case')}, ${m.secondsPerCase} s each; order ${f.order}`;
};

/** What became of the answers sent to the session's LRS (delivery's outbox status), in words. */
export function outboxWords(o: { readonly host: string; readonly pending: number; readonly rejected: number; readonly phase: string; readonly note: string | null }): string {
  const rejected = o.rejected > 0 ? ` ${countOf(o.rejected, 'answer')} ${o.rejected === 1 ? 'was' : 'were'} refused by the LRS and ${o.rejected === 1 ? 'is' : 'are'} kept: ${o.rejected === 1 ? 'it is' : 'they are'} in your result file.` : '';
  const pending = countOf(o.pending, 'answer');
  const wait = o.pending === 1 ? 'waits' : 'wait';
  switch (o.phase) {
    case 'off':
      return o.note ?? `Answers are not sent to ${o.host}.`;
    case 'blocked':
      return `Sending to ${o.host} is blocked: ${o.note ?? 'the LRS refused the session token'}. ${pending} ${wait} in this browser; your result file holds ${o.pending === 1 ? 'it' : 'them all'}.${rejected}`;
    case 'waiting':
      return `${pending} ${wait} to be sent to ${o.host}; the game retries by itself${o.note ? ` (${o.note})` : ''}.${rejected}`;
    case 'sending':
      return `Sending ${pending} to ${o.host}…${rejected}`;
    default:
      return o.pending === 0 ? `Every answer has reached ${o.host}.${rejected}` : `${pending} to send to ${o.host}.${rejected}`;
  }
}
