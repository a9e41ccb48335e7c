import { caseImageId, casesPreparedAhead, currentCaseId, DRILL_MIN_CHANGE_MS, upcomingCaseIds, type CaseId, type SessionState } from '../domain/index.js';
import type { CaseLibrary } from '../decks/index.js';
import { reviewedRecord, type GameStore } from '../store/index.js';
import type { ViewerPort } from '../viewer/index.js';

/**
 * Orchestrates which image is on screen: prepares the case when a case starts loading, shows it, starts the clock
 * only once it is drawn (CASE_SHOWN), prepares the next cases while this one is read, and in review shows each
 * case (or its original, for compare and flicker). No rules here: the store and domain decide; this only sequences.
 */
export interface CaseFlowDeps {
  readonly store: GameStore;
  readonly viewer: ViewerPort;
  readonly library: CaseLibrary;
  /** Marks when the first case has been drawn (performance benchmark). */
  readonly onFirstCaseVisible?: () => void;
  /** Marks when the first case's pixels are ready (performance benchmark). */
  readonly onFirstCasePrepared?: (generationMs: number, madeAhead: boolean) => void;
  /**
   * Runs `f` once the frame now being drawn has been painted (default: at once). The next cases' preparation waits
   * for the first case's paint: the worker's next film would otherwise share the two cores with that paint.
   */
  readonly afterPaint?: (f: () => void) => void;
  /** Atlas examples by entry index (null where the game cannot make one). */
  readonly atlasExamples?: readonly (CaseId | null)[];
}

/** How long the time-out notice stays before the game moves on by itself (it says so; no key is asked for). */
export const TIMEOUT_PAUSE_MS = 1600;
const FLICKER_MS = 600;

/** How long the atlas selection must rest before its live example is made. */
const ATLAS_SETTLE_MS = 150;

