import * as cornerstone from 'cornerstone-core';
import type { Point } from '../domain/index.js';
import { readGeometry } from './view-geometry.js';
import { imageToCanvas } from './viewport-math.js';

/**
 * The magnifier loupe: a second cornerstone element that renders the same full-bit-depth image at a higher zoom
 * around the cursor (as cornerstone-tools' magnify tool does), so it shows native detail, not enlarged screen pixels.
 * It follows the pointer, or the keyboard crosshair (then a reticle marks its centre, where no cursor is drawn).
 */
export const LOUPE_SIZE_PX = 260;
const LOUPE_ZOOM = 3;

export interface Magnifier {
  readonly element: HTMLElement;
  /** The pointer moved (page coordinates), or left the image (inside false). */
  update(pageX: number, pageY: number, inside: boolean): void;
  /** Centre on an image point (the keyboard crosshair); null: stop following it. */
  follow(p: Point | null): void;
  setEnabled(on: boolean): void;
  destroy(): void;
}

/** Four short arms around the loupe's centre, white on a black outline, as the crosshair is drawn on the image. */
function reticle(): HTMLElement {
  const box = document.createElement('div');
  Object.assign(box.style, { position: 'absolute', left: '50%', top: '50%', width: '0', height: '0', zIndex: '1', visibility: 'hidden' });
  for (const [x, y, w, h] of [[6, -1, 14, 3], [-20, -1, 14, 3], [-1, 6, 3, 14], [-1, -20, 3, 14]] as const) {
    const arm = document.createElement('div');
    Object.assign(arm.style, {
      position: 'absolute', left: `${x}px`, top: `${y}px`, width: `${w}px`, height: `${h}px`, background: '#fff', boxShadow: '0 0 0 2px #000',
    });
    box.appendChild(arm);
  }
  return box;
}

export function createMagnifier(host: HTMLElement, main: HTMLElement): Magnifier {
  const loupe = document.createElement('div');
  loupe.className = 'viewer-loupe';
  loupe.setAttribute('aria-hidden', 'true');
  Object.assign(loupe.style, {
    position: 'absolute', width: `${LOUPE_SIZE_PX}px`, height: `${LOUPE_SIZE_PX}px`, borderRadius: '50%',
    overflow: 'hidden', border: '3px solid #00e5ff', boxShadow: '0 0 0 2px #000', pointerEvents: 'none',
    visibility: 'hidden', zIndex: '3', background: '#000', left: '0px', top: '0px',
  });
  host.appendChild(loupe);
  // Hidden by visibility, never display:none: cornerstone sizes the loupe's canvas from the element at enable time.
  cornerstone.enable(loupe);
  const mark = reticle();
  loupe.appendChild(mark);
  let enabled = false;
  let following = false;
  let shownImageId: string | null = null;

  const hide = (): void => {
    loupe.style.visibility = 'hidden';
    mark.style.visibility = 'hidden';
  };

  /** Centres the loupe on image point p, drawn at client position (clientX, clientY). */
  const place = (clientX: number, clientY: number, p: Point): void => {
    const image = safeImage(main);
    const vp = cornerstone.getViewport(main);
    if (!image || !vp) return;
    const hostBox = host.getBoundingClientRect();
    loupe.style.visibility = 'visible';
    mark.style.visibility = following ? 'visible' : 'hidden';
    loupe.style.left = `${clientX - hostBox.left - LOUPE_SIZE_PX / 2}px`;
    loupe.style.top = `${clientY - hostBox.top - LOUPE_SIZE_PX / 2}px`;
    const lvp = {
      ...vp,
      scale: Math.max(vp.scale * LOUPE_ZOOM, 1),
      translation: { x: image.width / 2 - p.x, y: image.height / 2 - p.y },
    };
    if (shownImageId !== image.imageId) {
      cornerstone.displayImage(loupe, image, lvp);
      shownImageId = image.imageId;
    } else {
      cornerstone.setViewport(loupe, lvp);
    }
  };

  return {
    element: loupe,
    update: (pageX, pageY, inside) => {
      following = false;
      if (!enabled || !inside) return hide();
      if (!safeImage(main)) return;
      place(pageX - window.scrollX, pageY - window.scrollY, cornerstone.pageToPixel(main, pageX, pageY));
    },
    follow: (p) => {
      if (!p) {
        if (following) hide();
        following = false;
        return;
      }
      following = true;
      const g = readGeometry(main);
      if (!enabled || !g) return hide();
      const c = imageToCanvas(p, g);
      const box = main.getBoundingClientRect();
      place(box.left + c.x, box.top + c.y, p);
    },
    setEnabled: (on) => {
      enabled = on;
      if (!on) hide();
    },
    destroy: () => {
      cornerstone.disable(loupe);
      loupe.remove();
    },
  };
}

function safeImage(el: HTMLElement): cornerstone.Image | undefined {
  try {
    return cornerstone.getEnabledElement(el).image;
  } catch {
    return undefined;
  }
}
