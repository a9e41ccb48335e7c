import { html, nothing, type TemplateResult } from 'lit-html';
import type { AtlasEntry } from '../decks/index.js';
import { CATEGORY_LABELS, countOf } from '../presenters/index.js';
import type { ModuleView } from '../store/index.js';
import { moduleNotice } from './module-start.js';
import { button, type Dispatch } from './widgets.js';

/**
 * The teaching step: the atlas entries of the tells this module's cases show (what it looks like, why it happens,
 * how to look), each with its live example in the atlas, then the practice round (or the post-test when the module
 * has no practice).
 */
export function moduleTeachingPage(m: ModuleView, atlas: readonly AtlasEntry[], dispatch: Dispatch): TemplateResult {
  const entries = m.teaching.map((i) => ({ i, e: atlas[i] })).filter((x): x is { i: number; e: AtlasEntry } => x.e !== undefined);
  const next = m.info.practiceCases > 0 ? `Start the practice round (${countOf(m.info.practiceCases, 'case')})` : 'Start the post-test';
  return html`<div class="page page-module page-module-teaching">
    <h1 id="page-heading" tabindex="-1">Teaching: the tells in this module</h1>
    ${moduleNotice(m)}
    <p class="lead">Your pre-test is saved. The cases of this module show ${countOf(entries.length, 'kind')} of tell;
      read each one and open its example to see it on a radiograph (C compares with the original, F flickers).</p>
    <div class="teaching-list">
      ${entries.map(({ i, e }) => teachingEntry(i, e, dispatch))}
    </div>
    <div class="actions actions-row">
      ${button(next, () => dispatch({ type: 'module', action: 'practice' }), { key: 'Enter', primary: true, id: 'btn-module-practice', disabled: m.busy !== null })}
    </div>
  </div>`;
}

function teachingEntry(index: number, entry: AtlasEntry, dispatch: Dispatch): TemplateResult {
  const a = entry.artifact;
  const open = (): void => {
    dispatch({ type: 'atlasGoto', index });
    dispatch({ type: 'atlas' });
  };
  return html`<article class="teaching-entry" aria-labelledby=${`teach-${a.id}`}>
    <h2 id=${`teach-${a.id}`}>${a.id}: ${a.name}</h2>
    <p class="note">${CATEGORY_LABELS[a.category]}</p>
    <p><strong>What it looks like:</strong> ${a.looksLike}</p>
    <p><strong>Why it happens:</strong> ${a.why}</p>
    <p><strong>How to look:</strong> ${a.howToLook}</p>
    ${entry.example
      ? button('See an example', open, { id: `btn-teach-${a.id}` })
      : html`<p class="note">No live example: this tell is taught in words.</p>`}
    ${nothing}
  </article>`;
}
