import type { CaseId } from '../domain/index.js';
import type { CaseSource, CaseSpec, PreparedCase } from './case-types.js';

/**
 * Holds the prepared cases of a session: dedupes requests, prefetches the next case while the current one is read,
 * and keeps at most `capacity` cases in memory. An evicted case is regenerated on demand (generation is
 * deterministic), so memory stays bounded however long the round.
 */
export interface CaseLibrary {
  /** The session's cases; replaces the previous session's, keeping cases already prepared for an identical spec. */
  setSpecs(specs: readonly CaseSpec[]): void;
  /** Cases that outlive sessions (the atlas examples). */
  addPermanentSpecs(specs: readonly CaseSpec[]): void;
  prepare(id: CaseId): Promise<PreparedCase>;
  prefetch(id: CaseId): void;
  /** Cases currently held (for tests and diagnostics). */
  held(): readonly CaseId[];
  dispose(): void;
}

export function createCaseLibrary(source: CaseSource, capacity = 8): CaseLibrary {
  if (capacity < 2) throw new Error(`createCaseLibrary: capacity must be at least 2, got ${capacity}`);
  let specs = new Map<CaseId, CaseSpec>();
  const permanent = new Map<CaseId, CaseSpec>();
  // Insertion order of a Map is the LRU order: re-insert on use, evict from the front.
  const entries = new Map<CaseId, Promise<PreparedCase>>();

  const touch = (id: CaseId, p: Promise<PreparedCase>): void => {
    entries.delete(id);
    entries.set(id, p);
    while (entries.size > capacity) {
      const oldest = entries.keys().next().value as CaseId;
      entries.delete(oldest);
    }
  };

  const prepare = (id: CaseId): Promise<PreparedCase> => {
    const existing = entries.get(id);
    if (existing) {
      touch(id, existing);
      return existing;
    }
    const spec = specs.get(id) ?? permanent.get(id);
    if (!spec) return Promise.reject(new Error(`CaseLibrary: case "${id}" is not in this deck`));
    const p = source.prepare(spec);
    // A failed generation must not poison the cache: the next request tries again.
    p.catch(() => {
      if (entries.get(id) === p) entries.delete(id);
    });
    touch(id, p);
    return p;
  };

  return {
    setSpecs: (list) => {
      const before = specs;
      specs = new Map(list.map((s) => [s.id, s]));
      // A case prepared (or being prepared) for the same spec stays: the page prefetches a deck's first case before
      // the session that plays it starts. Anything else is dropped.
      for (const id of [...entries.keys()]) {
        const was = before.get(id);
        const now = specs.get(id);
        const same = was !== undefined && now !== undefined && JSON.stringify(was) === JSON.stringify(now);
        if (!same && !permanent.has(id)) entries.delete(id);
      }
    },
    addPermanentSpecs: (list) => {
      for (const spec of list) permanent.set(spec.id, spec);
    },
    prepare,
    prefetch: (id) => {
      prepare(id).catch(() => undefined);
    },
    held: () => [...entries.keys()],
    dispose: () => {
      entries.clear();
      source.dispose();
    },
  };
}
