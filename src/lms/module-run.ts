import { RATING_LABELS } from '../domain/index.js';
import type { LmsInteraction, LmsLaunch, LmsPort } from './lms-port.js';
import { commentLimit, LmsFinishedError, safeInteractionId } from './lms-port.js';
import { clockElapsedMs, type CaseClock } from './case-clock.js';
import type { ModuleDefinition } from './module-schema.js';
import * as flow from './module-progress.js';
import type { ModuleOutcome, ModuleProgress, TestAnswer } from './module-progress.js';
import type { ModulePlan } from './selection.js';
import { decodeSuspendData, encodeSuspendData } from './suspend-codec.js';

/**
 * The module as the screens drive it: one object holding the plan, the learner's progress and the LMS port. Every
 * answer is recorded as an interaction, the resume record and progress are set, and the LMS is committed before the
 * call returns (commit early and often: a closed window loses at most the case on screen). The result goes to the LMS
 * once, when the post-test decides; finish() runs once, with exit 'suspend' until the module is over.
 */
export interface EvaluationAnswers {
  /** 1..5: how relevant the activity was to the learner's practice. */
  readonly relevance: 1 | 2 | 3 | 4 | 5;
  /** 1..5: how likely the learner is to change their practice. */
  readonly intentToChange: 1 | 2 | 3 | 4 | 5;
  /** Whether the learner saw commercial bias (ACCME asks providers to monitor it). */
  readonly commercialBias: boolean;
  readonly comments: string;
}

/** How many cases of the test (or practice round) under way are answered: the index of the case on screen. */
function openCaseIndex(p: ModuleProgress): number | null {
  if (p.phase === 'pre') return p.pre.length;
  if (p.phase === 'practice') return p.practiceDone;
  if (p.phase === 'post') return p.posts.at(-1)?.length ?? 0;
  return null;
}

export class ModuleRun {
  #progress: ModuleProgress;
  #caseShownAt = 0;
  #reportProblem: string | null = null;
  /** The clock of the case on screen (case-clock.ts), kept in the resume record; null between cases. */
  #clock: CaseClock | null;

  private constructor(
    readonly definition: ModuleDefinition,
    readonly plan: ModulePlan,
    private readonly port: LmsPort,
    readonly launch: LmsLaunch,
    progress: ModuleProgress,
    clock: CaseClock | null,
    /** Why saved progress was not used (another module version, damaged), or null. */
    readonly resumeProblem: string | null,
    private readonly now: () => Date,
  ) {
    this.#progress = progress;
    this.#clock = clock !== null && clock.index === openCaseIndex(progress) ? clock : null;
  }

  /** Initializes the LMS session and restores the saved progress (or starts afresh, saying why). */
  static async open(definition: ModuleDefinition, plan: ModulePlan, port: LmsPort, now: () => Date = () => new Date()): Promise<ModuleRun> {
    const launch = await port.initialize();
    const decoded = decodeSuspendData(definition, launch.resumeData);
    const progress = decoded.ok ? decoded.progress : flow.INITIAL_PROGRESS;
    const problem = decoded.ok || launch.resumeData === '' ? null : decoded.reason;
    const run = new ModuleRun(definition, plan, port, launch, progress, decoded.ok ? decoded.clock : null, problem, now);
    // A result that failed to go (the LRS or LMS refused it) is sent again: the progress was saved before the report,
    // so the learner may already hold the certificate. The adapters skip what the LMS already has.
    try {
      await run.reportIfDecided(progress.evaluationDone);
    } catch (e) {
      run.#reportProblem = e instanceof Error ? e.message : String(e); // close() tries again, and throws
    }
    return run;
  }

  /** Why the result could not be sent again on opening (close() tries again), or null. */
  get reportProblem(): string | null {
    return this.#reportProblem;
  }

  get progress(): ModuleProgress {
    return this.#progress;
  }

  /** The pass mark in force: the LMS's mastery score when it set one (cmi5 section 10.2.2), else the module's. */
  get passMark(): number {
    return this.launch.masteryScore ?? this.definition.passMark;
  }

