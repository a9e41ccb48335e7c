import { drillReport, endedDrillRun, exportJson, toStoredSession, type StoredSession } from '../domain/index.js';
import type { InputFile } from '../delivery/index.js';
import { countOf } from '../presenters/index.js';
import type { DrillIntentActions } from '../input/index.js';
import { drillSessionId, endedRun, openDrillLink, prepareDrill, showDrillJoin, type JoinDeps } from './drill-join.js';
import { answerOf, drillResultFile, storedRun, type DrillRun } from './drill-result.js';
import type { SignedSession } from '../delivery/index.js';

export { answerOf } from './drill-result.js';

/**
 * Readiness drills in the app: the signed link's join page and start, the reader's result file (J at the end, or on
 * the drill's row in results and history), and the lead's drill report from many files. Over ports: the store, the
 * key store, downloads, the file picker, print.
 */
export interface DrillAppDeps extends JoinDeps {
  readonly say: (text: string) => void;
  readonly download: (name: string, data: string | Uint8Array, mime: string) => void;
  readonly pickFiles: () => void;
  readonly print: () => void;
  readonly app: { readonly name: string; readonly version: string };
}

export interface DrillApp extends DrillIntentActions {
  /** Reads the page's fragment (#session=...) before start-up; a signed drill shows its join page. */
  openFromFragment(hash: string): Promise<void>;
  /** After start-up (the history read): resumes this link's drill in progress, or finds that its run ended. */
  adoptResumed(): Promise<void>;
  /** A drill's bundle dropped on the page (verified, its pack stored): its join page, as its link opens. */
  openSigned(signed: SignedSession): Promise<void>;
  readReportFiles(files: readonly InputFile[]): Promise<void>;
}

