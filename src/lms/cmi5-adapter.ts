import type { LaunchParameters } from '@xapi/cmi5';
import Cmi5 from '@xapi/cmi5/dist/Cmi5.esm.js';
import { httpUrl, LmsError, LmsFinishedError, readingOrderName, type LmsInteraction, type LmsLaunch, type LmsPort, type LmsResult } from './lms-port.js';
import type { KeyValueStore } from './standalone-adapter.js';

/**
 * cmi5 behind LmsPort, through the maintained @xapi/cmi5 client (token fetch, LaunchData, the defined statements).
 * What this adapter adds to it (statement order, masteryScore and launch mode, resume state, reload and return):
 * README, Decisions, "The cmi5 adapter".
 */
export const CMI5_STATE_ID = 'https://w3id.org/xapi/xray-trainer/state/module-progress';

export function readCmi5LaunchParameters(search: string): LaunchParameters | null {
  const q = new URLSearchParams(search);
  const endpoint = q.get('endpoint');
  const fetchUrl = q.get('fetch');
  const actor = q.get('actor');
  const registration = q.get('registration');
  const activityId = q.get('activityId');
  if (!endpoint || !fetchUrl || !actor || !registration || !activityId) return null;
  try {
    return { endpoint, fetch: fetchUrl, actor: JSON.parse(actor), registration, activityId };
  } catch {
    throw new LmsError(`The cmi5 launch parameter 'actor' is not JSON (${actor.slice(0, 60)}); the LMS launched the module wrongly.`);
  }
}

/** An "answered" statement the LRS has not taken yet, kept in the state document until it goes. */
type StoredInteraction = Omit<LmsInteraction, 'at'> & { readonly at: string };

interface StateDoc {
  resumeData: string;
  progress: number;
  location: string;
  sentResult: 'passed' | 'failed' | null;
  sentCompleted: boolean;
  unsent?: StoredInteraction[];
}

const KINDS: readonly string[] = ['rating', 'likert', 'fill-in', 'long-fill-in'];
const RESULTS: readonly string[] = ['correct', 'wrong', 'neutral'];

/** The unsent interactions of a state document read from the LRS; anything not shaped as one is dropped. */
function unsentOf(doc: Partial<StateDoc>): LmsInteraction[] {
  if (!Array.isArray(doc.unsent)) return [];
  return doc.unsent.flatMap((u: Partial<StoredInteraction> | null) => {
    const at = new Date(typeof u?.at === 'string' ? u.at : Number.NaN);
    const ok = u && typeof u.id === 'string' && KINDS.includes(u.kind as string) && typeof u.description === 'string' && typeof u.response === 'string' &&
      Array.isArray(u.correctResponses) && u.correctResponses.every((r) => typeof r === 'string') && RESULTS.includes(u.result as string) &&
      typeof u.latencyMs === 'number' && Number.isFinite(at.getTime());
    return ok ? [{ ...(u as StoredInteraction), at }] : [];
  });
}

export class Cmi5Adapter implements LmsPort {
  readonly kind = 'cmi5';
  #cmi5: Cmi5;
  #finished = false;
  #state: StateDoc = { resumeData: '', progress: 0, location: '', sentResult: null, sentCompleted: false };
  #mode: LmsLaunch['mode'] = 'normal';
  #returnUrl: string | null = null;
  /** Interactions whose statement the LRS refused or never answered: sent again, in order, before the next one. */
  #unsent: LmsInteraction[] = [];

  constructor(
    private readonly params: LaunchParameters, private readonly session: KeyValueStore, private readonly keepaliveFetch?: typeof fetch,
    private readonly navigate?: (url: string) => void,
  ) {
    this.#cmi5 = new Cmi5(params);
  }

  get isFinished(): boolean {
    return this.#finished;
  }

