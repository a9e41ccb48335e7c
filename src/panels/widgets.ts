import { html, nothing, type TemplateResult } from 'lit-html';
import type { Intent } from '../input/index.js';

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
    ?disabled=${o.disabled === true}
    @mousedown=${keepFocus}
    @click=${onClick}
  ><span class="btn-label">${label}</span>${o.key ? html` <kbd>${o.key}</kbd>` : nothing}</button>`;
}

/**
 * A mouse press does not move the keyboard focus onto the button, so after clicking a rating Enter still gives the
 * answer (as the key map says) instead of pressing the rating again. Keyboard users Tab to buttons as usual.
 */
const keepFocus = (e: MouseEvent): void => e.preventDefault();

/** aria-keyshortcuts wants key names as the platform spells them. */
function keyShortcut(key: string): string {
  const names: Record<string, string> = { Esc: 'Escape', Space: 'Space', Enter: 'Enter', PgUp: 'PageUp', PgDn: 'PageDown' };
  return key.split(/\s*\/\s*/).map((k) => names[k] ?? k).join(' ');
}

/** A dialog over the game: a labelled region the focus moves into when it opens. */
export function dialog(id: string, title: string, body: TemplateResult | TemplateResult[], o: { wide?: boolean; full?: boolean } = {}): TemplateResult {
  const cls = ['dialog', o.wide ? 'dialog-wide' : '', o.full ? 'dialog-full' : ''].filter(Boolean).join(' ');
  return html`<section class=${cls} id=${id} role="dialog" aria-modal="true" aria-labelledby=${`${id}-title`}>
    <h2 id=${`${id}-title`} tabindex="-1">${title}</h2>
    ${body}
  </section>`;
}

export const pct = (r: number | null): string => (r === null ? 'n/a' : `${Math.round(r * 100)}%`);