export function startCaseFlow(deps: CaseFlowDeps): () => void {
  const { store, viewer, library } = deps;
  let firstShown = false;
  let firstPrepared = false;
  let advanceTimer: ReturnType<typeof setTimeout> | null = null;
  let flickerTimer: ReturnType<typeof setInterval> | null = null;
  let atlasTimer: ReturnType<typeof setTimeout> | null = null;

  const lens = (): string | null => store.getState().view.lens;
  const fail = (err: unknown): void => {
    store.getState().setError(`${(err as Error).message ?? String(err)} Press Esc for the menu, or reload to try again.`);
  };

  /** Cases are kept ready ahead (domain/readiness/pace.ts), and a drill changes film at a fixed minimum pace. */
  const prefetchAhead = (s: SessionState): void => {
    for (const id of upcomingCaseIds(s, casesPreparedAhead(s.config.mode))) library.prefetch(id);
  };

  const loadCase = (s: SessionState): void => {
    const id = currentCaseId(s);
    if (!id) return;
    const minShowAt = s.config.mode.drill ? Date.now() + DRILL_MIN_CHANGE_MS : 0;
    library
      .prepare(id)
      .then(async (c) => {
        if (!firstPrepared) {
          firstPrepared = true;
          deps.onFirstCasePrepared?.(c.generationMs, c.madeAhead === true);
        }
        const wait = minShowAt - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const still = store.getState().session;
        if (still?.phase !== 'loading' || currentCaseId(still) !== id) return;
        await viewer.show(caseImageId(id, false, lens()));
        const now = store.getState().session;
        if (now?.phase !== 'loading' || currentCaseId(now) !== id) return;
        store.getState().setHeader(c.header);
        store.getState().caseShown(c.truth);
        if (!firstShown) {
          firstShown = true;
          deps.onFirstCaseVisible?.();
          const afterPaint = deps.afterPaint ?? ((f: () => void) => f());
          afterPaint(() => {
            const later = store.getState().session;
            if (later) prefetchAhead(later);
          });
        } else prefetchAhead(now);
      })
      .catch(fail);
  };

  const showReview = (): void => {
    const st = store.getState();
    const rec = reviewedRecord(st);
    if (!rec) return;
    const original = st.screen.review.compare === 'original' && rec.truth.kind === 'forged';
    // keepViewport keeps the view of the same case only (compare, flicker); another case is fitted, as while reading.
    viewer.show(caseImageId(rec.caseId, original, lens()), { keepViewport: true }).catch(fail);
    library.prepare(rec.caseId).then((c) => store.getState().setHeader(c.header)).catch(fail);
  };

  const showAtlas = (): void => {
    const st = store.getState();
    const id = deps.atlasExamples?.[st.screen.atlasIndex];
    if (st.screen.name !== 'atlas' || !id) return;
    viewer.show(caseImageId(id, st.screen.review.compare === 'original', lens()), { keepViewport: true }).catch(fail);
    library.prepare(id).then((c) => store.getState().setHeader(c.header)).catch(fail);
  };

  /** After the atlas closes: put the session's image back. */
  const showSessionImage = (): void => {
    const s = store.getState().session;
    if (!s) return;
    if (s.phase === 'roundReview' || s.phase === 'caseReview') return showReview();
    const id = currentCaseId(s);
    if (id && (s.phase === 'reading' || s.phase === 'timedOut')) {
      viewer.show(caseImageId(id, false, lens()), { keepViewport: true }).catch(fail);
    }
  };

  /** A lens was switched on or off: show the same case through it, keeping zoom and pan. */
  const onLens = (): void => {
    if (store.getState().screen.name === 'atlas') showAtlas();
    else showSessionImage();
  };

  const onPhase = (s: SessionState | null, prev: SessionState | null): void => {
    if (advanceTimer) clearTimeout(advanceTimer);
    advanceTimer = null;
    const phase = s?.phase;
    if (!s) return;
    if (phase === 'briefing') {
      const first = s.config.rounds[s.round]?.[0];
      if (first) library.prefetch(first);
      if (s.config.mode.drill) prefetchAhead(s);
    } else if (phase === 'loading' && (prev?.phase !== 'loading' || currentCaseId(prev) !== currentCaseId(s))) {
      loadCase(s);
    } else if (phase === 'timedOut') {
      const count = s.records.length;
      advanceTimer = setTimeout(() => {
        const cur = store.getState().session;
        if (cur?.phase === 'timedOut' && cur.records.length === count) store.getState().next();
      }, TIMEOUT_PAUSE_MS);
    } else if ((phase === 'roundReview' && (prev?.phase !== 'roundReview' || prev.round !== s.round)) || (phase === 'caseReview' && prev?.phase !== 'caseReview')) {
      showReview();
    }
  };

  const subs = [
    store.subscribe((st) => st.session, onPhase),
    store.subscribe((st) => [st.screen.review.index, st.screen.review.compare] as const, () => {
      if (store.getState().screen.name !== 'atlas') showReview();
    }, {
      equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1],
    }),
    store.subscribe((st) => [st.screen.name === 'atlas', st.screen.atlasIndex, st.screen.review.compare] as const, (next, prev) => {
      if (atlasTimer) clearTimeout(atlasTimer);
      atlasTimer = null;
      // Paging through entries: make the example of the entry the reader stops on, not one of each passed over
      // (every example is generated on the spot, and a queue of stale ones would delay the one wanted).
      if (next[0] && prev[0] && next[1] !== prev[1]) atlasTimer = setTimeout(showAtlas, ATLAS_SETTLE_MS);
      else if (next[0]) showAtlas();
      else if (prev[0]) showSessionImage();
    }, {
      equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2],
    }),
    store.subscribe((st) => st.view.lens, onLens),
    store.subscribe(
      (st) => st.screen.review.flicker,
      (on) => {
        if (flickerTimer) clearInterval(flickerTimer);
        flickerTimer = on ? setInterval(() => store.getState().toggleCompare(), FLICKER_MS) : null;
      },
    ),
  ];
  onPhase(store.getState().session, null);
  return () => {
    subs.forEach((u) => u());
    if (advanceTimer) clearTimeout(advanceTimer);
    if (flickerTimer) clearInterval(flickerTimer);
    if (atlasTimer) clearTimeout(atlasTimer);
  };
}
