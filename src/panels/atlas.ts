import { html, nothing, type TemplateResult } from 'lit-html';
import { liveExampleText, type AtlasEntry } from '../decks/index.js';
import { LENSES } from '../lenses/index.js';
import { CATEGORY_LABELS } from '../presenters/index.js';
import type { GameState } from '../store/index.js';
import { button, dialog, selectionList, type Dispatch } from './widgets.js';

/**
 * The artifact atlas: every catalog entry with what it looks like, why it happens, how to look, the generator
 * families, the lens that reveals it and its sources, and a live before/after example in the viewer slot.
 */
export function atlasDialog(st: GameState, atlas: readonly AtlasEntry[], dispatch: Dispatch): TemplateResult {
  const index = Math.min(st.screen.atlasIndex, atlas.length - 1);
  const entry = atlas[index];
  const r = st.screen.review;
  return dialog('atlas', 'Artifact atlas', html`<div class="atlas">
    <nav class="atlas-list" aria-label="Atlas entries (Up/Down)">
      ${selectionList('atlas-entries', atlas.map((e, i) => ({
        label: `${e.artifact.id} ${e.artifact.name}`, id: `atlas-row-${e.artifact.id}`, onClick: () => dispatch({ type: 'atlasGoto', index: i }),
      })), index)}
    </nav>
    <div class="atlas-example">
      ${entry?.example
        ? html`<div class="viewer-slot" data-viewer-slot="atlas" aria-hidden="true"></div>
          <p class="note" id="atlas-showing">${r.compare === 'original' ? 'Showing the ORIGINAL.' : 'Showing the FAKE.'} C compares, F flickers.</p>`
        : html`<p class="note">No live example: the game cannot make this tell yet; it is taught here in words.</p>`}
    </div>
    ${entry ? entryDetail(entry, dispatch, st.cme.module === null) : nothing}
  </div>`, { full: true });
}

function entryDetail(entry: AtlasEntry, dispatch: Dispatch, canDrill: boolean): TemplateResult {
  const a = entry.artifact;
  const lenses = LENSES.filter((l) => (l.reveals as readonly string[]).includes(a.id));
  return html`<article class="atlas-detail" aria-labelledby="atlas-entry-title">
    <h3 id="atlas-entry-title">${a.id}: ${a.name}</h3>
    <div class="atlas-body" id="atlas-body" tabindex="0">
      <p><strong>Category:</strong> ${CATEGORY_LABELS[a.category]}. <strong>Families:</strong> ${a.families.join(', ')}
        (G GAN, D diffusion, L LLM image model, T tampering).</p>
      <p><strong>What it looks like:</strong> ${a.looksLike}</p>
      <p><strong>Why it happens:</strong> ${a.why}</p>
      <p><strong>How to look:</strong> ${a.howToLook}</p>
      <p>${lenses.length > 0 ? html`<strong>Lens that reveals it:</strong> ${lenses.map((l) => `${l.name} (${l.key}): ${l.explanation}`).join(' ')}` : 'No lens: use the reading tools named above.'}</p>
      ${entry.example ? html`<p>${liveExampleText(entry)}</p>` : nothing}
      <p><strong>Sources:</strong> ${a.sources.join('; ')}.</p>
      ${a.unverified ? html`<p><strong>Unverified:</strong> ${a.unverified}</p>` : nothing}
    </div>
    <div class="actions actions-row">
      ${canDrill ? button('Drill this tell', () => dispatch({ type: 'drill', scope: 'artifact' }), { key: 'Enter', primary: true, disabled: !entry.example, id: 'btn-drill' }) : nothing}
      ${canDrill ? button('Drill its category', () => dispatch({ type: 'drill', scope: 'category' }), { key: 'K', id: 'btn-drill-category' }) : nothing}
      ${button('Compare', () => dispatch({ type: 'compare' }), { key: 'C', disabled: !entry.example, id: 'btn-atlas-compare' })}
      ${button('Flicker', () => dispatch({ type: 'flicker' }), { key: 'F', disabled: !entry.example, id: 'btn-atlas-flicker' })}
      ${button('Close', () => dispatch({ type: 'atlas' }), { key: 'A / Esc', id: 'btn-close-atlas' })}
    </div>
  </article>`;
}