  async initialize(): Promise<LmsLaunch> {
    const saved = await this.session.get(this.sessionKey);
    const resumed = saved ? (JSON.parse(saved) as { authToken: string; initializedDate: string; ended?: boolean }) : null;
    if (resumed?.ended) throw new LmsError('This session has ended: open the module again from your LMS.');
    try {
      if (resumed) await this.#cmi5.initialize({ authToken: resumed.authToken, initializedDate: new Date(resumed.initializedDate) });
      else await this.#cmi5.initialize();
    } catch (e) {
      throw new LmsError(`The cmi5 launch failed (${e instanceof Error ? e.message : String(e)}). Close this window and launch the module again from the LMS.`);
    }
    if (!resumed) await this.session.set(this.sessionKey, JSON.stringify({ authToken: this.#cmi5.getAuthToken(), initializedDate: this.#cmi5.getInitializedDate().toISOString() }));
    const data = this.#cmi5.getLaunchData();
    this.#returnUrl = data.returnURL ?? null;
    this.#mode = data.launchMode === 'Browse' ? 'browse' : data.launchMode === 'Review' ? 'review' : 'normal';
    this.#state = { ...this.#state, ...(await this.readState()) };
    this.#unsent = unsentOf(this.#state);
    const actor = this.params.actor as { name?: string; account?: { name?: string }; mbox?: string };
    const name = actor.name ?? '';
    return {
      kind: this.kind,
      isTracked: true,
      learner: { id: actor.account?.name ?? actor.mbox ?? '', name, displayName: readingOrderName(name) },
      resumeData: this.#state.resumeData,
      mode: this.#mode,
      masteryScore: typeof data.masteryScore === 'number' ? data.masteryScore : null,
      moveOn: data.moveOn ?? null,
      returnUrl: data.returnURL ?? null,
      standaloneReason: null,
    };
  }

  /**
   * Sends the interaction's "answered" statement, after any that failed before (in order). One that fails stays
   * queued, in memory and in the state document, so a reload sends it too; the error still reaches the caller.
   * The drill report keeps the latest answer per film, so a statement sent twice (one that reached the LRS but
   * whose answer was lost) counts once.
   */
  async recordInteraction(i: LmsInteraction): Promise<void> {
    this.guard('recordInteraction');
    this.#unsent.push(i);
    await this.sendUnsent();
  }

  private async sendUnsent(): Promise<void> {
    const hadStored = (this.#state.unsent?.length ?? 0) > 0;
    while (this.#unsent.length > 0) {
      try {
        await this.sendInteraction(this.#unsent[0] as LmsInteraction);
      } catch (e) {
        this.#state = { ...this.#state, unsent: this.#unsent.map((u) => ({ ...u, at: u.at.toISOString() })) };
        await this.writeState().catch(() => undefined); // the LRS may be down for both: the next commit tries again
        throw e;
      }
      this.#unsent.shift();
    }
    if (hadStored) this.#state = { ...this.#state, unsent: [] }; // written by the commit that follows
  }

  private async sendInteraction(i: LmsInteraction): Promise<void> {
    const choices = i.kind === 'rating' ? ['1', '2', '3', '4', '5', '6'] : i.kind === 'likert' ? ['1', '2', '3', '4', '5'] : [];
    const definition = {
      type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
      interactionType: i.kind === 'rating' ? 'choice' : i.kind === 'long-fill-in' ? 'long-fill-in' : i.kind,
      description: { 'en-US': i.description },
      ...(i.correctResponses.length > 0 ? { correctResponsesPattern: [...i.correctResponses] } : {}),
      ...(choices.length > 0 ? { [i.kind === 'likert' ? 'scale' : 'choices']: choices.map((id) => ({ id, description: { 'en-US': id } })) } : {}),
    } as Parameters<Cmi5['interaction']>[3];
    const period = { start: new Date(i.at.getTime() - i.latencyMs), end: i.at };
    const success = i.result === 'neutral' ? undefined : i.result === 'correct';
    const [test, question] = i.id.includes('-') ? [i.id.slice(0, i.id.indexOf('-')), i.id.slice(i.id.indexOf('-') + 1)] : ['module', i.id];
    await this.#cmi5.interaction(test, question, i.response, definition, success, period);
  }

  async setProgress(measure: number, location: string, resumeData: string): Promise<void> {
    this.guard('setProgress');
    const percent = Math.round(measure * 100);
    const changed = percent !== Math.round(this.#state.progress * 100);
    this.#state = { ...this.#state, progress: measure, location, resumeData };
    // "progressed" is optional (9.3 allows any xAPI statement between initialized and terminated): best effort, so
    // its failure never keeps the state document (the resume record, written by the commit that follows) from going.
    if (changed && this.#mode === 'normal' && percent < 100) await this.#cmi5.progress(percent).catch(() => undefined);
  }

  async setResult(r: LmsResult): Promise<void> {
    this.guard('setResult');
    if (this.#mode !== 'normal') return;
    // Completion only (a drill, moveOn "Completed"): no passed or failed statement is ever sent (sections 9.3.4, 9.3.5).
    if (r.passed !== null && r.scaled !== null && this.#state.sentResult === null) {
      // Unrounded scaled (a rounded one could reach masteryScore on a fail, 9.3.5); raw/min/max integers (9.5.1).
      const score = r.raw ? { scaled: r.scaled, raw: r.raw.correct, min: 0, max: r.raw.total } : { scaled: r.scaled };
      if (r.passed) await this.#cmi5.pass(score);
      else await this.#cmi5.fail(score);
      this.#state = { ...this.#state, sentResult: r.passed ? 'passed' : 'failed' };
      await this.writeState();
    }
    if (r.completed && !this.#state.sentCompleted) {
      await this.#cmi5.complete();
      this.#state = { ...this.#state, sentCompleted: true };
      await this.writeState();
    }
  }

  async commit(): Promise<void> {
    this.guard('commit');
    await this.writeState();
  }

  /** Best effort while the page goes away: the same state document, by fetch keepalive. */
  commitOnPageHide(): void {
    if (this.#finished || !this.keepaliveFetch) return;
    const url = new URL('activities/state', this.params.endpoint.endsWith('/') ? this.params.endpoint : `${this.params.endpoint}/`);
    url.searchParams.set('activityId', this.params.activityId);
    url.searchParams.set('agent', JSON.stringify(this.params.actor));
    url.searchParams.set('stateId', CMI5_STATE_ID);
    url.searchParams.set('registration', this.params.registration);
    void this.keepaliveFetch(url.toString(), {
      method: 'PUT',
      keepalive: true,
      headers: { Authorization: `Basic ${this.#cmi5.getAuthToken()}`, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' },
      body: JSON.stringify(this.#state),
    }).catch(() => undefined);
  }

  async finish(_exit: 'suspend' | 'normal'): Promise<void> {
    this.guard('finish');
    await this.sendUnsent(); // terminated must be the session's last statement (9.3.8)
    await this.writeState();
    this.#finished = true;
    const kept = { authToken: this.#cmi5.getAuthToken(), initializedDate: this.#cmi5.getInitializedDate().toISOString(), ended: true };
    await this.session.set(this.sessionKey, JSON.stringify(kept));
    await this.#cmi5.terminate();
    const back = httpUrl(this.#returnUrl);
    if (back && this.navigate) this.navigate(back);
  }

  /** The fetch URL is one launch's (8.2.3): the kept session belongs to it. */
  private get sessionKey(): string {
    return `xray-cmi5-session:${this.params.fetch}`;
  }

  private async readState(): Promise<Partial<StateDoc>> {
    try {
      const res = await this.#cmi5.xapi?.getState({ agent: this.params.actor, activityId: this.params.activityId, stateId: CMI5_STATE_ID, registration: this.params.registration });
      const doc = res?.data as Partial<StateDoc> | undefined;
      return doc && typeof doc === 'object' ? doc : {};
    } catch (e) {
      // Only 404 means "no document yet" (xAPI 1.0.3 State Resource). Taking a 401, a 5xx or a time-out for a fresh
      // start would overwrite the saved record at the first save and could send "passed" again (9.3.4).
      const status = (e as { response?: { status?: number } } | null)?.response?.status;
      if (status === 404) return {};
      throw new LmsError(
        `Your saved progress could not be read from the LRS (${status ? `HTTP ${status}` : e instanceof Error ? e.message : 'no answer'}); nothing was changed. Reload the page in a few minutes; if this goes on, contact your LMS administrator.`,
      );
    }
  }

  private async writeState(): Promise<void> {
    await this.#cmi5.xapi?.setState({ agent: this.params.actor, activityId: this.params.activityId, stateId: CMI5_STATE_ID, registration: this.params.registration, state: this.#state });
  }

  private guard(call: string): void {
    if (this.#finished) throw new LmsFinishedError(call);
  }
}
