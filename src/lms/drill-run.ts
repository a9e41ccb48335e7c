import type { HintCall } from '../domain/index.js';
import { clockElapsedMs, type CaseClock } from './case-clock.js';
import type { DrillModule } from './drill-module.js';
import { drillInteraction, type DrillLmsAnswer } from './drill-response.js';
import { decodeDrillSuspend, encodeDrillSuspend } from './drill-suspend.js';
import { LmsError, LmsFinishedError, type LmsLaunch, type LmsPort } from './lms-port.js';

/**
 * A readiness drill as the module page drives it through an LMS: the learner's worklist (the drill's films in the
 * learner's counterbalanced order), their answers, the clock of the film on screen, and the LMS port. Every answer
 * is one neutral interaction (drill-response.ts), the resume record and progress are set and the LMS is committed
 * before the call returns. The outcome is completion only: when the last film is answered the LMS is told the
 * learner completed the drill (SCORM 1.2 'completed', SCORM 2004 completion 'completed' with success 'unknown', cmi5
 * "completed"), and never passed or failed: the drill is not an exam, and the truth is never on the learner's page.
 * finish() runs once: exit 'suspend' while films are left, 'normal' after the last. A Browse or Review launch plays
 * the worklist and records nothing.
 */
export class DrillModuleRun {
  #answers: DrillLmsAnswer[];
  #clock: CaseClock | null;

  private constructor(
    readonly drill: DrillModule,
    /** The learner's worklist: film ids in the order this learner reads them. */
    readonly films: readonly string[],
    private readonly port: LmsPort,
    readonly launch: LmsLaunch,
    answers: readonly DrillLmsAnswer[],
    clock: CaseClock | null,
    /** Why saved progress was not used (another version of the drill, damaged), or null. */
    readonly resumeProblem: string | null,
    private readonly now: () => Date,
  ) {
    this.#answers = [...answers];
    this.#clock = clock;
  }

  /**
   * Initializes the LMS session and restores the saved answers. `worklist` gets the learner's id from the launch
   * (their order and AI badges follow from it) and returns the films in order with each film's badge.
   */
  static async open(
    drill: DrillModule, port: LmsPort, worklist: (learnerId: string) => { films: readonly string[]; hintOf: (film: string) => HintCall | null },
    now: () => Date = () => new Date(),
  ): Promise<DrillModuleRun> {
    const launch = await port.initialize();
    const w = worklist(launch.learner?.id ?? '');
    const decoded = decodeDrillSuspend(drill, w.films, w.hintOf, launch.resumeData);
    const problem = decoded.ok || launch.resumeData === '' ? null : decoded.reason;
    return new DrillModuleRun(drill, w.films, port, launch, decoded.ok ? decoded.answers : [], decoded.ok ? decoded.clock : null, problem, now);
  }

  get answers(): readonly DrillLmsAnswer[] {
    return this.#answers;
  }

  get isComplete(): boolean {
    return this.#answers.length >= this.films.length;
  }

  get isFinished(): boolean {
    return this.port.isFinished;
  }

  /** The film the learner reads next, or null when every film is answered. */
  get currentFilm(): string | null {
    return this.films[this.#answers.length] ?? null;
  }

  /**
   * The clock of the film on screen changed (it appeared, was paused, or went on): kept in the resume record and
   * committed at once, so closing the window never buys time (SCORM runtimes commit with synchronous requests,
   * which browsers refuse while a page is dismissed, so this is not left to pagehide).
   */
  async caseClock(startedAt: number, pausedAt: number | null): Promise<void> {
    if (this.isComplete || this.port.isFinished) return;
    this.#clock = { index: this.#answers.length, startedAt, pausedAt };
    if (this.launch.mode === 'normal') await this.save();
  }

  /** Time already spent on the film under way by the saved clock (it ran while the window was closed), or null. */
  openCaseElapsedMs(now: number): number | null {
    return this.#clock !== null && this.#clock.index === this.#answers.length ? clockElapsedMs(this.#clock, now) : null;
  }

  /** The learner's answer to the film under way: recorded, saved and committed before it resolves. */
  async answer(a: DrillLmsAnswer): Promise<void> {
    if (this.port.isFinished) throw new LmsFinishedError('answer');
    const film = this.currentFilm;
    if (film === null || a.caseId !== film) throw new LmsError(`answer: film ${a.caseId} is not the one under way (${film ?? 'none: the worklist is done'})`);
    // Kept before anything travels (as ModuleRun.answer): a window closed mid-statement still resumes past this film.
    this.#answers.push(a);
    this.#clock = null;
    // Browse and review launches record nothing (cmi5 section 10.2.2 launchMode; SCORM cmi.mode / lesson_mode):
    // a later Normal launch must not resume a browse's answers, nor the LMS count them.
    if (this.launch.mode !== 'normal') return;
    const saved = this.save();
    saved.catch(() => undefined); // a failure is thrown below, once the statement has gone
    await this.port.recordInteraction(drillInteraction(a, this.now()));
    await saved;
    if (this.isComplete) {
      await this.port.setResult({ scaled: null, raw: null, passed: null, completed: true });
      await this.port.commit();
    }
  }

  /** Leaves the drill for now; the LMS keeps the answers (exit 'suspend'). Ends the LMS session. */
  async suspend(): Promise<void> {
    if (this.port.isFinished) throw new LmsFinishedError('suspend');
    await this.port.finish('suspend');
  }

  /** Ends the LMS session: for good after the last film (exit normal), else with the answers kept. */
  async close(): Promise<void> {
    if (this.port.isFinished) throw new LmsFinishedError('close');
    await this.port.finish(this.isComplete ? 'normal' : 'suspend');
  }

  private async save(): Promise<void> {
    const n = this.#answers.length;
    const measure = this.films.length === 0 ? 1 : Math.round((n / this.films.length) * 100) / 100;
    await this.port.setProgress(measure, `drill:${n}/${this.films.length}`, encodeDrillSuspend(this.drill, this.#answers, this.#clock));
    await this.port.commit();
  }
}
