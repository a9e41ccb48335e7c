import {
  createSession, drillAvailability, localDay, type CaseId, type CaseRecord, type SessionConfig, type SessionMeta, type SessionState,
} from '../domain/index.js';
import { DEMO_DECK_ID, DEMO_GENERATOR_VERSION, packGeneratorVersion } from '../decks/index.js';
import type { ModuleAction, ModuleIntentActions } from '../input/index.js';
import {
  commitOnPageHide, connectLms, recordsCredit, drillFingerprint, DrillModuleRun, drillWorklist, learnerTitle, parseDrillModule, type DrillLmsAnswer, type DrillModule,
  type DrillWorklist,
} from '../lms/index.js';
import type { PackManifest } from '../pack-format/index.js';
import { lmsStepProblem } from '../presenters/index.js';
import type { ModuleView } from '../store/index.js';
import { rebuildDrillSession } from './drill-module-end.js';
import type { ModuleAppDeps } from './module.js';
import { lmsView } from './module-view.js';

/**
 * A readiness drill launched by an LMS (index.html?module=drill.json): no join page and no reader key, the learner
 * is the LMS's learner, whose id orders the films (counterbalanced) and draws the AI badges (lms/drill-worklist.ts).
 * The worklist is the game's own drill session (briefing, the drill's reading panel, the review and the debrief at
 * the end); each answer goes to the LMS in order, one at a time (DrillModuleRun: recorded, saved, committed), and
 * each film's clock with it. Finish on the debrief ends the LMS session once.
 */
const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const NOTHING: ModuleIntentActions = { act: () => undefined, submitEvaluation: () => undefined, makeCertificate: () => undefined };

/** A record of the game as the LMS keeps it (lms/drill-response.ts). */
export const lmsAnswerOf = (r: CaseRecord): DrillLmsAnswer => ({
  caseId: r.caseId, rating: r.rating, ...(r.read !== undefined ? { read: r.read, flagged: r.flagged ?? false } : {}), tellNamed: r.tellNamed ?? null,
  hint: r.hint ?? null, timeMs: Math.round(r.timeMs), timedOut: r.timedOut,
});

