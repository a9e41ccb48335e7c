import { viewerShouldShow, type GameStore } from '../store/index.js';
import type { ViewerPort } from '../viewer/index.js';

/**
 * The one owner of the viewer's visibility and place: shown while a case (or an atlas example) is on screen and
 * nothing covers it, laid over the screen's viewer slot (`[data-viewer-slot]`, drawn by the HTML panels), and
 * kept there when the window or the layout changes size.
 */
export function bindViewerVisibility(store: GameStore, viewer: ViewerPort, atlasHasExample?: (index: number) => boolean): { place(): void; dispose(): void } {
  let observed: Element | null = null;
  const ro = new ResizeObserver(() => place());
  function place(): void {
    const slots = [...document.querySelectorAll<HTMLElement>('[data-viewer-slot]')];
    const slot = slots.find((el) => el.offsetParent !== null) ?? null;
    if (slot !== observed) {
      if (observed) ro.unobserve(observed);
      if (slot) ro.observe(slot);
      observed = slot;
    }
    const show = slot !== null && viewerShouldShow(store.getState(), atlasHasExample);
    // A slot inside a dialog (the atlas's live example) needs the viewer above the dialog layer.
    const layer = document.getElementById('viewer-layer');
    layer?.classList.toggle('over-dialog', slot?.closest('[role="dialog"]') != null);
    // The layer is a landmark (index.html): with no image in it, it is hidden from screen readers, not an empty region.
    layer?.setAttribute('aria-hidden', String(!show));
    if (slot) {
      const r = slot.getBoundingClientRect();
      viewer.setBounds({ x: r.left, y: r.top, width: r.width, height: r.height });
    }
    viewer.setVisible(show);
  }
  const onResize = (): void => place();
  window.addEventListener('resize', onResize);
  const unsub = store.subscribe((st) => viewerShouldShow(st, atlasHasExample), () => place());
  return {
    place,
    dispose: () => {
      unsub();
      ro.disconnect();
      window.removeEventListener('resize', onResize);
    },
  };
}
