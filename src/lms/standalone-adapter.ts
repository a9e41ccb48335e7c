import { LmsFinishedError, type LmsInteraction, type LmsLaunch, type LmsPort, type LmsResult } from './lms-port.js';

/**
 * No LMS: the module still plays, and what an LMS would have received is kept in the browser behind a small
 * key-value port (localStorage in the page, a Map in tests), so a reload resumes. `isTracked` is false, so the screens
 * must say that no LMS is recording this. Nothing leaves the browser.
 */
export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
}

/** localStorage behind the port; storage refused (private mode, quota) becomes an Error naming what to do. */
export function localStorageStore(storage: Pick<Storage, 'getItem' | 'setItem'>): KeyValueStore {
  return {
    get: async (k) => storage.getItem(k),
    set: async (k, v) => {
      try {
        storage.setItem(k, v);
      } catch (e) {
        throw new Error(`This browser refused to save the module's progress (${e instanceof Error ? e.message : String(e)}). Leave private browsing or free some space, or finish in one sitting.`);
      }
    },
  };
}

export function memoryStore(): KeyValueStore & { readonly data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, get: async (k) => data.get(k) ?? null, set: async (k, v) => void data.set(k, v) };
}

/** What standalone play keeps: the same things an LMS would get. */
export interface StandaloneRecord {
  resumeData: string;
  progress: number;
  location: string;
  interactions: (Omit<LmsInteraction, 'at'> & { at: string })[];
  result: LmsResult | null;
  exit: 'suspend' | 'normal' | null;
}

export class StandaloneAdapter implements LmsPort {
  readonly kind = 'standalone';
  #finished = false;
  #record: StandaloneRecord = { resumeData: '', progress: 0, location: '', interactions: [], result: null, exit: null };

  /** `key` separates modules (the module fingerprint); `reason` says why no LMS was found, for the notice. */
  constructor(private readonly store: KeyValueStore, private readonly key: string, private readonly reason: string) {}

  get isFinished(): boolean {
    return this.#finished;
  }

  get record(): Readonly<StandaloneRecord> {
    return this.#record;
  }

  async initialize(): Promise<LmsLaunch> {
    const saved = await this.store.get(this.key);
    if (saved) {
      try {
        this.#record = { ...this.#record, ...(JSON.parse(saved) as Partial<StandaloneRecord>) };
      } catch {
        // An unreadable record starts the module afresh rather than blocking it.
      }
    }
    // A finished module starts again from the beginning, as an LMS would start a new attempt.
    if (this.#record.exit === 'normal') this.#record = { resumeData: '', progress: 0, location: '', interactions: [], result: null, exit: null };
    return {
      kind: this.kind, isTracked: false, learner: null, resumeData: this.#record.resumeData, mode: 'normal', masteryScore: null,
      moveOn: null, returnUrl: null, standaloneReason: this.reason,
    };
  }

  async recordInteraction(i: LmsInteraction): Promise<void> {
    this.guard('recordInteraction');
    this.#record.interactions.push({ ...i, at: i.at.toISOString() });
  }

  async setProgress(measure: number, location: string, resumeData: string): Promise<void> {
    this.guard('setProgress');
    Object.assign(this.#record, { progress: measure, location, resumeData });
  }

  async setResult(result: LmsResult): Promise<void> {
    this.guard('setResult');
    this.#record.result = result;
  }

  async commit(): Promise<void> {
    this.guard('commit');
    await this.store.set(this.key, JSON.stringify(this.#record));
  }

  async finish(exit: 'suspend' | 'normal'): Promise<void> {
    this.guard('finish');
    this.#record.exit = exit;
    this.#finished = true;
    await this.store.set(this.key, JSON.stringify(this.#record));
  }

  private guard(call: string): void {
    if (this.#finished) throw new LmsFinishedError(call);
  }
}