export async function startDrillModule(deps: ModuleAppDeps, json: unknown): Promise<ModuleIntentActions> {
  const { store, library } = deps;
  const patch = (p: Partial<ModuleView>): void => store.getState().patchModuleView(p);
  const fail = (problem: string): ModuleIntentActions => {
    patch({ step: 'failed', busy: null, problem });
    deps.say(`The exercise cannot open. ${problem}`);
    return NOTHING;
  };
  let drill: DrillModule;
  let manifest: PackManifest | null = null;
  try {
    drill = parseDrillModule(json);
    if (drill.deck.kind === 'pack') manifest = await deps.served.manifest(drill.deck.packId);
  } catch (e) {
    return fail(`The exercise's definition (drill.json) or its films could not be read: ${message(e)}`);
  }
  const port = connectLms({ window: deps.window, standard: drill.standard, storageKey: `drill-${drillFingerprint(drill)}` });
  let worklist: DrillWorklist | null = null;
  let run: DrillModuleRun;
  try {
    run = await DrillModuleRun.open(drill, port, (learnerId) => {
      const w = drillWorklist(drill, learnerId, deps.techniques, manifest);
      worklist = w;
      return { films: w.specs.map((s) => s.id as string), hintOf: (film) => w.hints[film] ?? null };
    }, () => new Date(deps.now()));
  } catch (e) {
    return fail(`Your learning management system did not start the exercise: ${message(e)}`);
  }
  commitOnPageHide(port, deps.window);
  const w = worklist as unknown as DrillWorklist;
  library.setSpecs(w.specs);
  const config: SessionConfig = {
    mode: drill.mode, deckId: drill.deck.kind === 'demo' ? DEMO_DECK_ID : drill.deck.packId, seed: drill.deck.seed, rounds: [w.specs.map((s) => s.id as CaseId)],
    ...(Object.keys(w.hints).length > 0 ? { hints: w.hints } : {}),
  };
  const meta: SessionMeta = { id: `lms-drill:${drill.id}`, startedAt: deps.now(), generator: manifest ? packGeneratorVersion(manifest) : DEMO_GENERATOR_VERSION };
  const availability = drill.mode.drill ? drillAvailability(drill.mode.drill, localDay(deps.now())) : 'open';

  let chain: Promise<void> = Promise.resolve();
  /** LMS work one call at a time, in the order of events; a failure is shown, and the drill goes on. */
  const queue = (work: () => Promise<void>): Promise<void> => {
    chain = chain.then(work).catch((e: unknown) => {
      patch({ busy: null, problem: lmsStepProblem(message(e), 'Your answers up to the previous one are saved', run.isFinished) });
      deps.say(`Problem: ${message(e)}`);
    });
    return chain;
  };
  /** Whether a session of this drill is on screen, and how many of its records have gone to the LMS. */
  let live = false;
  let recorded = 0;
  const take = (s: SessionState): void => {
    while (recorded < s.records.length) {
      const rec = s.records[recorded++] as CaseRecord;
      void queue(() => run.answer(lmsAnswerOf(rec)));
    }
  };
  store.subscribe((st) => st.session, (s: SessionState | null, prev: SessionState | null) => {
    if (!live || !s) return;
    // The film's clock (shown, paused, going on) goes into the resume record: a closed window must not buy time.
    if (s.phase === 'reading' && s.caseStartedAt !== null && (s.caseStartedAt !== prev?.caseStartedAt || s.pausedAt !== prev?.pausedAt)) {
      const { caseStartedAt, pausedAt } = s;
      void queue(() => run.caseClock(caseStartedAt, pausedAt));
    }
    take(s);
  });

  const begin = (from: number, spentMs: number | null): void => {
    live = true;
    recorded = 0;
    patch({ step: 'test', busy: null, problem: null });
    if (from === 0 && spentMs === null) return store.getState().startSession(config, meta);
    const film = w.specs[from]?.id as CaseId;
    const open = spentMs === null ? null : { caseId: film, progress: { elapsedMs: spentMs, marks: [], rating: null, toolsUsed: [] } };
    store.getState().resumeSession({ ...createSession(config), phase: 'loading', caseIndex: from }, meta, open);
  };
  /** The review and the debrief of the whole worklist, rebuilt when the session on screen lacks earlier films. */
  const showEnd = async (ended: SessionState | null): Promise<void> => {
    const earlier = run.answers.slice(0, run.answers.length - (ended?.records.length ?? 0));
    const state = await rebuildDrillSession(config, meta, earlier, ended, library, deps.now());
    recorded = state.records.length;
    live = true;
    store.getState().resumeSession(state, meta, null);
    patch({ step: 'test', busy: null });
  };
  // A resumed worklist ends without its earlier films: module-launch.ts closes it before anything shows its review.
  deps.testEnds.onEnd((ended) => {
    if (!ended.config.mode.drill || !live) return;
    take(ended);
    live = false;
    patch({ step: 'saving', busy: 'Preparing your review of every film...' });
    void queue(() => showEnd(ended));
  });

  const act = (action: ModuleAction): void => {
    const v = store.getState().cme.module;
    const atEnd = store.getState().session?.phase === 'summary';
    if (!v || (v.busy && action !== 'suspend')) return;
    const to = action === 'next' ? ({ start: 'begin', resume: 'continue' } as Partial<Record<string, ModuleAction>>)[v.step] ?? (atEnd ? 'finish' : null) : action;
    if (to === 'begin' && v.step === 'start' && availability === 'open') begin(0, null);
    else if (to === 'continue' && v.step === 'resume') begin(run.answers.length, run.openCaseElapsedMs(deps.now()));
    else if (to === 'finish' && atEnd && !run.isFinished) {
      patch({ busy: 'Sending your record to the LMS...' });
      void queue(async () => {
        await run.close();
        patch({ busy: null, finished: true });
        deps.say('Finished: your LMS has your record. You can close this window.');
      });
    } else if (to === 'suspend' && !run.isFinished) {
      live = false;
      if (store.getState().session) store.getState().quitSession();
      void queue(async () => {
        await run.suspend();
        patch({ step: 'left', busy: null, finished: true });
        deps.say('Your answers are saved. You can close this window.');
      });
    }
  };

  patch({
    info: { ...(store.getState().cme.module?.info as ModuleView['info']), title: learnerTitle(drill), provider: drill.provider },
    lms: lmsView(run.launch), answered: run.answers.length, problem: run.resumeProblem ? `Saved answers were not used: ${run.resumeProblem}.` : null,
    drill: { title: learnerTitle(drill), films: run.films.length, opens: drill.mode.drill?.opens ?? null, closes: drill.mode.drill?.closes ?? null, availability },
  });
  if (run.isComplete) {
    patch({ step: 'saving', busy: 'Preparing your review of every film...' });
    void queue(() => showEnd(null));
  } else if (run.answers.length > 0 || run.openCaseElapsedMs(deps.now()) !== null) {
    patch({ step: 'resume', busy: null });
  } else if (availability !== 'open' || !recordsCredit(run.launch)) {
    patch({ step: 'start', busy: null });
  } else {
    begin(0, null);
  }
  return { act, submitEvaluation: () => undefined, makeCertificate: () => undefined };
}
