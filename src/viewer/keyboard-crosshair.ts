import type { Point } from '../domain/index.js';
import { applyView, readGeometry } from './view-geometry.js';
import type { ViewerKeyEvent } from './viewer-port.js';
import { fitScale, KEY_ZOOM_FACTOR, moveCrosshair, viewCentre, zoomAbout, type Edge, type ViewGeometry } from './viewport-math.js';

/**
 * The keyboard crosshair over cornerstone: where it is (image pixels), whether it is shown, and the zoom and pan the
 * keys ask for. The maths is viewport-math.ts; this reads cornerstone's viewport and writes it back.
 */
export interface KeyboardCrosshair {
  /** The crosshair while it is shown, else null. */
  shown(): Point | null;
  move(dx: -1 | 0 | 1, dy: -1 | 0 | 1, big: boolean): void;
  /** The point to mark, or null when the crosshair was hidden (this call shows it instead). */
  markPoint(): Point | null;
  zoom(direction: 1 | -1): void;
  hide(): void;
  /** A new image: hide it and forget where it was (the next one starts at the view's centre). */
  forget(): void;
}

export interface CrosshairDeps {
  readonly allowed: (tool: 'zoom' | 'pan') => boolean;
  readonly onTool: (tool: 'zoom' | 'pan') => void;
  /** Shown, moved or hidden: redraw. */
  readonly onChange: () => void;
  readonly loupe: () => boolean;
  readonly emit: (e: ViewerKeyEvent) => void;
}

export function createKeyboardCrosshair(el: HTMLElement, deps: CrosshairDeps): KeyboardCrosshair {
  let point: Point | null = null;
  let visible = false;

  const event = (change: 'shown' | 'moved' | 'hidden', g: ViewGeometry, p: Point, edge: Edge | null): ViewerKeyEvent => ({
    kind: 'crosshair', change, point: p, image: g.image, edge, loupe: deps.loupe(),
  });

  const show = (g: ViewGeometry): void => {
    // Where it was if that is still on screen, else the nearest point that is (the view's centre the first time).
    point = moveCrosshair(point ?? viewCentre(g), 0, 0, false, g, false).point;
    visible = true;
    deps.onChange();
    deps.emit(event('shown', g, point, null));
  };

  const hide = (): void => {
    if (!visible) return;
    visible = false;
    deps.onChange();
    const g = readGeometry(el);
    if (g && point) deps.emit(event('hidden', g, point, null));
  };

  return {
    shown: () => (visible ? point : null),
    move: (dx, dy, big) => {
      const g = readGeometry(el);
      if (!g) return;
      if (!visible || !point) return show(g);
      const m = moveCrosshair(point, dx, dy, big, g, deps.allowed('pan'));
      point = m.point;
      if (m.translation.x !== g.translation.x || m.translation.y !== g.translation.y) {
        applyView(el, { translation: m.translation });
        deps.onTool('pan');
      }
      deps.onChange();
      deps.emit(event('moved', g, point, m.edge));
    },
    markPoint: () => {
      if (visible && point) return point;
      const g = readGeometry(el);
      if (g) show(g);
      return null;
    },
    zoom: (direction) => {
      const g = readGeometry(el);
      if (!g || !deps.allowed('zoom')) return;
      const z = zoomAbout(g, visible && point ? point : viewCentre(g), KEY_ZOOM_FACTOR ** direction);
      applyView(el, z);
      deps.onTool('zoom');
      deps.emit({ kind: 'zoom', direction, scale: z.scale, fitScale: fitScale(g.image, g.canvas), atLimit: z.scale === g.scale });
    },
    hide,
    forget: () => {
      hide();
      point = null;
    },
  };
}