export function createDrillApp(deps: DrillAppDeps): DrillApp {
  const { store } = deps;
  let signed: SignedSession | null = null;
  let reportFiles: InputFile[] = [];
  const fail = (what: string) => (e: unknown): void => store.getState().setError(`${what}\n${(e as Error).message ?? String(e)}`);
  const setJoin = (patch: Partial<NonNullable<ReturnType<typeof store.getState>['drill']['join']>>): void => {
    const j = store.getState().drill.join;
    if (j) store.getState().setDrillJoin({ ...j, ...patch });
  };

  /** `makeRun` is called inside the promise, so a stored run that cannot be read is reported, not thrown. */
  const saveRun = (makeRun: () => DrillRun): void => {
    Promise.resolve().then(async () => {
      const run = makeRun();
      const { name, bytes } = await drillResultFile(run, signed, deps);
      deps.download(name, bytes, 'application/json');
      deps.say(`Your signed result file was saved${run.complete ? '' : ' (the exercise was stopped before its end)'}. Send it to the lead as they asked.`);
    }).catch(fail('The result file could not be made'));
  };

  /** The ended run of this page's drill, from the history (the join page offers only its result file). */
  const endedStored = (): StoredSession | null => (signed ? endedDrillRun(store.getState().history.past, signed.session.sessionId) : null);

  const join = (): void => {
    const j = store.getState().drill.join;
    if (!signed || !j || j.started) return;
    // A run that ended is never started again: its reader saw the truth in the debrief (or stopped early).
    const ended = endedRun(deps, signed);
    if (ended) {
      if (j.ended !== ended) setJoin({ ended });
      return saveResultFile();
    }
    if (j.availability !== 'open') return setJoin({ message: j.availability === 'closed' ? `This exercise closed on ${j.closes}.` : `This exercise opens on ${j.opens}.` });
    const name = j.readerName.trim();
    if (name === '') return setJoin({ message: 'Type your name or initials first: the lead needs it to tell the result files apart.' });
    deps.names.set(signed.session.sessionId, name);
    prepareDrill(signed, deps, true)
      .then(() => setJoin({ started: true, message: null }))
      .catch((e: unknown) => setJoin({ message: (e as Error).message }));
  };

  const saveResultFile = (index?: number): void => {
    const st = store.getState();
    if (index !== undefined) {
      const past = st.history.past[index];
      return past ? saveRun(() => storedRun(past)) : undefined;
    }
    const s = st.session;
    if (!s) {
      const past = st.drill.join?.ended ? endedStored() : undefined;
      return past ? saveRun(() => storedRun(past)) : undefined;
    }
    if (s.phase !== 'summary' || !s.config.mode.drill || st.reviewOnly || !st.meta) return;
    if (signed && st.drill.join?.started) {
      const { records } = s;
      const { id, startedAt } = st.meta;
      return saveRun(() => ({ id, startedAt, finishedAt: records[records.length - 1]?.answeredAt ?? deps.now(), complete: true, answers: records.map(answerOf) }));
    }
    const day = new Date(deps.now()).toISOString().slice(0, 10);
    deps.download(`drill-answers-${day}.json`, exportJson([toStoredSession(s, st.meta, deps.now())]), 'application/json');
    deps.say('Your answers were saved as a file (unsigned: this drill was opened by a plain link).');
  };

  const readReportFiles = async (files: readonly InputFile[]): Promise<void> => {
    // Files add up across drops, so a lead can bring several drills' files in turns; the same file twice counts once.
    const seen = new Set(reportFiles.map((f) => `${f.name}:${f.bytes.length}`));
    reportFiles = [...reportFiles, ...files.filter((f) => !seen.has(`${f.name}:${f.bytes.length}`))];
    store.getState().setDrillReport({ busy: true });
    try {
      // The LMS's records of drill modules (beside their drill.json) are read by lms/, loaded only when the report is.
      const { readDrillRecords } = await import('../lms/index.js');
      const intake = await readDrillRecords(reportFiles, { techniques: deps.techniques, manifestFor: (id) => deps.manifest(id).catch(() => null) });
      store.getState().setDrillReport({ report: drillReport(intake.runs), files: intake.files, notes: intake.notes, busy: false });
      deps.say(`Drill report: ${countOf(intake.runs.length, 'drill')} from ${countOf(intake.files.filter((f) => f.status === 'used').length, 'file')}; ${intake.files.filter((f) => f.status === 'refused').length} refused.`);
    } catch (e) {
      store.getState().setDrillReport({ busy: false });
      fail('The result files could not be read')(e);
    }
  };

  return {
    hasPendingJoin: () => {
      const j = store.getState().drill.join;
      return j !== null && !j.started && store.getState().session === null;
    },
    join,
    saveResultFile,
    pickReportFiles: () => deps.pickFiles(),
    printReport: () => {
      if (store.getState().drill.report.report) deps.print();
    },
    openFromFragment: async (hash) => {
      signed = await openDrillLink(hash, deps);
    },
    openSigned: async (drill) => {
      const st = store.getState();
      if (st.session && st.session.phase !== 'summary') return deps.say('Finish or quit the session first, then drop the drill\'s bundle again.');
      // A finished session (stored already) gives way, so the title screen shows the drill's join page.
      if (st.session) st.quitSession();
      signed = drill;
      showDrillJoin(drill, deps);
      st.closeScreen();
      deps.say(`Readiness drill "${drill.session.title}" by ${drill.session.instructor}: check the key fingerprint, type your name, then Start.`);
    },
    adoptResumed: async () => {
      if (!signed) return;
      const meta = store.getState().meta;
      if (!meta?.id.startsWith(`drill:${signed.session.sessionId}:`)) return setJoin({ ended: endedRun(deps, signed) });
      try {
        const joined = await prepareDrill(signed, deps, false);
        setJoin({ started: meta.id === drillSessionId(signed, joined.key.fingerprint) });
      } catch (e) {
        fail('The drill in progress cannot be linked to its result file')(e);
      }
    },
    readReportFiles,
  };
}
