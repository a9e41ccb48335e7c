import { html, type TemplateResult } from 'lit-html';
import { countOf, getMode } from '../domain/index.js';
import { button, type Dispatch } from './widgets.js';

/** The title screen: what the game is, and the ways in. */
export function titlePage(dispatch: Dispatch): TemplateResult {
  const practice = getMode('practice');
  return html`<div class="page page-title">
    <h1 id="page-heading" tabindex="-1">Real or Fake?</h1>
    <p class="subtitle">Radiograph deepfake reading trainer</p>
    <p>Generative models now make chest radiographs that fool most readers, and tampering tools can add or remove a
      lesion. Train your eye in timed rounds: rate each image, mark the tell, and learn from every fake.</p>
    <p><strong>${practice.name}:</strong> ${practice.description}
      ${countOf(practice.rounds, 'round')} of ${countOf(practice.casesPerRound, 'case')}, ${practice.secondsPerCase} seconds each.</p>
    <div class="actions">${button('Start practice', () => dispatch({ type: 'confirm' }), { key: 'Enter', primary: true, id: 'btn-start' })}</div>
    <nav class="actions actions-row" aria-label="More">
      ${button('Artifact atlas', () => dispatch({ type: 'atlas' }), { key: 'A', id: 'btn-atlas' })}
      ${button('Case packs', () => dispatch({ type: 'packs' }), { key: 'K', id: 'btn-packs' })}
      ${button('Results and history', () => dispatch({ type: 'history' }), { key: 'R', id: 'btn-history' })}
      ${button('Publish a CME module', () => dispatch({ type: 'moduleBuilder' }), { key: 'L', id: 'btn-module-builder' })}
      ${button('Controls', () => dispatch({ type: 'help' }), { key: 'H', id: 'btn-help' })}
    </nav>
    <nav class="actions actions-row" aria-label="For instructors and leads">
      ${button('Training session for a class', () => dispatch({ type: 'training', action: { kind: 'openSetup' } }), { key: 'N', id: 'btn-training-setup' })}
      ${button('Debrief dashboard', () => dispatch({ type: 'training', action: { kind: 'openDashboard' } }), { key: 'B', id: 'btn-dashboard' })}
      ${button('Drill report', () => dispatch({ type: 'drillReport' }), { key: 'W', id: 'btn-drill-report' })}
    </nav>
    <p class="note">The demo deck is simulated: every radiograph is generated in your browser from a seed by a chest
      phantom and X-ray physics model, and the fakes are made from those images. Case packs (K) play your
      department's own images instead. No image or answer leaves this machine unless you export it.</p>
  </div>`;
}
