/**
 * Keeps the keyboard focus where a keyboard reader expects it from one render to the next (WCAG 2.4.3 Focus Order).
 * A control that goes away while it has the focus (removed, or disabled) hands it on: to the element its
 * `data-focus-return` names (widgets.ts focusReturn), else to the control that opened the overlay it was in, else to
 * the screen's anchor. Left alone the focus falls to the page: Tab starts again at the top and a screen reader says
 * nothing. An overlay (a dialog, the header panel: `data-overlay`) remembers what had the focus when it opened and,
 * closed, gives the focus back there if it is still on screen (FocusReturns). In a selection list
 * (widgets.ts selectionList) the focus follows the selection, and a newly selected row is scrolled into view.
 */
export interface FocusBefore {
  /** The focused element inside the screens before the render, if any. */
  readonly el: HTMLElement | null;
  /** The button clicked since the last render, if any: a mouse press leaves the focus where it was (widgets.ts). */
  readonly clicked: HTMLElement | null;
}

let clicked: HTMLElement | null = null;

/** A button was clicked: if the render that follows opens an overlay, this button opened it. */
export function noteClicked(el: HTMLElement): void {
  clicked = el;
}

export function focusBefore(roots: readonly HTMLElement[]): FocusBefore {
  const el = document.activeElement;
  const by = clicked && roots.some((r) => r.contains(clicked)) ? clicked : null;
  clicked = null;
  return { el: el instanceof HTMLElement && roots.some((r) => r.contains(el)) ? el : null, clicked: by };
}

const usable = (el: HTMLElement | null): el is HTMLElement => el?.isConnected === true && !el.matches(':disabled');

/** After a render: if the focused control went away, focus its named neighbour, else the opener `back`, else call `anchor`. */
export function handOnFocus(before: FocusBefore, anchor: () => void, back: HTMLElement | null = null): void {
  const el = before.el;
  if (!el) return;
  const active = document.activeElement;
  // Still there and focused. A button disabled by the render may stay the active element until the browser's focus
  // fixup runs, hence the check of `disabled` too.
  if (usable(el) && active === el) return;
  // The render moved the focus somewhere on purpose.
  if (active !== el && active !== null && active !== document.body) return;
  const selector = el.dataset.focusReturn;
  const next = selector ? document.querySelector<HTMLElement>(selector) : null;
  if (usable(next)) next.focus();
  else if (back) back.focus();
  else anchor();
}

/** An open overlay (by id) and what had the focus when it opened. */
export interface Opened<T> {
  readonly id: string;
  readonly opener: T | null;
}

/**
 * The chain of overlays after a render, given the ids open now and what had the focus before it. A newly open overlay
 * is pushed with that opener; the overlay it replaced stays below it (help opened from the menu goes back to the
 * menu, store/screen-slice.ts). With none new, the overlays on top that are no longer open are taken off: `closed`,
 * innermost first, whose openers are offered the focus in that order.
 */
export function overlaysAfter<T>(stack: readonly Opened<T>[], openNow: readonly string[], opener: T | null): { stack: Opened<T>[]; closed: Opened<T>[] } {
  const fresh = openNow.filter((id) => !stack.some((o) => o.id === id));
  if (fresh.length > 0) return { stack: [...stack, ...fresh.map((id) => ({ id, opener }))], closed: [] };
  const kept = [...stack];
  const closed: Opened<T>[] = [];
  while (kept.length > 0 && !openNow.includes((kept.at(-1) as Opened<T>).id)) closed.push(kept.pop() as Opened<T>);
  return { stack: kept, closed };
}

/** An opener: the element, and its id to find it again when its screen was drawn anew (a dialog's buttons are). */
interface Opener {
  readonly el: HTMLElement;
  readonly selector: string | null;
}

/** Whether the focus can go to `el`: on the page, enabled, shown and not under an open dialog. */
const canTakeFocus = (el: HTMLElement | null): el is HTMLElement => usable(el) && el.closest('[inert]') === null && el.checkVisibility();

/** Remembers the openers of the overlays across renders (mount.ts calls `after` on every render). */
export class FocusReturns {
  private stack: Opened<Opener>[] = [];

  /** After a render: the opener to give the focus back to, if an overlay closed and its opener is still on screen. */
  after(roots: readonly HTMLElement[], before: FocusBefore): HTMLElement | null {
    const open = roots.flatMap((r) => [...r.querySelectorAll<HTMLElement>('[data-overlay]')].map((e) => e.id));
    // A click opened the overlay (the focus stayed where it was), else the key pressed where the focus was.
    const el = before.clicked ?? before.el;
    const { stack, closed } = overlaysAfter(this.stack, open, el ? { el, selector: el.id ? `#${CSS.escape(el.id)}` : null } : null);
    this.stack = stack;
    for (const { opener } of closed) {
      if (!opener) continue;
      const again = opener.selector ? document.querySelector<HTMLElement>(opener.selector) : null;
      const found = [opener.el, again].find(canTakeFocus);
      if (found) return found;
    }
    return null;
  }
}

/** The row each list showed selected at the last render (a new list element has none, so its row scrolls into view). */
export type SelectionSeen = WeakMap<Element, string>;

export function followSelection(roots: readonly HTMLElement[], seen: SelectionSeen): void {
  for (const root of roots) {
    for (const list of root.querySelectorAll<HTMLElement>('[data-selection-list]')) {
      const row = list.querySelector<HTMLElement>('[aria-pressed="true"]');
      if (!row) continue;
      if (list.contains(document.activeElement) && document.activeElement !== row) row.focus({ preventScroll: true });
      if (seen.get(list) === row.id) continue;
      seen.set(list, row.id);
      row.scrollIntoView({ block: 'nearest' });
    }
  }
}
