import type { CaseRecord, SessionState, TechniqueSummary } from '../domain/index.js';
import type { AtlasEntry, CaseLibrary } from '../decks/index.js';
import type { ModuleAction, ModuleEvaluationInput, ModuleIntentActions } from '../input/index.js';
import { isDrillModuleJson, moduleAvailability, type EvaluationAnswers } from '../lms/index.js';
import { lmsStepProblem, moduleAnnouncement } from '../presenters/index.js';
import type { GameStore, ModuleStep, ModuleView } from '../store/index.js';
import { startDrillModule } from './drill-module.js';
import { makeModuleCertificate } from './module-certificate.js';
import type { ModuleTestEnds, ServedModule } from './module-launch.js';
import { openModule, type OpenedModule } from './module-open.js';
import { startModuleSession, type ModuleTest } from './module-session.js';
import { lmsView, localDate, moduleInfoView, outcomeView, teachingIndexes, testUnderWay } from './module-view.js';

/**
 * The CME module as the learner takes it, over the ports main.ts builds: every step of ModuleRun (lms/) behind the
 * module's pages and the game's own case screens. A test or the practice round is a game session; each answer it
 * records goes to the run (recorded as an interaction, saved, committed) in order, one at a time; when the session
 * ends, the module moves on. Pages show what the run says, never what this file remembers.
 */
