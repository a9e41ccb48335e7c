import { html, nothing, type TemplateResult } from 'lit-html';
import { lensAllowed, toolAllowed, WINDOW_PRESETS, type SessionState } from '../domain/index.js';
import { LENSES } from '../lenses/index.js';
import { PRESET_LABELS } from '../presenters/index.js';
import type { GameState } from '../store/index.js';
import { button, type Dispatch } from './widgets.js';

/** Zoom by button (about the crosshair when it is shown, else the centre) and the DICOM header's own button. */
export function viewTools(st: GameState, dispatch: Dispatch): TemplateResult {
  const mode = st.session?.config.mode;
  const zoom = mode ? toolAllowed(mode, 'zoom') : true;
  return html`${zoom ? button('Zoom in', () => dispatch({ type: 'zoom', direction: 1 }), { key: '+', id: 'btn-zoom-in' }) : nothing}
    ${zoom ? button('Zoom out', () => dispatch({ type: 'zoom', direction: -1 }), { key: '-', id: 'btn-zoom-out' }) : nothing}
    ${button('DICOM header', () => dispatch({ type: 'header' }), { key: 'D', pressed: st.screen.headerOpen, id: 'btn-header' })}`;
}

/**
 * The viewer's tools while a film is read (a game's case or a drill's film): the ones the mode allows, the window
 * presets, the forensic lenses with the chosen lens explained, and how the mouse drives the viewer.
 */
export function readingTools(st: GameState, dispatch: Dispatch): TemplateResult {
  const mode = (st.session as SessionState).config.mode;
  const v = st.view;
  const lens = LENSES.find((l) => l.id === v.lens);
  return html`<h3>Tools</h3>
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
    <p class="hint">${toolAllowed(mode, 'windowLevel') ? 'Drag (or the keys [ ] , .; AltGr or Option where needed): window/level. ' : ''}${toolAllowed(mode, 'zoom') ? 'Wheel: zoom. ' : ''}${toolAllowed(mode, 'pan') ? 'Right-drag or Shift-drag, or the crosshair at the edge: pan. ' : ''}H: help.</p>`;
}
