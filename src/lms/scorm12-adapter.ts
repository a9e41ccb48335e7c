import { LmsError, LmsFinishedError, readingOrderName, type LmsInteraction, type LmsLaunch, type LmsPort, type LmsResult } from './lms-port.js';
import { scormFailure, type Scorm12Api } from './scorm-api.js';
import { scorm12TimeOfDay, scorm12Timespan } from './scorm-time.js';

/**
 * SCORM 1.2 behind LmsPort. Elements and vocabularies from the SCORM 1.2 RTE, section 3.4 (data model):
 * - cmi.core.lesson_status: 'incomplete' while under way, then 'passed' or 'failed' (1.2 has one status field), or
 *   'completed' for a completion-only activity (a readiness drill: no score, no pass mark);
 * - cmi.core.score.raw/min/max on 0..100; cmi.core.session_time as CMITimespan, set once before LMSFinish;
 * - cmi.core.exit 'suspend' while unfinished, '' (normal) at the end; cmi.core.lesson_location a short label;
 * - cmi.suspend_data (CMIString4096); one cmi.interactions.n per answer, appended at cmi.interactions._count
 *   (interactions are write-only in 1.2, so the count is the only thing read back);
 * - cmi.student_data.mastery_score (from the manifest's adlcp:masteryscore) is the LMS's pass mark.
 */
export class Scorm12Adapter implements LmsPort {
  readonly kind = 'scorm12';
  #finished = false;
  #started = 0;

  constructor(private readonly api: Scorm12Api, private readonly now: () => Date = () => new Date()) {}

  get isFinished(): boolean {
    return this.#finished;
  }

  async initialize(): Promise<LmsLaunch> {
    // A reloaded popup finds its opener's API still initialized: 1.2 answers 101, a general exception (RTE 1.2
    // 3.3.2.1), so the session is taken as live only if it still answers LMSGetValue.
    if (this.api.LMSInitialize('') !== 'true') {
      const code = this.api.LMSGetLastError();
      const failure = this.failure('LMSInitialize("")');
      if (code !== '101' || !this.answersGetValue()) throw failure;
    }
    this.#started = this.now().getTime();
    // A tab closed without LMSFinish keeps whatever exit was committed; 'suspend' from the start keeps the attempt
    // resumable (RTE 1.2 3.4.4 cmi.core.exit); finish('normal') sets ''.
    this.set('cmi.core.exit', 'suspend');
    const get = (e: string): string => this.api.LMSGetValue(e) ?? '';
    const lessonMode = get('cmi.core.lesson_mode');
    const status = get('cmi.core.lesson_status');
    // RTE 1.2 3.4.4: the SCO sets 'incomplete' when it starts on a fresh attempt; in browse or review the LMS keeps
    // the status it has (it sets 'browsed' itself), and this launch records nothing.
    if ((status === 'not attempted' || status === '') && lessonMode !== 'browse' && lessonMode !== 'review') this.set('cmi.core.lesson_status', 'incomplete');
    const mastery = Number.parseFloat(get('cmi.student_data.mastery_score'));
    const name = get('cmi.core.student_name');
    if (this.api.LMSCommit('') !== 'true') throw this.failure('LMSCommit("")');
    return {
      kind: this.kind,
      isTracked: true,
      learner: { id: get('cmi.core.student_id'), name, displayName: readingOrderName(name) },
      resumeData: get('cmi.core.entry') === 'resume' || get('cmi.suspend_data') !== '' ? get('cmi.suspend_data') : '',
      mode: lessonMode === 'browse' || lessonMode === 'review' ? lessonMode : 'normal',
      masteryScore: Number.isFinite(mastery) ? mastery / 100 : null,
      moveOn: null,
      returnUrl: null,
      standaloneReason: null,
    };
  }

  async recordInteraction(i: LmsInteraction): Promise<void> {
    this.guard('recordInteraction');
    const n = Number.parseInt(this.api.LMSGetValue('cmi.interactions._count'), 10) || 0;
    const p = `cmi.interactions.${n}`;
    this.set(`${p}.id`, i.id);
    // 1.2 has no long-fill-in; fill-in (CMIFeedback) holds 255 characters.
    const type = i.kind === 'rating' ? 'choice' : i.kind === 'likert' ? 'likert' : 'fill-in';
    this.set(`${p}.type`, type);
    this.set(`${p}.time`, scorm12TimeOfDay(i.at));
    this.set(`${p}.weighting`, i.kind === 'rating' ? '1' : '0');
    i.correctResponses.forEach((r, k) => this.set(`${p}.correct_responses.${k}.pattern`, r));
    this.set(`${p}.student_response`, type === 'fill-in' ? i.response.slice(0, 255) : i.response);
    this.set(`${p}.result`, i.result);
    this.set(`${p}.latency`, scorm12Timespan(i.latencyMs));
  }

  async setProgress(_measure: number, location: string, resumeData: string): Promise<void> {
    this.guard('setProgress');
    if (resumeData.length > 4096) throw new LmsError(`setProgress: the resume record is ${resumeData.length} characters; SCORM 1.2 keeps 4,096`);
    this.set('cmi.core.lesson_location', location.slice(0, 255));
    this.set('cmi.suspend_data', resumeData);
  }

  async setResult(r: LmsResult): Promise<void> {
    this.guard('setResult');
    if (r.passed === null || r.scaled === null) {
      // Completion only (a drill): 'completed' is the 1.2 status that asserts nothing about success (RTE 1.2 3.4.4),
      // and no score is set, so an LMS holding a mastery score has nothing to turn into passed or failed.
      if (r.completed) this.set('cmi.core.lesson_status', 'completed');
      return;
    }
    this.set('cmi.core.score.min', '0');
    this.set('cmi.core.score.max', '100');
    // A percentage, as the LMS compares it with mastery_score (RTE 1.2 3.4.4), floored to 2 decimals like the
    // manifest's masteryscore, so the two never disagree about a pass.
    this.set('cmi.core.score.raw', String(Math.floor(r.scaled * 10000 + 1e-6) / 100));
    this.set('cmi.core.lesson_status', r.passed ? 'passed' : 'failed');
  }

  async commit(): Promise<void> {
    this.guard('commit');
    if (this.api.LMSCommit('') !== 'true') throw this.failure('LMSCommit("")');
  }

  async finish(exit: 'suspend' | 'normal'): Promise<void> {
    this.guard('finish');
    this.set('cmi.core.exit', exit === 'suspend' ? 'suspend' : '');
    this.set('cmi.core.session_time', scorm12Timespan(this.now().getTime() - this.#started));
    if (this.api.LMSCommit('') !== 'true') throw this.failure('LMSCommit("")');
    this.#finished = true;
    if (this.api.LMSFinish('') !== 'true') throw this.failure('LMSFinish("")');
  }

  private set(element: string, value: string): void {
    if (this.api.LMSSetValue(element, value) !== 'true') throw this.failure(`LMSSetValue("${element}", "${value.slice(0, 40)}")`);
  }

  private answersGetValue(): boolean {
    this.api.LMSGetValue('cmi.core.lesson_status');
    return this.api.LMSGetLastError() === '0';
  }

  private guard(call: string): void {
    if (this.#finished) throw new LmsFinishedError(call);
  }

  private failure(call: string): LmsError {
    const code = this.api.LMSGetLastError();
    return scormFailure(call, code, this.api.LMSGetErrorString(code), this.api.LMSGetDiagnostic(code));
  }
}
