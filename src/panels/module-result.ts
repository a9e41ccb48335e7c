import { html, nothing, type TemplateResult } from 'lit-html';
import { changeSentence, resultLines, scoreText } from '../presenters/index.js';
import type { ModuleView } from '../store/index.js';
import { moduleNotice } from './module-start.js';
import { button, type Dispatch } from './widgets.js';

/**
 * After the post-test: the result against the pass mark stated in advance, a retry on fresh cases while attempts
 * remain, then the evaluation. At the end: the learner's change from pre-test to post-test, the certificate when
 * passed, and the button that ends the LMS session once.
 */
function scoresTable(m: ModuleView): TemplateResult {
  const o = m.outcome;
  return html`<table class="scores" id="module-scores">
    <caption>Your scores (share of correct calls)</caption>
    <thead><tr><th scope="col">Test</th><th scope="col">Correct</th></tr></thead>
    <tbody>
      ${o.pre ? html`<tr><th scope="row">Pre-test</th><td>${scoreText(o.pre)}</td></tr>` : nothing}
      ${o.attempts.map((a, k) => html`<tr><th scope="row">Post-test${o.attempts.length > 1 || m.info.attempts > 1 ? `, attempt ${k + 1}` : ''}</th><td>${scoreText(a)}</td></tr>`)}
    </tbody>
  </table>`;
}

export function moduleResultPage(m: ModuleView, dispatch: Dispatch): TemplateResult {
  const r = resultLines(m.outcome, m.info);
  const retry = m.outcome.passed === null;
  return html`<div class="page page-module">
    <h1 id="page-heading" tabindex="-1" class=${m.outcome.passed === true ? 'good' : 'bad'}>${r.heading}</h1>
    ${moduleNotice(m)}
    ${r.lines.map((l) => html`<p>${l}</p>`)}
    ${scoresTable(m)}
    <div class="actions actions-row">
      ${retry
        ? button('Try again with new cases', () => dispatch({ type: 'module', action: 'retry' }), { key: 'Enter', primary: true, id: 'btn-module-retry', disabled: m.busy !== null })
        : button('Continue to the evaluation', () => dispatch({ type: 'module', action: 'evaluation' }), { key: 'Enter', primary: true, id: 'btn-module-evaluation', disabled: m.busy !== null })}
    </div>
  </div>`;
}

function finishBlock(m: ModuleView, dispatch: Dispatch): TemplateResult {
  if (m.finished) {
    return html`<p id="module-finished">${m.lms.recorded ? 'Your LMS has your record; nothing more is sent. You can close this window.' : 'The module is finished. You can close this window.'}</p>
      ${m.lms.returnUrl ? html`<p><a class="btn" id="link-return" href=${m.lms.returnUrl}>Back to the course</a></p>` : nothing}`;
  }
  return html`<p>When you are done, finish the module: ${m.lms.recorded ? 'your LMS then closes this attempt.' : 'nothing more can be changed afterwards.'}</p>
    <div class="actions actions-row">${button('Finish the module', () => dispatch({ type: 'module', action: 'finish' }), {
      id: 'btn-module-finish', primary: m.step === 'done', key: m.step === 'done' ? 'Enter' : undefined, disabled: m.busy !== null,
    })}</div>`;
}

function certificateBlock(m: ModuleView, dispatch: Dispatch): TemplateResult {
  const c = m.certificate;
  const name = m.lms.learnerName;
  const make = (e: Event): void => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const typed = new FormData(form).get('learner-name');
    dispatch({ type: 'moduleCertificate', learnerName: name ?? (typeof typed === 'string' ? typed : '') });
  };
  return html`<section class="certificate-box" aria-labelledby="certificate-heading">
    <h2 id="certificate-heading">Your certificate</h2>
    <form class="module-form" id="certificate-form" @submit=${make}>
      ${name
        ? html`<p>The certificate is made out to <strong id="certificate-name">${name}</strong>, the name your LMS holds.</p>`
        : html`<label class="field" for="learner-name">Your name as it should appear on the certificate
            <input id="learner-name" name="learner-name" type="text" required maxlength="120" autocomplete="name"></label>`}
      <button type="submit" class="btn btn-primary" id="btn-module-certificate" aria-keyshortcuts="Enter" ?disabled=${c.state === 'making'}>
        <span class="btn-label">${c.state === 'made' ? 'Download the certificate again (PDF)' : 'Download your certificate (PDF)'}</span> <kbd>Enter</kbd></button>
    </form>
    ${c.message ? html`<p class=${c.state === 'failed' ? 'module-problem' : 'note'} id="certificate-message" role="status">${c.message}</p>` : nothing}
  </section>`;
}

/** The end of the module: passed (certificate) or not (done), with the pre-to-post change. */
export function moduleEndPage(m: ModuleView, dispatch: Dispatch): TemplateResult {
  const passed = m.step === 'certificate';
  const change = changeSentence(m.outcome);
  return html`<div class="page page-module">
    <h1 id="page-heading" tabindex="-1">${passed ? 'Module complete: you passed' : 'Module complete'}</h1>
    ${moduleNotice(m)}
    ${change ? html`<p class="lead" id="module-change"><strong>Your change:</strong> ${change}</p>` : nothing}
    ${scoresTable(m)}
    ${passed ? certificateBlock(m, dispatch) : html`<p>You did not reach the pass mark, so no certificate is issued. Thank you for your evaluation.</p>`}
    ${finishBlock(m, dispatch)}
  </div>`;
}
