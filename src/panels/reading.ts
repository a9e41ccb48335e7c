import { html, nothing, type TemplateResult } from 'lit-html';
import { lensAllowed, MAX_MARKS, RATING_LABELS, RATINGS, toolAllowed, WINDOW_PRESETS, type SessionState } from '../domain/index.js';
import { LENSES } from '../lenses/index.js';
import { PRESET_LABELS } from '../presenters/index.js';
import type { GameState } from '../store/index.js';
import { button, type Dispatch } from './widgets.js';

/** The side panel while reading: the six-point scale, the answer, marks, and the viewer's tools. */
export function readingPanel(st: GameState, dispatch: Dispatch): TemplateResult {
  const s = st.session as SessionState;
  const mode = s.config.mode;
  const loading = s.phase === 'loading';
  const chosen = s.phase === 'reading' ? s.rating : null;
  const v = st.view;
  let status: string;
  if (loading) status = 'Preparing the case...';
  else if (s.phase === 'timedOut') status = "Time's up: no answer was given, so this case counts as a time-out. Moving on...";
  else if (chosen) status = `Your rating: ${chosen} (${RATING_LABELS[chosen]}). Press Enter to give it, or choose another.`;
  else status = 'Choose a rating from 1 to 6.';
  const lens = LENSES.find((l) => l.id === v.lens);
  return html`<aside class="side" aria-labelledby="side-heading">
    <h2 id="side-heading">${loading ? 'Next case' : 'Real or fake?'}</h2>
    <div class="ratings" role="group" aria-label="Your rating">
      ${RATINGS.map((r) => button(`${r} ${RATING_LABELS[r]}`, () => dispatch({ type: 'rate', rating: r }), {
        pressed: chosen === r, disabled: s.phase !== 'reading', id: `btn-rate-${r}`, className: `rating rating-${r}`,
      }))}
    </div>
    ${button('Give this answer', () => dispatch({ type: 'confirm' }), { key: 'Enter', primary: true, disabled: chosen === null, id: 'btn-confirm' })}
    <p class="status" id="reading-status" aria-live="off">${status}</p>
    <p class="marks">Marks ${s.marks.length}/${MAX_MARKS}: click the image where you see the tell, or move the crosshair there with the arrow keys and press X (on a mark: remove it).</p>
    <h3>Tools</h3>
    <div class="tool-row">
      ${toolAllowed(mode, 'invert') ? button('Invert', () => dispatch({ type: 'invert' }), { key: 'I', pressed: v.inverted, id: 'btn-invert' }) : nothing}
      ${button('Reset view', () => dispatch({ type: 'resetView' }), { key: 'Space', id: 'btn-reset' })}
      ${toolAllowed(mode, 'magnifier') ? button('Loupe', () => dispatch({ type: 'magnifier' }), { key: 'M', pressed: v.magnifier, id: 'btn-loupe' }) : nothing}
      ${viewTools(st, dispatch)}
    </div>
    ${toolAllowed(mode, 'preset')
      ? html`<div class="tool-row" role="group" aria-label="Window presets (P cycles)">${WINDOW_PRESETS.map((p) =>
          button(PRESET_LABELS[p], () => dispatch({ type: 'setPreset', preset: p }), { pressed: v.preset === p, id: `btn-preset-${p}` }))}</div>`
      : nothing}
    ${mode.lenses.length > 0
      ? html`<h3>Forensic lenses</h3>
        <div class="tool-row" role="group" aria-label="Forensic lenses">${LENSES.filter((l) => lensAllowed(mode, l.id)).map((l) =>
          button(l.short, () => dispatch({ type: 'lens', id: l.id }), { key: l.key, pressed: v.lens === l.id, id: `btn-lens-${l.id}` }))}</div>
        ${lens ? html`<p class="lens-note"><strong>${lens.name}:</strong> ${lens.explanation}</p>` : nothing}`
      : nothing}
    <p class="hint">${toolAllowed(mode, 'windowLevel') ? 'Drag: window/level. ' : ''}${toolAllowed(mode, 'zoom') ? 'Wheel: zoom. ' : ''}${toolAllowed(mode, 'pan') ? 'Right-drag, or the crosshair at the edge: pan. ' : ''}H: help.</p>
  </aside>`;
}

/** Zoom by button (about the crosshair when it is shown, else the centre) and the DICOM header's own button. */
export function viewTools(st: GameState, dispatch: Dispatch): TemplateResult {
  const mode = st.session?.config.mode;
  const zoom = mode ? toolAllowed(mode, 'zoom') : true;
  return html`${zoom ? button('Zoom in', () => dispatch({ type: 'zoom', direction: 1 }), { key: '+', id: 'btn-zoom-in' }) : nothing}
    ${zoom ? button('Zoom out', () => dispatch({ type: 'zoom', direction: -1 }), { key: '-', id: 'btn-zoom-out' }) : nothing}
    ${button('DICOM header', () => dispatch({ type: 'header' }), { key: 'D', pressed: st.screen.headerOpen, id: 'btn-header' })}`;
}
