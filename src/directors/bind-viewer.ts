import { markHitsTell, tellsOfTruth, toolAllowed, type CaseRecord, type CaseTruth } from '../domain/index.js';
import { reviewedRecord, type GameState, type GameStore } from '../store/index.js';
import type { Overlay, ViewerPort } from '../viewer/index.js';

/** Screen pixels within which a click on an existing mark removes it. */
const MARK_TOLERANCE_SCREEN_PX = 16;

/** The overlay for the current state: the reader's marks while reading; tells and scored marks in a review. */
export function overlayFor(state: GameState): Overlay | null {
  // The debrief dashboard opens a case with its tells drawn (no session, no marks).
  const shown = state.screen.name === 'dashboard' ? state.training.dashboard.shown : null;
  if (shown) return { polygons: tellPolygons(shown.truth, true), marks: [] };
  const s = state.session;
  if (!s) return null;
  if (s.phase === 'reading' || s.phase === 'timedOut') return { polygons: [], marks: s.marks.map((point) => ({ point })) };
  const rec = reviewedRecord(state);
  return rec ? reviewOverlay(rec, state.screen.review.tellsVisible) : null;
}

export function reviewOverlay(rec: CaseRecord, tellsVisible: boolean): Overlay {
  // Hits are judged by the same rule as the score (domain/scoring.ts markHitsTell).
  const marks = rec.marks.map((point) => ({ point, hit: markHitsTell(rec.truth, point) }));
  return { polygons: tellPolygons(rec.truth, tellsVisible), marks };
}

function tellPolygons(truth: CaseTruth, tellsVisible: boolean): Overlay['polygons'] {
  const tells = tellsOfTruth(truth);
  // Tells that share a region (e.g. a pasted lesion and its blend halo) are drawn once with both ids.
  const byRegion = new Map<string, { points: (typeof tells)[number]['regions'][number]; ids: string[] }>();
  if (tellsVisible) {
    for (const t of tells) {
      for (const points of t.regions) {
        const key = points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(';');
        const entry = byRegion.get(key) ?? { points, ids: [] };
        if (!entry.ids.includes(t.artifactId)) entry.ids.push(t.artifactId);
        byRegion.set(key, entry);
      }
    }
  }
  return [...byRegion.values()].map((e) => ({ points: e.points, label: e.ids.join(' + ') }));
}

/**
 * Wires store -> viewer (tools, overlay, allowed mouse tools) and viewer -> store (marks, tools used). A mark placed
 * with X at the keyboard crosshair arrives through onMark as a click does, so it is kept and scored the same.
 */
export function bindViewerToStore(viewer: ViewerPort, store: GameStore): () => void {
  const mouseTools = (st: GameState): string => {
    const m = st.session?.config.mode;
    if (!m || st.screen.name === 'atlas') return 'windowLevel zoom pan';
    return (['windowLevel', 'zoom', 'pan'] as const).filter((t) => toolAllowed(m, t)).join(' ');
  };
  const subs = [
    store.subscribe((s) => s.view.inverted, (v) => viewer.setInvert(v)),
    store.subscribe((s) => s.view.magnifier, (v) => viewer.setMagnifier(v)),
    store.subscribe((s) => s.view.presetNonce, () => viewer.setPreset(store.getState().view.preset)),
    store.subscribe((s) => s.view.resetCount, () => viewer.resetView()),
    store.subscribe(overlayFor, (o) => viewer.setOverlay(o), { equalityFn: sameOverlay }),
    store.subscribe(mouseTools, (t) => viewer.setMouseTools(t.split(' ').filter(Boolean) as ('windowLevel' | 'zoom' | 'pan')[]), { fireImmediately: true }),
    // The crosshair belongs to the image under it: a case's or the atlas's example; a screen over them hides it.
    store.subscribe((s) => s.screen.name, (name) => {
      if (name !== 'game' && name !== 'atlas') viewer.hideCrosshair();
    }),
    viewer.onToolUsed((tool) => store.getState().noteTool(tool)),
    viewer.onMark((p) => {
      if (store.getState().session?.phase !== 'reading') return;
      store.getState().toggleMark(p, MARK_TOLERANCE_SCREEN_PX * viewer.imagePixelsPerScreenPixel());
    }),
  ];
  return () => {
    for (const unsub of subs) unsub();
  };
}

function sameOverlay(a: Overlay | null, b: Overlay | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.polygons.length === b.polygons.length &&
    a.polygons.every((p, i) => p.points === b.polygons[i]?.points) &&
    a.marks.length === b.marks.length &&
    a.marks.every((m, i) => m.point === b.marks[i]?.point && m.hit === b.marks[i]?.hit)
  );
}
