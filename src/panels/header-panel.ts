import { html, type TemplateResult } from 'lit-html';
import type { GameState } from '../store/index.js';
import { button, type Dispatch } from './widgets.js';

/**
 * The header panel (D): the case's de-identified DICOM attributes, beside the image, scrolling on its own. Closed, it
 * gives the focus back to what opened it (`data-overlay`, panels/focus.ts).
 */
export function headerPanel(st: GameState, dispatch: Dispatch): TemplateResult {
  const fields = st.screen.header ?? [];
  return html`<section class="header-panel" id="header-panel" aria-labelledby="header-panel-title" data-overlay>
    <h2 id="header-panel-title">DICOM header</h2>
    ${fields.length === 0 ? html`<p>No header for this screen.</p>` : html`<dl class="header-fields" id="header-fields" tabindex="0">
      ${fields.map((f) => html`<dt><code>${f.tag}</code> ${f.name}</dt><dd>${f.value}</dd>`)}</dl>`}
    ${button('Close', () => dispatch({ type: 'header' }), { key: 'D', id: 'btn-close-header' })}
  </section>`;
}
