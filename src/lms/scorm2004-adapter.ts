import { type LmsError, LmsFinishedError, readingOrderName, type LmsInteraction, type LmsLaunch, type LmsPort, type LmsResult } from './lms-port.js';
import { scormFailure, type Scorm2004Api } from './scorm-api.js';
import { iso8601Duration, scorm2004Timestamp } from './scorm-time.js';

/**
 * SCORM 2004 4th Edition behind LmsPort (RTE 4th ed., section 4.2, run-time data model):
 * - cmi.completion_status and cmi.success_status are set apart: 'incomplete'/'unknown' while under way, then
 *   success 'passed'/'failed' when the post-test decides and completion 'completed' when the module is done;
 * - cmi.score.scaled (-1..1, here 0..1) with raw/min/max; cmi.progress_measure 0..1; cmi.location;
 * - cmi.suspend_data (64,000 characters in the 4th edition); cmi.exit 'suspend' or 'normal';
 *   cmi.session_time as an ISO 8601 duration;
 * - one cmi.interactions.n per answer with id, type, timestamp, weighting, correct_responses, learner_response,
 *   result ('correct', 'incorrect' or 'neutral'; 'wrong' is the 1.2 word), latency and description;
 * - cmi.scaled_passing_score (from the manifest's sequencing, if the LMS has one) is the LMS's pass mark.
 */
export class Scorm2004Adapter implements LmsPort {
  readonly kind = 'scorm2004';
  #finished = false;
  #started = 0;

  constructor(private readonly api: Scorm2004Api, private readonly now: () => Date = () => new Date()) {}

  get isFinished(): boolean {
    return this.#finished;
  }

  async initialize(): Promise<LmsLaunch> {
    // A reloaded popup finds its opener's API still initialized (error 103, RTE 4th ed. 3.1.7.2): the live session goes on.
    if (this.api.Initialize('') !== 'true' && this.api.GetLastError() !== '103') throw this.failure('Initialize("")');
    this.#started = this.now().getTime();
    // cmi.exit '' at the end of a session ends the attempt (RTE 4th ed. 4.2.12), and a closed tab never reaches
    // finish(): 'suspend' from the start keeps the attempt resumable; finish('normal') sets 'normal'.
    this.set('cmi.exit', 'suspend');
    // Reading an element the LMS has not set returns '' with error 403 (RTE 4th ed. 3.1.7.6); that is not a failure.
    const get = (e: string): string => this.api.GetValue(e) ?? '';
    const mode = get('cmi.mode');
    const completion = get('cmi.completion_status');
    // A browse or review launch records nothing (RTE 4th ed., cmi.mode), not even that the attempt began.
    const fresh = completion === 'not attempted' || completion === 'unknown' || completion === '';
    if (fresh && mode !== 'browse' && mode !== 'review') this.set('cmi.completion_status', 'incomplete');
    const passing = Number.parseFloat(get('cmi.scaled_passing_score'));
    const name = get('cmi.learner_name');
    if (this.api.Commit('') !== 'true') throw this.failure('Commit("")');
    return {
      kind: this.kind,
      isTracked: true,
      learner: { id: get('cmi.learner_id'), name, displayName: readingOrderName(name) },
      resumeData: get('cmi.suspend_data'),
      mode: mode === 'browse' || mode === 'review' ? mode : 'normal',
      masteryScore: Number.isFinite(passing) ? passing : null,
      moveOn: null,
      returnUrl: null,
      standaloneReason: null,
    };
  }

  async recordInteraction(i: LmsInteraction): Promise<void> {
    this.guard('recordInteraction');
    const n = Number.parseInt(this.api.GetValue('cmi.interactions._count'), 10) || 0;
    const p = `cmi.interactions.${n}`;
    this.set(`${p}.id`, i.id);
    this.set(`${p}.type`, i.kind === 'rating' ? 'choice' : i.kind);
    this.set(`${p}.timestamp`, scorm2004Timestamp(i.at));
    this.set(`${p}.weighting`, i.kind === 'rating' ? '1' : '0');
    // A choice interaction takes one pattern per acceptable answer set (RTE 4th ed. 4.2.9.1).
    i.correctResponses.forEach((r, k) => this.set(`${p}.correct_responses.${k}.pattern`, r));
    // A time-out has no response; an empty choice response is a type mismatch (406), so the element is left unset.
    if (i.response !== '') this.set(`${p}.learner_response`, i.response.slice(0, 4000));
    this.set(`${p}.result`, i.result === 'wrong' ? 'incorrect' : i.result);
    this.set(`${p}.latency`, iso8601Duration(i.latencyMs));
    this.set(`${p}.description`, i.description.slice(0, 250));
  }

  async setProgress(measure: number, location: string, resumeData: string): Promise<void> {
    this.guard('setProgress');
    this.set('cmi.progress_measure', String(Math.max(0, Math.min(1, measure))));
    this.set('cmi.location', location.slice(0, 1000));
    this.set('cmi.suspend_data', resumeData);
  }

  async setResult(r: LmsResult): Promise<void> {
    this.guard('setResult');
    if (r.passed === null || r.scaled === null) {
      // Completion only (a drill): success stays 'unknown', "no assertion" (RTE 4th ed. 4.2.22), and no score is set.
      this.set('cmi.success_status', 'unknown');
    } else {
      // Unrounded: the LMS may judge success by cmi.score.scaled against scaled_passing_score (RTE 4th ed. 4.2.22).
      this.set('cmi.score.scaled', String(r.scaled));
      if (r.raw) {
        this.set('cmi.score.raw', String(r.raw.correct));
        this.set('cmi.score.min', '0');
        this.set('cmi.score.max', String(r.raw.total));
      }
      this.set('cmi.success_status', r.passed ? 'passed' : 'failed');
    }
    if (r.completed) {
      this.set('cmi.progress_measure', '1');
      this.set('cmi.completion_status', 'completed');
    }
  }

  async commit(): Promise<void> {
    this.guard('commit');
    if (this.api.Commit('') !== 'true') throw this.failure('Commit("")');
  }

  async finish(exit: 'suspend' | 'normal'): Promise<void> {
    this.guard('finish');
    this.set('cmi.exit', exit);
    this.set('cmi.session_time', iso8601Duration(this.now().getTime() - this.#started));
    if (this.api.Commit('') !== 'true') throw this.failure('Commit("")');
    this.#finished = true;
    if (this.api.Terminate('') !== 'true') throw this.failure('Terminate("")');
  }

  private set(element: string, value: string): void {
    if (this.api.SetValue(element, value) !== 'true') throw this.failure(`SetValue("${element}", "${value.slice(0, 40)}")`);
  }

  private guard(call: string): void {
    if (this.#finished) throw new LmsFinishedError(call);
  }

  private failure(call: string): LmsError {
    const code = this.api.GetLastError();
    return scormFailure(call, code, this.api.GetErrorString(code), this.api.GetDiagnostic(code));
  }
}
