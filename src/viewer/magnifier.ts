import * as cornerstone from 'cornerstone-core';

/**
 * The magnifier loupe: a second cornerstone element that renders the same full-bit-depth image at a higher zoom
 * around the cursor (as cornerstone-tools' magnify tool does), so it shows native detail, not enlarged screen pixels.
 */
export const LOUPE_SIZE_PX = 260;
const LOUPE_ZOOM = 3;

export interface Magnifier {
  readonly element: HTMLElement;
  update(pageX: number, pageY: number, inside: boolean): void;
  setEnabled(on: boolean): void;
  destroy(): void;
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
  let enabled = false;
  let shownImageId: string | null = null;

  const update = (pageX: number, pageY: number, inside: boolean): void => {
    if (!enabled || !inside) {
      loupe.style.visibility = 'hidden';
      return;
    }
    const image = safeImage(main);
    const vp = cornerstone.getViewport(main);
    if (!image || !vp) return;
    const p = cornerstone.pageToPixel(main, pageX, pageY);
    const hostBox = host.getBoundingClientRect();
    loupe.style.visibility = 'visible';
    loupe.style.left = `${pageX - window.scrollX - hostBox.left - LOUPE_SIZE_PX / 2}px`;
    loupe.style.top = `${pageY - window.scrollY - hostBox.top - LOUPE_SIZE_PX / 2}px`;
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
    update,
    setEnabled: (on) => {
      enabled = on;
      if (!on) loupe.style.visibility = 'hidden';
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
