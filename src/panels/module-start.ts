import { html, nothing, type TemplateResult } from 'lit-html';
import {
  availabilitySentence, countOf, creditsText, moduleDate, passMarkSentence, trackingNotice,
} from '../presenters/index.js';
import type { ModuleView } from '../store/index.js';
import { button, type Dispatch } from './widgets.js';

/**
 * The module's first pages: loading, the start page (what an accreditation body asks an enduring activity to show
 * before it starts: objectives, faculty and their disclosures, estimated time, credit statement, release and expiry
 * dates, the pass mark), the welcome back after the window was closed mid-test, and the pages after leaving.
 */
export function moduleNotice(m: ModuleView): TemplateResult | typeof nothing {
  const notice = trackingNotice(m.lms);
  const problem = m.problem ? html`<p class="module-problem" role="alert" id="module-problem">${m.problem}</p>` : nothing;
  const busy = m.busy ? html`<p class="module-busy" id="module-busy">${m.busy}</p>` : nothing;
  return html`${notice ? html`<p class="module-notice" id="module-notice" role="note">${notice}</p>` : nothing}${problem}${busy}`;
}

export function moduleLoadingPage(m: ModuleView | null): TemplateResult {
  return html`<div class="page page-module">
    <h1 id="page-heading" tabindex="-1">Opening the module</h1>
    <p>${m?.busy ?? 'Reading the module and connecting to your learning management system...'}</p>
  </div>`;
}

export function moduleFailedPage(m: ModuleView): TemplateResult {
  return html`<div class="page page-module">
    <h1 id="page-heading" tabindex="-1">The module cannot open</h1>
    <p class="module-problem" role="alert" id="module-problem">${m.problem ?? 'Something went wrong.'}</p>
    <p>Close this window and open the module again from your LMS. If it happens again, tell the course coordinator what this page says.</p>
  </div>`;
}

function facultyList(m: ModuleView): TemplateResult {
  if (m.info.faculty.length === 0) return html`<p>No faculty were named for this activity.</p>`;
  return html`<dl class="faculty">${m.info.faculty.map((f) => html`
    <dt>${f.name}${f.role ? html`<span class="faculty-role">, ${f.role}</span>` : nothing}</dt>
    <dd>${f.disclosure}</dd>`)}</dl>`;
}

function stepsList(m: ModuleView): TemplateResult {
  const i = m.info;
  return html`<ol class="module-steps">
    <li><strong>Pre-test:</strong> ${countOf(i.preCases, 'case')}, ${i.secondsPerCase} seconds each, with no feedback.</li>
    <li><strong>Teaching:</strong> the tells these cases show, with live examples${i.practiceCases > 0 ? `, and a practice round of ${countOf(i.practiceCases, 'case')} with the answer after each` : ''}.</li>
    <li><strong>Post-test:</strong> ${countOf(i.postCases, 'new case')} matched to the pre-test, with no feedback until it ends.</li>
    <li><strong>Evaluation:</strong> four short questions about the activity.</li>
    <li><strong>Certificate:</strong> a PDF you download, when you pass.</li>
  </ol>`;
}

export function moduleStartPage(m: ModuleView, dispatch: Dispatch): TemplateResult {
  const i = m.info;
  const closed = availabilitySentence(m);
  const credits = creditsText(i);
  return html`<div class="page page-module page-module-start">
    <h1 id="page-heading" tabindex="-1">${i.title}</h1>
    ${i.provider ? html`<p class="subtitle">Provided by ${i.provider}</p>` : nothing}
    ${moduleNotice(m)}
    ${closed ? html`<p class="module-problem" role="alert" id="module-closed">${closed}</p>` : nothing}
    ${i.description ? html`<p class="module-text">${i.description}</p>` : nothing}
    <div class="module-columns">
      <section aria-labelledby="objectives-heading">
        <h2 id="objectives-heading">Learning objectives</h2>
        ${i.objectives.length > 0 ? html`<ul>${i.objectives.map((o) => html`<li>${o}</li>`)}</ul>` : html`<p>No objectives were given for this activity.</p>`}
        <h2>What you will do</h2>
        ${stepsList(m)}
        <p class="module-passmark" id="module-passmark"><strong>Pass mark.</strong> ${passMarkSentence(i)}</p>
        <p><strong>Estimated time:</strong> about ${i.estimatedMinutes} minutes.${m.lms.learnerName ? html` <strong>Learner:</strong> ${m.lms.learnerName}.` : nothing}</p>
      </section>
      <section aria-labelledby="faculty-heading">
        <h2 id="faculty-heading">Faculty and financial disclosures</h2>
        ${facultyList(m)}
        <h2>Credit</h2>
        ${credits ? html`<p><strong>Credits:</strong> ${credits}.</p>` : nothing}
        ${i.creditStatement ? html`<p class="module-text" id="credit-statement">${i.creditStatement}</p>` : html`<p>No credit statement was given.</p>`}
        <p><strong>Release date:</strong> ${moduleDate(i.releaseDate)}. <strong>Expiry date:</strong> ${moduleDate(i.expiryDate)}.</p>
      </section>
    </div>
    <div class="actions actions-row">
      ${closed ? nothing : button('Begin the pre-test', () => dispatch({ type: 'module', action: 'begin' }), { key: 'Enter', primary: true, id: 'btn-module-begin', disabled: m.busy !== null })}
    </div>
  </div>`;
}

const TEST_WORDS = { pre: 'pre-test', practice: 'practice round', post: 'post-test' } as const;

export function moduleResumePage(m: ModuleView, dispatch: Dispatch): TemplateResult {
  const test = m.test ?? 'pre';
  const total = test === 'pre' ? m.info.preCases : test === 'post' ? m.info.postCases : m.info.practiceCases;
  const attempt = test === 'post' && m.info.attempts > 1 ? ` (attempt ${m.attempt} of ${m.info.attempts})` : '';
  const closed = availabilitySentence(m);
  return html`<div class="page page-module">
    <h1 id="page-heading" tabindex="-1">Welcome back: ${m.info.title}</h1>
    ${moduleNotice(m)}
    ${closed ? html`<p class="module-problem" role="alert">${closed}</p>` : nothing}
    <p class="lead">Your answers were kept: you have answered ${m.answered} of the ${total} cases of the ${TEST_WORDS[test]}${attempt}.</p>
    <p>The case that was on screen when the window closed comes back with the time that was left: its clock ran on while the window was closed.</p>
    ${test === 'post' ? html`<p>${passMarkSentence(m.info)}</p>` : nothing}
    <div class="actions actions-row">
      ${closed ? nothing : button(`Continue the ${TEST_WORDS[test]}`, () => dispatch({ type: 'module', action: 'continue' }), { key: 'Enter', primary: true, id: 'btn-module-continue', disabled: m.busy !== null })}
    </div>
  </div>`;
}

/** After "continue later": the LMS session has ended with the progress kept. */
export function moduleLeftPage(m: ModuleView): TemplateResult {
  return html`<div class="page page-module">
    <h1 id="page-heading" tabindex="-1">Your progress is saved</h1>
    ${moduleNotice(m)}
    <p class="lead">You can close this window. ${m.lms.tracked ? 'Open the module again from your LMS' : 'Open this page again in this browser'} to continue where you left off.</p>
    ${m.lms.returnUrl ? html`<p><a class="btn btn-primary" id="link-return" href=${m.lms.returnUrl}>Back to the course</a></p>` : nothing}
  </div>`;
}
