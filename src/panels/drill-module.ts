import { html, nothing, type TemplateResult } from 'lit-html';
import { moduleDate } from '../presenters/index.js';
import type { DrillModuleView, ModuleView } from '../store/index.js';
import { moduleNotice } from './module-start.js';
import { button, type Dispatch } from './widgets.js';

/**
 * The pages of a readiness drill launched by an LMS, around the game's own drill screens (briefing, films, review,
 * debrief): opening, a start page only when the exercise is not open or nothing records it (no LMS, or Browse/Review), and the welcome back
 * after the window was closed. Their words are the worklist's, never the drill's purpose: an unprompted drill is a
 * reading exercise until its debrief.
 */
function closedSentence(d: DrillModuleView): string | null {
  if (d.availability === 'not-yet-open' && d.opens) return `This exercise opens on ${moduleDate(d.opens)} and cannot be started before then.`;
  if (d.availability === 'closed' && d.closes) return `This exercise closed on ${moduleDate(d.closes)}.`;
  return null;
}

export function drillModuleBusyPage(m: ModuleView, d: DrillModuleView): TemplateResult {
  return html`<div class="page page-module">
    <h1 id="page-heading" tabindex="-1">${d.title}</h1>
    <p>${m.busy ?? 'One moment...'}</p>
  </div>`;
}

export function drillModuleStartPage(m: ModuleView, d: DrillModuleView, dispatch: Dispatch): TemplateResult {
  const closed = closedSentence(d);
  return html`<div class="page page-module page-module-start">
    <h1 id="page-heading" tabindex="-1">${d.title}</h1>
    ${moduleNotice(m)}
    ${closed ? html`<p class="module-problem" role="alert" id="module-closed">${closed}</p>` : nothing}
    <p class="lead">A worklist of ${d.films} films.${m.lms.learnerName ? ` Reader: ${m.lms.learnerName}.` : ''}</p>
    <div class="actions actions-row">
      ${closed ? nothing : button('Begin', () => dispatch({ type: 'module', action: 'begin' }), { key: 'Enter', primary: true, id: 'btn-module-begin', disabled: m.busy !== null })}
    </div>
  </div>`;
}

export function drillModuleResumePage(m: ModuleView, d: DrillModuleView, dispatch: Dispatch): TemplateResult {
  return html`<div class="page page-module">
    <h1 id="page-heading" tabindex="-1">Welcome back: ${d.title}</h1>
    ${moduleNotice(m)}
    <p class="lead" id="drill-module-kept">Your answers were kept: you have read ${m.answered} of the ${d.films} films.</p>
    <p>The film that was on screen when the window closed comes back with the time that was left: its clock ran on while the window was closed.</p>
    <div class="actions actions-row">
      ${button('Continue the worklist', () => dispatch({ type: 'module', action: 'continue' }), { key: 'Enter', primary: true, id: 'btn-module-continue', disabled: m.busy !== null })}
    </div>
  </div>`;
}
