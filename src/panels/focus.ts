/**
 * Keeps the keyboard focus where a keyboard reader expects it from one render to the next (WCAG 2.4.3 Focus Order).
 * In a selection list (widgets.ts selectionList) the focus follows the selection, and a newly selected row is
 * scrolled into view.
 */
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