export interface ModuleAppDeps {
  readonly store: GameStore;
  readonly library: CaseLibrary;
  readonly served: ServedModule;
  /** Closes each test at its end before anything else sees it (subscribed first, in main.ts). */
  readonly testEnds: ModuleTestEnds;
  readonly techniques: readonly TechniqueSummary[];
  readonly atlas: readonly AtlasEntry[];
  readonly window: Window;
  readonly say: (text: string) => void;
  readonly now: () => number;
  readonly download: (name: string, data: Uint8Array, mime: string) => void;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export async function startModule(deps: ModuleAppDeps): Promise<ModuleIntentActions> {
  // A readiness drill's zip launches drill.json: its own flow (app/drill-module.ts), no tests and no certificate.
  const json = await deps.served.moduleJson().catch(() => null);
  if (isDrillModuleJson(json)) return startDrillModule(deps, json);
  // ModuleRun reads the time when a case appears and when it is answered; a queued call replays the event's own time.
  let eventTime: number | null = null;
  const clock = (): Date => new Date(eventTime ?? deps.now());
  let opened: OpenedModule;
  try {
    opened = await openModule(deps.served, deps.techniques, deps.window, clock);
  } catch (e) {
    deps.store.getState().patchModuleView({ step: 'failed', busy: null, problem: message(e) });
    deps.say(`The module cannot open. ${message(e)}`);
    return { act: () => undefined, submitEvaluation: () => undefined, makeCertificate: () => undefined };
  }
  const { def, plan, run } = opened;
  const { store, library } = deps;
  const info = moduleInfoView(def, run.passMark);
  const today = localDate(deps.now());
  const patch = (p: Partial<ModuleView>): void => store.getState().patchModuleView(p);
  const view = (): ModuleView | null => store.getState().cme.module;

  let active: { test: ModuleTest; attempt: number; recorded: number } | null = null;
  let chain: Promise<void> = Promise.resolve();
  /** Runs LMS work one call at a time, in the order of events; a failure is shown, and the module goes on. */
  const queue = (work: () => Promise<void>): Promise<void> => {
    chain = chain.then(work).catch((e: unknown) => {
      patch({ busy: null, problem: lmsStepProblem(message(e), 'Your progress up to the previous answer is saved', run.isFinished) });
      deps.say(`Problem: ${message(e)}`);
    });
    return chain;
  };
  const at = async (t: number, call: () => Promise<void>): Promise<void> => {
    eventTime = t;
    const p = call();
    eventTime = null;
    await p;
  };

  /** The page for where the run stands (never a test: a test starts from an action or the resume page). */
  const go = (): void => {
    const p = run.progress;
    const under = testUnderWay(p);
    const outcome = outcomeView(run.outcome);
    const steps: Record<string, ModuleStep> = { start: 'start', teaching: 'teaching', 'post-result': 'post-result', evaluation: 'evaluation', certificate: 'certificate' };
    const step: ModuleStep = under ? 'resume' : p.phase === 'done' ? (outcome.passed ? 'certificate' : 'done') : (steps[p.phase] ?? 'start');
    patch({
      step, test: under?.test ?? null, answered: under?.answered ?? 0, attempt: (under?.attempt ?? Math.max(0, p.posts.length - 1)) + 1,
      outcome, busy: null, finished: run.isFinished,
    });
    const v = view();
    if (v) deps.say(moduleAnnouncement(v));
  };

  const startTest = (test: ModuleTest, attempt: number, from: number, spentMs: number | null = null): void => {
    active = { test, attempt, recorded: 0 };
    patch({ step: 'test', test, attempt: attempt + 1, busy: null, problem: null });
    startModuleSession(store, library, def, info, plan, test, attempt, from, deps.now(), spentMs);
  };

  const record = async (test: ModuleTest, rec: CaseRecord): Promise<void> => {
    if (test === 'practice') return at(rec.answeredAt, () => run.answerPractice());
    const cur = run.currentCase;
    if (!cur || cur.case.spec.id !== rec.caseId) throw new Error(`the answer to case ${rec.caseId} does not match the module's case ${cur?.case.spec.id ?? '(none)'}`);
    await at(rec.answeredAt, () => run.answer(rec.rating));
    patch({ outcome: outcomeView(run.outcome) });
  };

  const afterTest = async (test: ModuleTest): Promise<void> => {
    const under = testUnderWay(run.progress);
    if (test === 'practice' && under?.test === 'post') return startTest('post', under.attempt, 0);
    go();
  };

  store.subscribe((st) => st.session, (s: SessionState | null, prev: SessionState | null) => {
    const a = active;
    if (!a || !s) return;
    if (s.phase === 'reading' && prev?.phase === 'loading' && s.caseStartedAt !== null) {
      const shownAt = s.caseStartedAt;
      void queue(() => at(shownAt, async () => run.caseShown()));
    }
    // The case's clock (shown, paused, going on) goes into the resume record: a closed window must not buy time.
    if (s.phase === 'reading' && s.caseStartedAt !== null && (s.caseStartedAt !== prev?.caseStartedAt || s.pausedAt !== prev?.pausedAt)) {
      const { caseStartedAt, pausedAt } = s;
      void queue(() => run.caseClock(caseStartedAt, pausedAt));
    }
    takeRecords(a, s);
  });
  const takeRecords = (a: NonNullable<typeof active>, s: SessionState): void => {
    while (a.recorded < s.records.length) {
      const rec = s.records[a.recorded++] as CaseRecord;
      void queue(() => record(a.test, rec));
    }
  };
  // A test's session has been closed at its end (the post-test after its review): its last answers, then on.
  deps.testEnds.onEnd((ended) => {
    const a = active;
    if (!a) return;
    takeRecords(a, ended);
    active = null;
    patch({ step: 'saving', busy: 'Saving your answers...' });
    void queue(() => afterTest(a.test));
  });

  const step = (work: () => Promise<void>, busy: string): void => {
    if (view()?.busy || run.isFinished) return;
    patch({ busy, problem: null });
    void queue(work);
  };
  const isOpen = (): boolean => moduleAvailability(def, today) === 'open';

  const act = (action: ModuleAction): void => {
    const v = view();
    if (!v) return;
    switch (action) {
      case 'next': {
        // Enter: the page's main action.
        const main: Partial<Record<ModuleStep, ModuleAction>> = {
          start: 'begin', resume: 'continue', teaching: 'practice', 'post-result': v.outcome.passed === null ? 'retry' : 'evaluation', certificate: 'certificate', done: 'finish',
        };
        const to = main[v.step];
        if (to) act(to);
        else if (v.step === 'evaluation') deps.say('Answer the questions, then press Send the evaluation.');
        return;
      }
      case 'begin':
        if (v.step === 'start' && isOpen()) step(async () => { await run.beginPreTest(); startTest('pre', 0, 0); }, 'Starting the pre-test...');
        return;
      case 'continue': {
        const under = testUnderWay(run.progress);
        if (v.step === 'resume' && under && isOpen()) step(async () => startTest(under.test, under.attempt, under.answered, run.openCaseElapsedMs(deps.now())), 'Opening the case...');
        return;
      }
      case 'practice':
        if (v.step !== 'teaching') return;
        return step(async () => {
          await run.finishTeaching();
          const under = testUnderWay(run.progress);
          if (under) startTest(under.test, under.attempt, 0);
        }, 'Saving...');
      case 'retry':
        if (v.step === 'post-result') step(async () => { await run.retry(); startTest('post', run.progress.posts.length - 1, 0); }, 'Preparing new cases...');
        return;
      case 'evaluation':
        if (v.step === 'post-result') step(async () => { await run.beginEvaluation(); go(); }, 'Saving...');
        return;
      case 'certificate':
        return makeCertificate(v.lms.learnerName ?? '');
      case 'finish':
        if (v.step === 'certificate' || v.step === 'done') step(async () => { await run.close(); go(); }, 'Sending your record to the LMS...');
        return;
      case 'suspend':
        return step(async () => {
          active = null;
          if (store.getState().session) store.getState().quitSession();
          await run.suspend();
          patch({ step: 'left', busy: null, finished: true });
          deps.say('Your progress is saved. You can close this window.');
        }, 'Saving your progress...');
      default:
        return;
    }
  };

  const submitEvaluation = (input: ModuleEvaluationInput): void => {
    const likert = (s: string): 1 | 2 | 3 | 4 | 5 | null => (/^[1-5]$/.test(s) ? (Number(s) as 1 | 2 | 3 | 4 | 5) : null);
    const relevance = likert(input.relevance);
    const intentToChange = likert(input.intentToChange);
    if (view()?.step !== 'evaluation') return;
    if (relevance === null || intentToChange === null || (input.commercialBias !== 'yes' && input.commercialBias !== 'no')) {
      patch({ problem: 'Answer each of the first three questions; the comments are optional.' });
      return;
    }
    const answers: EvaluationAnswers = { relevance, intentToChange, commercialBias: input.commercialBias === 'yes', comments: input.comments };
    step(async () => { await run.submitEvaluation(answers); go(); }, 'Sending your evaluation...');
  };

  const makeCertificate = (typedName: string): void => {
    const v = view();
    if (v?.step !== 'certificate' || v.certificate.state === 'making') return;
    void makeModuleCertificate(def, run, v.lms.learnerName ?? typedName, deps.now(), patch, deps.download, v.lms.notRecorded).then((text) => deps.say(text));
  };

  const problem = run.resumeProblem
    ? `Saved progress was not used: ${run.resumeProblem}.`
    : run.reportProblem ? `Your LMS has not taken your result yet (${run.reportProblem}); it is sent again when you finish the module.` : null;
  patch({ info, availability: moduleAvailability(def, today), lms: lmsView(run.launch), teaching: teachingIndexes(plan, deps.atlas), problem });
  go();
  return { act, submitEvaluation, makeCertificate };
}
