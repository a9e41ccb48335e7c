import { endedSessions, exportCsv, exportJson, parseStoredSession, restoreProblem, restoreSession, type StoredSession } from '../domain/index.js';
import type { CaseLibrary, CaseSpec } from '../decks/index.js';
import { describeStorageFailure, type SessionRepository } from '../persistence/index.js';
import type { GameStore } from '../store/index.js';
import { downloadFile, type ResultsActions } from '../input/index.js';
import type { Persistence } from '../directors/index.js';
import { countOf, onwardLabel, sessionWhen } from '../presenters/index.js';

/**
 * Export, import and deletion of the reader's results. Exports are downloads the reader starts (nothing is sent
 * anywhere); import accepts the JSON this game exports and refuses anything else record by record, with reasons.
 */
export interface ResultsDeps {
  readonly store: GameStore;
  readonly repo: SessionRepository;
  readonly persistence: Persistence;
  readonly say: (text: string) => void;
  readonly settingsKey: string;
  readonly library: CaseLibrary;
  /** The deck's plan for a stored session (demo deck or case pack), to regenerate its images for review. */
  readonly planFor: (stored: StoredSession) => Promise<readonly (readonly CaseSpec[])[]>;
  /** The version of the code that makes this deck's images now (see StoredSession.generator). */
  readonly generatorFor: (deckId: string) => Promise<string>;
  /** Deletes what readiness drills stored (reader keys, the name typed for a result file); part of "delete my data". */
  readonly deleteDrillData?: () => Promise<void>;
  /** More to delete with "delete my data" (training sessions' keys, names and queue). */
  readonly alsoDelete?: () => Promise<void>;
  readonly now?: () => number;
}

const UNFINISHED_LEFT_OUT = (n: number): string => n === 0 ? '' :
  ` Left out ${countOf(n, 'unfinished session')}: ${n === 1 ? 'its' : 'their'} answers show once ${n === 1 ? 'it ends' : 'they end'} (open one in Results and history to end it and review it, or resume and finish it).`;

const stamp = (): string => new Date().toISOString().slice(0, 10);

/** Reads an exported results file; returns the valid sessions and a reason for each refused one. */
export function readResultsFile(text: string): { sessions: StoredSession[]; refused: string[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { sessions: [], refused: ['the file is not JSON; choose a results file exported by this game'] };
  }
  const list = (doc as { format?: unknown; sessions?: unknown })?.format === 'xray-trainer-results' ? (doc as { sessions: unknown }).sessions : null;
  if (!Array.isArray(list)) return { sessions: [], refused: ['the file is not a results export of this game (no "format": "xray-trainer-results")'] };
  const sessions: StoredSession[] = [];
  const refused: string[] = [];
  list.forEach((raw, i) => {
    const parsed = parseStoredSession(raw);
    // The same replay the CSV export and review do, so a record they cannot score is refused here, not stored.
    const problem = parsed.ok ? restoreProblem(parsed.value) : parsed.error;
    if (parsed.ok && problem === null) sessions.push(parsed.value);
    else refused.push(`session ${i + 1}: ${problem}`);
  });
  return { sessions, refused };
}

