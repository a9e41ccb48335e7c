import * as cornerstone from 'cornerstone-core';
import { sameCaseImage, type Point } from '../domain/index.js';
import type { WindowPreset } from '../domain/index.js';
import { createKeyboardCrosshair } from './keyboard-crosshair.js';
import { createMagnifier } from './magnifier.js';
import { drawCrosshair, drawOverlay } from './overlay-draw.js';
import { presetVoi, stepVoi } from './presets.js';
import { attachViewerInput } from './viewer-input.js';
import type { Overlay, Rect, ViewerKeyEvent, ViewerPort, ViewerSnapshot } from './viewer-port.js';

/**
 * The ViewerPort over cornerstone-core: a fixed element laid over the viewer slot of the HTML screen on top.
 * cornerstone renders the 16-bit pixels through its VOI LUT; the element is sized before `enable` and resized by a
 * ResizeObserver (cornerstone sizes its canvas from the element).
 */
export function createCornerstoneViewer(host: HTMLElement): ViewerPort {
  const frame = document.createElement('div');
  frame.className = 'viewer-frame';
  // Hidden with visibility, not display: cornerstone sizes its canvas from the element, so it must keep its size.
  Object.assign(frame.style, { position: 'fixed', left: '0px', top: '0px', width: '10px', height: '10px', visibility: 'hidden' });
  const el = document.createElement('div');
  el.className = 'viewer';
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', 'Radiograph viewer');
  el.tabIndex = -1;
  Object.assign(el.style, { position: 'absolute', inset: '0', background: '#000', touchAction: 'none', cursor: 'crosshair' });
  frame.appendChild(el);
  host.appendChild(frame);
  cornerstone.enable(el);
  const magnifier = createMagnifier(frame, el);

  let overlay: Overlay | null = null;
  let currentImageId: string | null = null;
  let preset: WindowPreset = 'default';
  let inverted = false;
  const markListeners = new Set<(p: Point) => void>();
  const renderListeners = new Set<(s: ViewerSnapshot) => void>();
  const toolListeners = new Set<(t: 'windowLevel' | 'zoom' | 'pan') => void>();
  const keyViewListeners = new Set<(e: ViewerKeyEvent) => void>();
  let renderWaiters: (() => void)[] = [];
  let fitOnResize = true;
  let magnifierWanted = false;
  let visible = false;
  let mouseTools = new Set<'windowLevel' | 'zoom' | 'pan'>(['windowLevel', 'zoom', 'pan']);

  const maxValue = (): number => {
    const img = currentImage();
    return img ? Math.max(img.maxPixelValue, 255) : 4095;
  };
  const currentImage = (): cornerstone.Image | undefined => {
    try {
      return cornerstone.getEnabledElement(el).image;
    } catch {
      return undefined;
    }
  };
  const snapshot = (): ViewerSnapshot => {
    const vp = currentImage() ? cornerstone.getViewport(el) : undefined;
    return {
      imageId: currentImageId,
      voi: vp ? { windowCenter: vp.voi.windowCenter, windowWidth: vp.voi.windowWidth } : null,
      scale: vp?.scale ?? 1,
      inverted,
    };
  };
  const applyVoiAndInvert = (): void => {
    const img = currentImage();
    const vp = cornerstone.getViewport(el);
    if (!img || !vp) return;
    const voi = presetVoi(preset, { windowCenter: img.windowCenter, windowWidth: img.windowWidth }, maxValue());
    vp.voi = { windowCenter: voi.windowCenter, windowWidth: voi.windowWidth };
    vp.invert = inverted;
    cornerstone.setViewport(el, vp);
  };

  const crosshair = createKeyboardCrosshair(el, {
    allowed: (t) => mouseTools.has(t),
    onTool: (t) => toolListeners.forEach((l) => l(t)),
    onChange: () => {
      if (!crosshair.shown()) magnifier.follow(null);
      if (currentImage()) cornerstone.updateImage(el);
    },
    loupe: () => magnifierWanted,
    emit: (e) => keyViewListeners.forEach((l) => l(e)),
  });
  // The pointer in use takes the loupe and hides the keyboard crosshair; a pointer resting on the image does not (the
  // browser may send it a move with no movement when the page changes under it).
  let lastPointer: { x: number; y: number } | null = null;
  const onPointer = (pageX: number, pageY: number, inside: boolean): void => {
    const moved = !lastPointer || Math.hypot(pageX - lastPointer.x, pageY - lastPointer.y) >= 3;
    lastPointer = { x: pageX, y: pageY };
    if (crosshair.shown()) {
      if (!inside || !moved) return;
      crosshair.hide();
    }
    magnifier.update(pageX, pageY, inside);
  };

  const onRendered = (e: Event): void => {
    const detail = (e as CustomEvent).detail as { canvasContext: CanvasRenderingContext2D; enabledElement: cornerstone.EnabledElement; viewport: cornerstone.Viewport };
    const cross = crosshair.shown();
    if (overlay || cross) {
      const ctx = detail.canvasContext;
      ctx.save();
      cornerstone.setToPixelCoordinateSystem(detail.enabledElement, ctx);
      if (overlay) drawOverlay(ctx, overlay, detail.viewport.scale ?? 1);
      if (cross) drawCrosshair(ctx, cross, detail.viewport.scale ?? 1);
      ctx.restore();
    }
    // The window shown, for assistive tools and tests, as data-image-id says the image.
    const voi = detail.viewport.voi;
    if (voi) Object.assign(el.dataset, { windowCenter: String(voi.windowCenter), windowWidth: String(voi.windowWidth) });
    // Where the film is drawn (canvas px) and its size in pixels, so a test can tell a fitted, cut-off or stretched film.
    const img = detail.enabledElement.image;
    if (img) {
      // @types/cornerstone-core brands its coordinate types; plain points are what cornerstone takes.
      const tl = cornerstone.pixelToCanvas(el, { x: 0, y: 0 } as cornerstone.PixelCoordinate);
      const br = cornerstone.pixelToCanvas(el, { x: img.columns, y: img.rows } as cornerstone.PixelCoordinate);
      Object.assign(el.dataset, { film: [tl.x, tl.y, br.x - tl.x, br.y - tl.y].map((v) => v.toFixed(1)).join(' '), filmPixels: `${img.columns} ${img.rows}` });
    }
    // After any zoom, pan, reset or resize the loupe stays on the crosshair.
    if (cross && magnifierWanted) magnifier.follow(cross);
    const waiters = renderWaiters;
    renderWaiters = [];
    waiters.forEach((w) => w());
    const s = snapshot();
    renderListeners.forEach((l) => l(s));
  };
  el.addEventListener(cornerstone.EVENTS.IMAGE_RENDERED, onRendered);

  const detachInput = attachViewerInput(el, {
    maxValue,
    onMark: (p) => markListeners.forEach((l) => l(p)),
    onPointer,
    onPress: () => crosshair.hide(),
    onTool: (t) => toolListeners.forEach((l) => l(t)),
    allowed: (t) => mouseTools.has(t),
  });
  // cornerstone sizes its canvas from the element; keep them in step even before the first image.
  const ro = new ResizeObserver(() => cornerstone.resize(el, fitOnResize));
  ro.observe(el);

  // Latest request wins: paging through the atlas or the review faster than images load must never leave an older
  // image on screen under a newer title.
  let showTicket = 0;
  return {
    show: async (imageId, opts) => {
      const ticket = ++showTicket;
      const image = await cornerstone.loadAndCacheImage(imageId);
      if (ticket !== showTicket) return;
      const before = currentImage();
      // Decided against the image on screen, not the one last asked for: a request overtaken by a newer one never drew.
      const keep = opts?.keepViewport === true && before !== undefined && sameCaseImage(currentImageId, imageId);
      const vp = keep ? cornerstone.getViewport(el) : undefined;
      // Zoom and pan carry over (flicker, lenses); the window carries over only between images of one kind
      // (a fake and its original), not onto a lens image whose values mean something else.
      const sameKind = before !== undefined && before.windowCenter === image.windowCenter && before.windowWidth === image.windowWidth;
      // A new case starts without the crosshair; the same case through a lens or its original keeps it.
      if (!vp) crosshair.forget();
      currentImageId = imageId;
      const rendered = new Promise<void>((resolve) => renderWaiters.push(resolve));
      cornerstone.resize(el, false);
      if (vp) {
        cornerstone.displayImage(el, image, vp);
        if (!sameKind) applyVoiAndInvert();
      } else {
        fitOnResize = true;
        cornerstone.displayImage(el, image);
        cornerstone.fitToWindow(el);
        applyVoiAndInvert();
      }
      await rendered;
      // What is on screen, for assistive tools and tests ('game:<case id>[:original][:lens=...]'; never patient data).
      if (ticket === showTicket) el.dataset.imageId = imageId;
    },
    clear: () => {
      crosshair.forget();
      currentImageId = null;
      overlay = null;
      cornerstone.disable(el);
      cornerstone.enable(el);
    },
    setInvert: (on) => {
      inverted = on;
      const vp = cornerstone.getViewport(el);
      if (vp && currentImage()) {
        vp.invert = on;
        cornerstone.setViewport(el, vp);
      }
    },
    setPreset: (p) => {
      preset = p;
      applyVoiAndInvert();
    },
    resetView: () => {
      if (!currentImage()) return;
      fitOnResize = true;
      cornerstone.fitToWindow(el);
      const vp = cornerstone.getViewport(el);
      if (vp) {
        vp.translation = { x: 0, y: 0 };
        cornerstone.setViewport(el, vp);
      }
      applyVoiAndInvert();
    },
    setMagnifier: (on) => {
      magnifierWanted = on;
      magnifier.setEnabled(on && visible);
      if (on) magnifier.follow(crosshair.shown());
    },
    setOverlay: (o) => {
      overlay = o;
      if (currentImage()) cornerstone.updateImage(el);
    },
    onMark: (cb) => {
      markListeners.add(cb);
      return () => markListeners.delete(cb);
    },
    onToolUsed: (cb) => {
      toolListeners.add(cb);
      return () => toolListeners.delete(cb);
    },
    onRender: (cb) => {
      renderListeners.add(cb);
      return () => renderListeners.delete(cb);
    },
    setBounds: (r: Rect) => {
      Object.assign(frame.style, { left: `${r.x}px`, top: `${r.y}px`, width: `${r.width}px`, height: `${r.height}px` });
    },
    setMouseTools: (tools) => {
      mouseTools = new Set(tools);
    },
    moveCrosshair: (dx, dy, big) => crosshair.move(dx, dy, big),
    markAtCrosshair: () => {
      const p = crosshair.markPoint();
      if (p) markListeners.forEach((l) => l(p));
    },
    zoom: (direction) => crosshair.zoom(direction),
    hideCrosshair: () => crosshair.hide(),
    stepWindow: (step, big) => {
      const img = currentImage();
      if (!img || !mouseTools.has('windowLevel')) return;
      const vp = cornerstone.getViewport(el);
      if (!vp) return;
      const s = stepVoi(vp.voi, step, big, { min: img.minPixelValue, max: img.maxPixelValue });
      vp.voi = { windowCenter: s.voi.windowCenter, windowWidth: s.voi.windowWidth };
      cornerstone.setViewport(el, vp);
      toolListeners.forEach((l) => l('windowLevel'));
      keyViewListeners.forEach((l) => l({ kind: 'window', step, voi: s.voi, atLimit: s.atLimit }));
    },
    onKeyView: (cb) => {
      keyViewListeners.add(cb);
      return () => keyViewListeners.delete(cb);
    },
    setVisible: (v) => {
      visible = v;
      frame.style.visibility = v ? 'visible' : 'hidden';
      magnifier.setEnabled(magnifierWanted && v);
      if (v && magnifierWanted) magnifier.follow(crosshair.shown());
    },
    snapshot,
    imagePixelsPerScreenPixel: () => 1 / (cornerstone.getViewport(el)?.scale ?? 1),
    destroy: () => {
      ro.disconnect();
      detachInput();
      el.removeEventListener(cornerstone.EVENTS.IMAGE_RENDERED, onRendered);
      magnifier.destroy();
      cornerstone.disable(el);
      frame.remove();
    },
  };
}
