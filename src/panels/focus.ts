/**
 * Keeps the keyboard focus where a keyboard reader expects it from one render to the next (WCAG 2.4.3 Focus Order).
 * A control that goes away while it has the focus (removed, or disabled) hands it on: to the element its
 * `data-focus-return` names (widgets.ts focusReturn), else to the screen's anchor. Left alone the focus falls to the
 * page: Tab starts again at the top and a screen reader says nothing. In a selection list (widgets.ts selectionList)
 * the focus follows the selection, and a newly selected row is scrolled into view.
 */
export interface FocusBefore {
  /** The focused element inside the screens before the render, if any. */
  readonly el: HTMLElement | null;
}

export function focusBefore(roots: readonly HTMLElement[]): FocusBefore {
  const el = document.activeElement;
  return { el: el instanceof HTMLElement && roots.some((r) => r.contains(el)) ? el : null };
}

const usable = (el: HTMLElement | null): el is HTMLElement => el?.isConnected === true && !el.matches(':disabled');

/** After a render: if the focused control went away, focus its named neighbour, else call `anchor`. */
export function handOnFocus(before: FocusBefore, anchor: () => void): void {
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
  else anchor();
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
