import { drillReport, exportJson, toStoredSession, type CaseRecord } from '../domain/index.js';
import { createResultFile, type Answer, type InputFile } from '../delivery/index.js';
import type { DrillIntentActions } from '../input/index.js';
import { drillSessionId, openDrillLink, prepareDrill, type JoinDeps, type JoinedDrill } from './drill-join.js';
import type { SignedSession } from '../delivery/index.js';

/**
 * Readiness drills in the app: the signed link's join page and start, the reader's result file (J at the end), and
 * the lead's drill report from many files. Over ports: the store, the key store, downloads, the file picker, print.
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
  /** After start-up resumed a session: if it is this link's drill, J will save its signed result file. */
  adoptResumed(): Promise<void>;
  readReportFiles(files: readonly InputFile[]): Promise<void>;
}

/** A record as the result file's answer (delivery/result-schema.ts): no truth, no score; the lead recomputes them. */
export function answerOf(r: CaseRecord): Answer {
  return {
    caseId: r.caseId, round: r.round, indexInRound: r.indexInRound, rating: r.rating, marks: r.marks.map((m) => ({ x: m.x, y: m.y })),
    timeMs: Math.round(r.timeMs), timedOut: r.timedOut, toolsUsed: [...r.toolsUsed], interrupted: r.interrupted, answeredAt: r.answeredAt,
    ...(r.read !== undefined ? { read: r.read, flagged: r.flagged ?? false } : {}),
    ...(r.tellNamed !== undefined ? { tellNamed: r.tellNamed, hint: r.hint ?? null } : {}),
  };
}

const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'drill';

export function createDrillApp(deps: DrillAppDeps): DrillApp {
  const { store } = deps;
  let signed: SignedSession | null = null;
  let joined: JoinedDrill | null = null;
  let reportFiles: InputFile[] = [];
  const fail = (what: string) => (e: unknown): void => store.getState().setError(`${what}\n${(e as Error).message ?? String(e)}`);
  const setJoin = (patch: Partial<NonNullable<ReturnType<typeof store.getState>['drill']['join']>>): void => {
    const j = store.getState().drill.join;
    if (j) store.getState().setDrillJoin({ ...j, ...patch });
  };

  const join = (): void => {
    const j = store.getState().drill.join;
    if (!signed || !j || j.started) return;
    if (j.availability !== 'open') return setJoin({ message: j.availability === 'closed' ? `This exercise closed on ${j.closes}.` : `This exercise opens on ${j.opens}.` });
    const name = j.readerName.trim();
    if (name === '') return setJoin({ message: 'Type your name or initials first: the lead needs it to tell the result files apart.' });
    deps.names.set(signed.session.sessionId, name);
    prepareDrill(signed, deps, true)
      .then((d) => {
        joined = d;
        setJoin({ started: true, message: null });
      })
      .catch((e: unknown) => setJoin({ message: (e as Error).message }));
  };

  const saveResultFile = (): void => {
    const st = store.getState();
    const s = st.session;
    if (s?.phase !== 'summary' || !s.config.mode.drill || st.reviewOnly || !st.meta) return;
    const day = new Date(deps.now()).toISOString().slice(0, 10);
    if (joined && st.meta.id === drillSessionId(joined.signed, joined.key.fingerprint)) {
      const name = st.drill.join?.readerName.trim() || 'reader';
      createResultFile({
        session: joined.signed, deckPlanSha256: joined.planSha256, displayName: name, app: deps.app, startedAt: st.meta.startedAt,
        finishedAt: s.records[s.records.length - 1]?.answeredAt ?? deps.now(), complete: true, answers: s.records.map(answerOf),
      }, joined.key)
        .then((bytes) => {
          deps.download(`${slug(joined?.signed.session.title ?? 'drill')}-${slug(name)}-${day}.json`, bytes, 'application/json');
          deps.say('Your signed result file was saved. Send it to the lead as they asked.');
        })
        .catch(fail('The result file could not be made'));
      return;
    }
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
      deps.say(`Drill report: ${intake.runs.length} drill(s) from ${intake.files.filter((f) => f.status === 'used').length} file(s); ${intake.files.filter((f) => f.status === 'refused').length} refused.`);
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
    adoptResumed: async () => {
      const meta = store.getState().meta;
      if (!signed || !meta?.id.startsWith(`drill:${signed.session.sessionId}:`)) return;
      try {
        joined = await prepareDrill(signed, deps, false);
        setJoin({ started: meta.id === drillSessionId(signed, joined.key.fingerprint) });
      } catch (e) {
        fail('The drill in progress cannot be linked to its result file')(e);
      }
    },
    readReportFiles,
  };
}