  get outcome(): ModuleOutcome {
    return flow.moduleOutcome(this.definition, this.plan, this.#progress, this.passMark);
  }

  get currentCase(): ReturnType<typeof flow.currentTestCase> {
    return flow.currentTestCase(this.plan, this.#progress);
  }

  get isFinished(): boolean {
    return this.port.isFinished;
  }

  /** The screens call this when a test case appears, so the latency is the reader's time on it. */
  caseShown(): void {
    this.#caseShownAt = this.now().getTime();
  }

  /**
   * The clock of the case on screen changed (it appeared, was paused, or went on): kept in the resume record and
   * committed at once, so a window closed on this case brings it back with the time that was left. Committed here
   * rather than left to pagehide: most SCORM runtimes commit with a synchronous request, which browsers refuse while
   * a page is being dismissed.
   */
  async caseClock(startedAt: number, pausedAt: number | null): Promise<void> {
    const index = openCaseIndex(this.#progress);
    if (index === null || this.port.isFinished) return;
    this.#clock = { index, startedAt, pausedAt };
    await this.save(this.#progress, this.#clock);
  }

  /** Time already spent on the case under way by the saved clock (it ran while the window was closed), or null. */
  openCaseElapsedMs(now: number): number | null {
    return this.#clock !== null && this.#clock.index === openCaseIndex(this.#progress) ? clockElapsedMs(this.#clock, now) : null;
  }

  async beginPreTest(): Promise<void> {
    await this.save(flow.beginPreTest(this.#progress));
  }

  /** A rating 1..6, or null when the clock ran out. */
  async answer(rating: TestAnswer | null): Promise<void> {
    const at = this.now();
    const current = this.currentCase;
    if (!current) throw new flow.ModuleFlowError('answer', this.#progress.phase);
    const a: TestAnswer = rating ?? 0;
    const isFake = current.case.profile.kind === 'fake';
    const label = current.test === 'pre' ? 'pre' : `post${current.attempt + 1}`;
    const interaction: LmsInteraction = {
      id: safeInteractionId(`${label}-${String(current.index + 1).padStart(2, '0')}-${current.case.deckCaseId}`),
      kind: 'rating',
      description: `${current.test === 'pre' ? 'Pre-test' : `Post-test ${current.attempt + 1}`} case ${current.index + 1}: ${a === 0 ? 'timed out' : RATING_LABELS[a]}`,
      response: a === 0 ? '' : String(a),
      correctResponses: isFake ? ['4', '5', '6'] : ['1', '2', '3'],
      result: flow.isCorrectAnswer(current.case, a) ? 'correct' : 'wrong',
      latencyMs: this.#caseShownAt > 0 ? Math.max(0, at.getTime() - this.#caseShownAt) : 0,
      at,
    };
    const next = current.test === 'pre' ? flow.answerPreTest(this.definition, this.#progress, a) : flow.answerPostTest(this.definition, this.#progress, a);
    // The progress goes to the LMS adapter first (it takes it before its first await), so a page closed while the
    // statements travel still leaves with this answer in its resume data (the adapters' pagehide commit).
    const saved = this.save(next);
    saved.catch(() => undefined); // a failure is thrown below, once the statement has gone
    await this.record(interaction);
    await saved;
    if (next.phase === 'post-result') await this.reportIfDecided(false);
  }

  async finishTeaching(): Promise<void> {
    await this.save(flow.finishTeaching(this.definition, this.#progress));
  }

  async answerPractice(): Promise<void> {
    await this.save(flow.answerPractice(this.definition, this.#progress));
  }

  async retry(): Promise<void> {
    await this.save(flow.retryPostTest(this.definition, this.plan, this.#progress, this.passMark));
  }

  async beginEvaluation(): Promise<void> {
    await this.save(flow.beginEvaluation(this.definition, this.plan, this.#progress, this.passMark));
  }

  /** The evaluation form, sent as survey interactions (result 'neutral'), then on to the certificate or the end. */
  async submitEvaluation(e: EvaluationAnswers): Promise<void> {
    const at = this.now();
    const base = { correctResponses: [] as string[], result: 'neutral' as const, latencyMs: 0, at };
    await this.record({ ...base, id: 'eval-relevance', kind: 'likert', description: 'Relevance to my practice (1-5)', response: String(e.relevance) });
    await this.record({ ...base, id: 'eval-change', kind: 'likert', description: 'I intend to change my practice (1-5)', response: String(e.intentToChange) });
    await this.record({ ...base, id: 'eval-bias', kind: 'likert', description: 'Commercial bias seen (1 no, 2 yes)', response: e.commercialBias ? '2' : '1' });
    if (e.comments.trim() !== '') {
      await this.record({ ...base, id: 'eval-comments', kind: 'long-fill-in', description: 'Comments', response: e.comments.trim().slice(0, commentLimit(this.port.kind)) });
    }
    await this.save(flow.submitEvaluation(this.definition, this.plan, this.#progress, this.passMark));
    await this.reportIfDecided(true);
  }

  /** Leaves the module for now; the LMS keeps the progress (exit 'suspend'). Ends the LMS session. */
  async suspend(): Promise<void> {
    if (this.port.isFinished) throw new LmsFinishedError('suspend');
    await this.port.finish('suspend');
  }

  /** Ends the module for good (after the certificate or the end screen). Ends the LMS session. */
  async close(): Promise<void> {
    if (this.port.isFinished) throw new LmsFinishedError('close');
    const p = this.#progress.phase === 'certificate' || this.#progress.phase === 'done' ? flow.closeModule(this.#progress) : this.#progress;
    if (p !== this.#progress) await this.save(p);
    await this.reportIfDecided(p.evaluationDone);
    await this.port.finish(p.phase === 'done' ? 'normal' : 'suspend');
  }

  private async reportIfDecided(completed: boolean): Promise<void> {
    // Browse and review launches record no result (cmi5 section 10.2.2 launchMode; SCORM cmi.mode / lesson_mode).
    if (this.launch.mode !== 'normal') return;
    const o = this.outcome;
    if (o.passed === null || o.decisive === null) return;
    const { correct, total } = o.decisive;
    await this.port.setResult({ scaled: flow.reportedScaled(o.decisive.scaled, o.passed, this.passMark), raw: { correct, total }, passed: o.passed, completed });
    await this.port.commit();
  }

  /** Browse and review record nothing (cmi5 10.2.2 launchMode; SCORM cmi.mode): answers stay on the page. */
  private async record(i: LmsInteraction): Promise<void> {
    if (this.launch.mode === 'normal') await this.port.recordInteraction(i);
  }

  /** Any step forward ends the case on screen, so its clock goes (a new case brings its own). */
  private async save(next: ModuleProgress, clock: CaseClock | null = null): Promise<void> {
    this.#progress = next;
    this.#clock = clock;
    // Outside Normal mode nothing is persisted, or a later Normal launch would resume a browse's answers.
    if (this.launch.mode !== 'normal') return;
    const location = `${next.phase}:${next.pre.length}:${next.posts.length}:${next.posts.at(-1)?.length ?? 0}`;
    await this.port.setProgress(flow.progressMeasure(this.definition, next), location, encodeSuspendData(this.definition, next, clock));
    await this.port.commit();
  }
}
