import { exportCsv, exportJson, parseStoredSession, restoreSession, type StoredSession } from '../domain/index.js';
import { planDemoDeck, type CaseLibrary } from '../decks/index.js';
import { describeStorageFailure, type SessionRepository } from '../persistence/index.js';
import type { GameStore } from '../store/index.js';
import { downloadBytes, type ResultsActions } from '../input/index.js';
import type { Persistence } from '../directors/index.js';

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
  readonly techniqueIds: readonly string[];
}

const stamp = (): string => new Date().toISOString().slice(0, 10);

/** Results are downloaded through input/'s one download helper. */
export const downloadText = (filename: string, text: string, mime: string): void => downloadBytes(filename, text, mime);

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
    if (parsed.ok) sessions.push(parsed.value);
    else refused.push(`session ${i + 1}: ${parsed.error}`);
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
  return {
    refresh: () => {
      all().catch(fail);
    },
    exportJson: () => {
      all()
        .then((sessions) => {
          downloadText(`xray-trainer-results-${stamp()}.json`, exportJson(sessions), 'application/json');
          say(`Exported ${sessions.length} session(s) as JSON.`);
        })
        .catch(fail);
    },
    exportCsv: () => {
      all()
        .then((sessions) => {
          downloadText(`xray-trainer-results-${stamp()}.csv`, exportCsv(sessions), 'text/csv');
          say(`Exported ${sessions.reduce((n, s) => n + s.answers.length, 0)} answers as CSV.`);
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
            const msg = `Imported ${sessions.length} session(s).${refused.length ? ` Refused ${refused.length}: ${refused.join('; ')}` : ''}`;
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
      try {
        const restored = restoreSession(stored);
        const firstRound = Math.min(...stored.answers.map((a) => a.round));
        deps.library.setSpecs(planDemoDeck(stored.seed, stored.mode, deps.techniqueIds).rounds.flat());
        const st = store.getState();
        if (st.session) st.quitSession();
        st.setHistoryOpen(false);
        store.getState().reviewPastSession({ ...restored, phase: 'roundReview', round: firstRound });
        say(`Reviewing the session of ${new Date(stored.startedAt).toLocaleString()}: round ${firstRound + 1}. Enter moves to the next round.`);
      } catch (err) {
        store.getState().setError(`That session cannot be opened: ${(err as Error).message}`);
      }
    },
    deleteAll: () => {
      const st = store.getState();
      if (st.session) st.quitSession();
      persistence
        .flush()
        .then(() => repo.deleteAll())
        .then(() => {
          try {
            window.localStorage.removeItem(deps.settingsKey);
          } catch {
            // Nothing stored there, or storage refused: nothing to delete.
          }
          store.getState().setPastSessions([]);
          say('All your stored data was deleted from this computer: sessions, answers and settings. Case packs are kept until you delete them on the case packs screen (K).');
        })
        .catch(fail);
    },
  };
}
