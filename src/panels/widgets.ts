import { html, nothing, type TemplateResult } from 'lit-html';
import type { Intent } from '../input/index.js';
import { noteClicked } from './focus.js';

/**
 * Small building blocks of the HTML screens. Every control is a real <button>, so Tab reaches it, Enter and Space
 * press it and a screen reader names it; the key that does the same is shown in a <kbd> and named in the label.
 */
export type Dispatch = (intent: Intent) => void;

export interface ButtonOptions {
  readonly key?: string;
  readonly primary?: boolean;
  readonly danger?: boolean;
  readonly pressed?: boolean;
  readonly disabled?: boolean;
  readonly id?: string;
  readonly className?: string;
  readonly title?: string;
  /** 0: in the Tab order; -1: focusable by script only (the rows of a selection list but the selected one). */
  readonly tabIndex?: number;
  /**
   * Its action is running: shown disabled but kept focusable (aria-disabled, a press does nothing), so the focus
   * stays on it instead of falling to the page as it does from a disabled button.
   */
  readonly busy?: boolean;
  /** Where the focus goes if this button goes away while it has it (a selector; panels/focus.ts). */
  readonly focusReturn?: string;
}

export function button(label: string, onClick: () => void, o: ButtonOptions = {}): TemplateResult {
  const cls = ['btn', o.primary ? 'btn-primary' : '', o.danger ? 'btn-danger' : '', o.className ?? ''].filter(Boolean).join(' ');
  return html`<button
    type="button"
    class=${cls}
    id=${o.id ?? nothing}
    title=${o.title ?? nothing}
    aria-pressed=${o.pressed === undefined ? nothing : String(o.pressed)}
    aria-keyshortcuts=${o.key ? keyShortcut(o.key) : nothing}
    aria-disabled=${o.busy ? 'true' : nothing}
    tabindex=${o.tabIndex ?? nothing}
    data-focus-return=${o.focusReturn ?? nothing}
    ?disabled=${o.disabled === true}
    @mousedown=${keepFocus}
    @click=${o.busy ? ignore : (e: MouseEvent) => clickedThen(e, onClick)}
  ><span class="btn-label">${label}</span>${o.key ? html` <kbd>${o.key}</kbd>` : nothing}</button>`;
}

/**
 * A mouse press does not move the keyboard focus onto the button, so after clicking a rating Enter still gives the
 * answer (as the key map says) instead of pressing the rating again. Keyboard users Tab to buttons as usual.
 */
const keepFocus = (e: MouseEvent): void => e.preventDefault();
const ignore = (): void => undefined;
const clickedThen = (e: MouseEvent, onClick: () => void): void => {
  noteClicked(e.currentTarget as HTMLElement);
  onClick();
};

export interface ListRow {
  readonly label: string;
  readonly id: string;
  readonly onClick: () => void;
}

/**
 * Rows one of which is selected: Up/Down move the selection and Enter acts on the selected row, whether the focus is
 * on it or elsewhere (input/keymap.ts; input/keyboard.ts reads `data-selection-list`). Only the selected row is in
 * the Tab order (a roving tabindex, as the WAI-ARIA practices describe); focus.ts moves the focus along with the
 * selection and scrolls the selected row into view.
 */
export function selectionList(id: string, rows: readonly ListRow[], selected: number): TemplateResult {
  const back = `#${id} [tabindex="0"]`;
  return html`<ol class="list" id=${id} data-selection-list>${rows.map((r, i) => html`<li>${button(r.label, r.onClick, {
    pressed: i === selected, id: r.id, className: 'list-row', tabIndex: i === selected ? 0 : -1, focusReturn: back,
  })}</li>`)}</ol>`;
}

/** aria-keyshortcuts wants key names as the platform spells them. */
function keyShortcut(key: string): string {
  const names: Record<string, string> = { Esc: 'Escape', Space: 'Space', Enter: 'Enter', PgUp: 'PageUp', PgDn: 'PageDown', '←': 'ArrowLeft', '→': 'ArrowRight', Left: 'ArrowLeft', Right: 'ArrowRight' };
  return key.split(/\s*\/\s*/).map((k) => names[k] ?? k).join(' ');
}

/**
 * A dialog over the game: a labelled region the focus moves into when it opens and that gives the focus back to what
 * opened it when it closes (`data-overlay`, panels/focus.ts).
 */
export function dialog(id: string, title: string, body: TemplateResult | TemplateResult[], o: { wide?: boolean; full?: boolean } = {}): TemplateResult {
  const cls = ['dialog', o.wide ? 'dialog-wide' : '', o.full ? 'dialog-full' : ''].filter(Boolean).join(' ');
  return html`<section class=${cls} id=${id} role="dialog" aria-modal="true" aria-labelledby=${`${id}-title`} data-overlay>
    <h2 id=${`${id}-title`} tabindex="-1">${title}</h2>
    ${body}
  </section>`;
}

export const pct = (r: number | null): string => (r === null ? 'n/a' : `${Math.round(r * 100)}%`);
