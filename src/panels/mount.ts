import { render } from 'lit-html';
import type { GameStore } from '../store/index.js';
import { focusBefore, FocusReturns, followSelection, handOnFocus, type SelectionSeen } from './focus.js';
import { baseKind, baseScreen, dialogScreen, type ShellDeps } from './shell.js';

/**
 * Mounts the HTML screens: one lit-html render of the base screen and one of the dialog layer, batched to a frame
 * whenever the store changes. Moves the focus to a screen's heading when the screen changes (so a screen reader
 * says where the reader is and Tab starts there), gives it back to the control that opened a dialog when the dialog
 * closes over the same screen, keeps it on the screen when the control that has it goes away and moves it along a
 * list's selection (focus.ts), makes the base inert while a dialog is open, and tells the viewer placement which slot
 * to cover after each render.
 */
export interface Panels {
  /** Renders now (tests and the first paint). */
  renderNow(): void;
  dispose(): void;
}

export function mountPanels(base: HTMLElement, dialogs: HTMLElement, store: GameStore, deps: ShellDeps, afterRender: () => void): Panels {
  let scheduled = false;
  let lastKey = '';
  let lastBase = '';
  const seen: SelectionSeen = new WeakMap();
  const returns = new FocusReturns();
  const renderNow = (): void => {
    scheduled = false;
    const st = store.getState();
    const before = focusBefore([base, dialogs]);
    render(baseScreen(st, deps), base);
    const top = dialogScreen(st, deps);
    render(top, dialogs);
    const dialogOpen = dialogs.firstElementChild !== null && dialogs.querySelector('[role="dialog"]') !== null;
    base.inert = dialogOpen;
    dialogs.classList.toggle('open', dialogOpen);
    const baseKey = `${baseKind(st)}|${st.session?.phase ?? ''}|${st.cme.module?.step ?? ''}`;
    const key = `${baseKey}|${st.screen.name}|${st.screen.error ?? ''}`;
    const anchor = (): void => focusHeading(dialogOpen ? dialogs : base);
    const back = returns.after([base, dialogs], before);
    if (key !== lastKey) {
      // A new screen under the dialog speaks its heading first; the same screen takes the focus back where it was.
      if (back && baseKey === lastBase) back.focus();
      else anchor();
      lastKey = key;
      lastBase = baseKey;
    } else handOnFocus(before, anchor, back);
    followSelection([dialogs, base], seen);
    afterRender();
  };
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(renderNow);
  };
  const unsub = store.subscribe(schedule);
  renderNow();
  return { renderNow, dispose: unsub };
}

/** Focus the screen's heading (a dialog's h2, a page's h1, the case's side panel heading), without scrolling. */
function focusHeading(root: HTMLElement): void {
  const target = root.querySelector<HTMLElement>('[role="dialog"] h2, #page-heading, #stage');
  target?.focus({ preventScroll: true });
}
