import { html, nothing, type TemplateResult } from 'lit-html';

/**
 * Form fields of the training screens: each a labelled native control (a screen reader names it, Tab reaches it),
 * with an optional hint tied by aria-describedby. Values are the store's; each change is sent at once, so the form
 * on screen is always the state.
 */
export interface FieldOptions {
  readonly type?: 'text' | 'number' | 'url' | 'datetime-local' | 'password';
  readonly hint?: string;
  readonly min?: number;
  readonly max?: number;
  readonly placeholder?: string;
  readonly autocomplete?: string;
  readonly wide?: boolean;
}

const inputValue = (e: Event): string => (e.target as HTMLInputElement).value;

export function textField(id: string, label: string, value: string, onInput: (v: string) => void, o: FieldOptions = {}): TemplateResult {
  return html`<div class=${o.wide ? 'field field-wide' : 'field'}>
    <label for=${id}>${label}</label>
    <input id=${id} type=${o.type ?? 'text'} .value=${value} @input=${(e: Event) => onInput(inputValue(e))}
      min=${o.min ?? nothing} max=${o.max ?? nothing} placeholder=${o.placeholder ?? nothing} autocomplete=${o.autocomplete ?? 'off'}
      aria-describedby=${o.hint ? `${id}-hint` : nothing} spellcheck="false" />
    ${o.hint ? html`<span class="hint" id=${`${id}-hint`}>${o.hint}</span>` : nothing}
  </div>`;
}

export function selectField(id: string, label: string, value: string, options: readonly (readonly [value: string, text: string])[], onChange: (v: string) => void, hint?: string): TemplateResult {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <select id=${id} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)} aria-describedby=${hint ? `${id}-hint` : nothing}>
      ${options.map(([v, t]) => html`<option value=${v} ?selected=${v === value}>${t}</option>`)}
    </select>
    ${hint ? html`<span class="hint" id=${`${id}-hint`}>${hint}</span>` : nothing}
  </div>`;
}

export function checkField(id: string, label: string, checked: boolean, onChange: (v: boolean) => void): TemplateResult {
  return html`<div class="check">
    <input type="checkbox" id=${id} .checked=${checked} @change=${(e: Event) => onChange((e.target as HTMLInputElement).checked)} />
    <label for=${id}>${label}</label>
  </div>`;
}

/** A group of checkboxes (tools, lenses, levels) in a fieldset with its legend. */
export function checkGroup(id: string, legend: string, options: readonly (readonly [value: string, text: string])[], chosen: readonly string[], onToggle: (v: string) => void): TemplateResult {
  return html`<fieldset class="check-group" id=${id}>
    <legend>${legend}</legend>
    ${options.map(([v, t]) => checkField(`${id}-${v}`, t, chosen.includes(v), () => onToggle(v)))}
  </fieldset>`;
}

/** A table of text cells with a caption; a wide one scrolls with the panel it is in (one scroller, never nested). */
export function dataTable(id: string, caption: string, head: readonly string[], rows: readonly (readonly string[])[], o: { compact?: boolean } = {}): TemplateResult {
  return html`<div class="table-wrap">
    <table class=${o.compact ? 'data compact' : 'data'} id=${id}>
      <caption id=${`${id}-caption`}>${caption}</caption>
      <thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
      <tbody>${rows.map((r) => html`<tr>${r.map((c, i) => (i === 0 ? html`<th scope="row">${c}</th>` : html`<td>${c}</td>`))}</tr>`)}</tbody>
    </table>
  </div>`;
}
