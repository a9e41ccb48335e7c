import { formatRate, isUnprompted, keepsPoints, restoreSession, summarise, type StoredSession } from '../domain/index.js';
import { drillTitle } from './readiness/hooks.js';

/**
 * One line per stored session in Results and history: when, which deck and mode, how far, and how well. A session
 * still in progress shows no figures: its mode may reveal nothing until later (feedback after the round or the
 * session, a drill), and the list is open during it. An unprompted drill in progress is named as its reader saw it.
 */
/** When a session started, in one format wherever a session is named (the list, the status line on opening it). */
export const sessionWhen = (startedAt: number): string => new Date(startedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function historyLine(s: StoredSession): string {
  const when = sessionWhen(s.startedAt);
  const total = s.rounds.reduce((n, r) => n + r.length, 0);
  const deck = s.deckId === 'demo' ? `demo deck, seed ${s.seed}` : `pack ${s.deckId}`;
  // A time-out states no answer (metrics/outcomes.ts), so it is counted apart, as the session's summary counts it
  // ("3 of 4; 1 timed out").
  const outs = s.answers.filter((a) => a.timedOut).length;
  const answered = `${s.answers.length - outs} of ${total} answered${outs > 0 ? `, ${outs} timed out` : ''}`;
  if (s.status === 'in-progress') {
    const name = isUnprompted(s.mode) ? drillTitle(s.mode) : s.mode.name;
    return `${when}: ${name}, ${deck}. ${answered} (in progress; its figures show when it ends)`;
  }
  const status = s.status === 'complete' ? 'complete' : 'stopped';
  try {
    const sum = summarise(restoreSession(s).records);
    return `${when}: ${s.mode.name}, ${deck}. ${answered} (${status}); accuracy ${formatRate(sum.accuracy)}${keepsPoints(s.mode) ? `, ${sum.points} points` : ''}`;
  } catch {
    return `${when}: ${s.mode.name}, ${deck}. ${answered} (${status}); could not be scored`;
  }
}
