import { isFake, tellsOfTruth } from '../tells.js';
import { RATING_PROBABILITY } from '../scoring.js';
import { callsFake, type Rating } from '../types.js';
import type { StoredSession } from './stored-session.js';
import { restoredOrProblem } from './session-codec.js';

/**
 * Results export: JSON is the stored session itself (documented, versioned schema); CSV has one row per answer with
 * the derived figures a reader study needs. Pure: the caller saves the text (the user's own download).
 */
export const CSV_COLUMNS = [
  'session_id', 'started_at', 'mode', 'deck', 'seed', 'round', 'case_in_round', 'case_id', 'truth', 'artifact_ids',
  'techniques', 'levels', 'rating', 'stated_probability_fake', 'called_fake', 'correct', 'timed_out', 'time_ms',
  'marks', 'localised', 'points', 'tools_used', 'interrupted',
] as const;

/**
 * The sessions an export may hold: those that ended (complete or stopped). An unfinished one is left out, counted:
 * its answers carry their truth, which its mode may not have shown yet, and the results list is open during it.
 */
export function endedSessions(sessions: readonly StoredSession[]): { readonly sessions: readonly StoredSession[]; readonly unfinished: number } {
  const ended = sessions.filter((s) => s.status !== 'in-progress');
  return { sessions: ended, unfinished: sessions.length - ended.length };
}

export function exportJson(sessions: readonly StoredSession[]): string {
  return `${JSON.stringify({ format: 'xray-trainer-results', sessions }, null, 2)}\n`;
}

/**
 * A text cell that a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return before one) gets a
 * leading apostrophe, so an imported results file cannot smuggle `=HYPERLINK(...)` into the export (OWASP, "CSV
 * Injection"). Numbers stay numbers: only text is touched.
 */
function neutralised(v: string | number | boolean | null): string {
  if (v === null) return '';
  const s = String(v);
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled; formulas neutralised. */
export function csvField(v: string | number | boolean | null): string {
  const s = neutralised(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface CsvExport {
  readonly text: string;
  /** Sessions left out because their answers cannot be replayed, with the reason; the others are exported. */
  readonly skipped: readonly { readonly id: string; readonly reason: string }[];
}

export function exportCsv(sessions: readonly StoredSession[]): CsvExport {
  const lines = [CSV_COLUMNS.join(',')];
  const skipped: { id: string; reason: string }[] = [];
  for (const stored of sessions) {
    const live = restoredOrProblem(stored);
    if (typeof live === 'string') {
      skipped.push({ id: stored.id, reason: live });
      continue;
    }
    live.records.forEach((r, i) => {
      const a = stored.answers.find((x) => x.caseId === r.caseId) ?? stored.answers[i];
      const forged = r.truth.kind === 'forged' ? r.truth : null;
      const fakeTells = tellsOfTruth(r.truth);
      const row = [
        stored.id, new Date(stored.startedAt).toISOString(), stored.mode.id, stored.deckId, stored.seed, r.round + 1,
        r.indexInRound + 1, r.caseId, isFake(r.truth) ? 'fake' : 'real',
        [...new Set(fakeTells.map((t) => t.artifactId))].join(' '),
        forged ? forged.recipe.map((s) => s.techniqueId).join(' ') : '',
        forged ? forged.recipe.map((s) => s.level).join(' ') : '',
        r.rating, r.rating === null ? null : RATING_PROBABILITY[r.rating as Rating], r.rating === null ? null : callsFake(r.rating as Rating),
        r.score.correct, r.timedOut, Math.round(r.timeMs), r.marks.map((m) => `${m.x.toFixed(1)}:${m.y.toFixed(1)}`).join(' '),
        r.score.localised, r.score.total, r.toolsUsed.join(' '), a?.interrupted ?? false,
      ];
      lines.push(row.map(csvField).join(','));
    });
  }
  return { text: `${lines.join('\r\n')}\r\n`, skipped };
}