export function createResultsActions(deps: ResultsDeps): ResultsActions {
  const { store, repo, persistence, say } = deps;
  const fail = (err: unknown): void => store.getState().setError(describeStorageFailure(err).message);
  const all = async (): Promise<readonly StoredSession[]> => {
    await persistence.flush();
    const listed = await repo.list();
    store.getState().setPastSessions(listed.sessions);
    return listed.sessions;
  };
  const ended = async (): Promise<ReturnType<typeof endedSessions>> => endedSessions(await all());
  /** The unfinished session whose review was asked for once: asked again, it is ended and opened. */
  let armed: string | null = null;
  return {
    refresh: () => {
      all().catch(fail);
    },
    exportJson: () => {
      ended()
        .then(({ sessions, unfinished }) => {
          downloadFile(`xray-trainer-results-${stamp()}.json`, exportJson(sessions), 'application/json');
          say(`Exported ${countOf(sessions.length, 'session')} as JSON.${UNFINISHED_LEFT_OUT(unfinished)}`);
        })
        .catch(fail);
    },
    exportCsv: () => {
      ended()
        .then(({ sessions, unfinished }) => {
          const csv = exportCsv(sessions);
          const skippedIds = new Set(csv.skipped.map((k) => k.id));
          downloadFile(`xray-trainer-results-${stamp()}.csv`, csv.text, 'text/csv');
          const answers = sessions.reduce((n, s) => n + (skippedIds.has(s.id) ? 0 : s.answers.length), 0);
          const left = csv.skipped.length
            ? ` Left out ${countOf(csv.skipped.length, 'session')} whose answers cannot be scored (export them as JSON to keep them): ${csv.skipped.map((k) => `${k.id}: ${k.reason}`).join('; ')}`
            : '';
          say(`Exported ${countOf(answers, 'answer')} as CSV.${left}${UNFINISHED_LEFT_OUT(unfinished)}`);
          if (left) store.getState().setError(`Some sessions were left out of the CSV\n${left.trim()}`);
        })
        .catch(fail);
    },
    importResults: () => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = '.json,application/json';
      input.onchange = () => {
        const file = input.files?.[0];
        if (!file) return;
        file
          .text()
          .then(async (text) => {
            const { sessions, refused } = readResultsFile(text);
            for (const s of sessions) await repo.put(s);
            await all();
            const msg = `Imported ${countOf(sessions.length, 'session')}.${refused.length ? ` Refused ${refused.length}: ${refused.join('; ')}` : ''}`;
            say(msg);
            if (refused.length) store.getState().setError(msg);
          })
          .catch(fail);
      };
      input.click();
    },
    openForReview: (index) => {
      const stored = store.getState().history.past[index];
      if (!stored) return;
      if (stored.answers.length === 0) {
        say('That session has no answers to review.');
        return;
      }
      const unfinished = stored.status === 'in-progress';
      if (unfinished && armed !== stored.id) {
        armed = stored.id;
        const text = 'That session is unfinished, and its review shows the truth of every answer. Open it again to end it here and review it (it can then no longer be resumed), or resume it and finish it.';
        say(text);
        store.getState().setError(`End this unfinished session?\n${text}`);
        return;
      }
      armed = null;
      void (async () => {
        try {
          const restored = restoreSession(stored);
          // The session on screen ends by quitting (persistence marks it stopped); one left earlier is marked here.
          if (unfinished && store.getState().meta?.id !== stored.id) await repo.put({ ...stored, status: 'abandoned', openCase: null, updatedAt: (deps.now ?? Date.now)() });
          const firstRound = Math.min(...stored.answers.map((a) => a.round));
          deps.library.setSpecs((await deps.planFor(stored)).flat());
          const now = await deps.generatorFor(stored.deckId);
          const st = store.getState();
          if (st.session) st.quitSession();
          st.closeScreen();
          const opened = { ...restored, phase: 'roundReview' as const, round: firstRound };
          store.getState().reviewPastSession(opened);
          const differs = now !== stored.generator
            ? ` Its images were made again by a newer version of the game (${now}; the session was played with ${stored.generator}), so they may differ from what you saw; your answers and scores are as you gave them.`
            : '';
          // The same date as the results list, and the same way on as the review's button says.
          say(`Reviewing the session of ${sessionWhen(stored.startedAt)}: round ${firstRound + 1}. Enter: ${onwardLabel(opened, true)}.${differs}`);
          if (differs) store.getState().setError(`Images made again differently\n${differs.trim()}`);
        } catch (err) {
          store.getState().setError(`That session cannot be opened\n${(err as Error).message}`);
        }
      })();
    },
    deleteAll: () => {
      const st = store.getState();
      if (st.session) st.quitSession();
      persistence
        .flush()
        .then(() => repo.deleteAll())
        .then(() => deps.deleteDrillData?.())
        .then(() => deps.alsoDelete?.())
        .then(() => {
          try {
            window.localStorage.removeItem(deps.settingsKey);
          } catch {
            // Nothing stored there, or storage refused: nothing to delete.
          }
          store.getState().setPastSessions([]);
          say('All your stored data was deleted from this computer: sessions, answers, settings, and the keys, names and queued statements of training sessions (an instructor key too: keep a saved key file). Case packs are kept until you delete them on the case packs screen (K).');
        })
        .catch(fail);
    },
  };
}
