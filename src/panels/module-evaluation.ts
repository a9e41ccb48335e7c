import { html, type TemplateResult } from 'lit-html';
import type { ModuleView } from '../store/index.js';
import { moduleNotice } from './module-start.js';
import type { Dispatch } from './widgets.js';

/**
 * The evaluation an accredited provider collects before the certificate: relevance, intent to change practice,
 * commercial bias and free comments. Real form controls with labels (fieldsets and legends for the scales), checked
 * by the browser (`required`) before the form is sent; the values go to the app as the strings the form holds.
 */
const SCALE = ['1', '2', '3', '4', '5'] as const;

function scale(name: string, legend: string, low: string, high: string): TemplateResult {
  return html`<fieldset class="likert" id=${`field-${name}`}>
    <legend>${legend}</legend>
    <div class="likert-options">
      ${SCALE.map((v, k) => html`<label class="likert-option"><input type="radio" name=${name} value=${v} ?required=${k === 0}>
        <span>${v}${v === '1' ? ` ${low}` : v === '5' ? ` ${high}` : ''}</span></label>`)}
    </div>
  </fieldset>`;
}

export function moduleEvaluationPage(m: ModuleView, dispatch: Dispatch): TemplateResult {
  const submit = (e: Event): void => {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const get = (k: string): string => {
      const v = f.get(k);
      return typeof v === 'string' ? v : '';
    };
    dispatch({ type: 'moduleEvaluation', answers: { relevance: get('relevance'), intentToChange: get('change'), commercialBias: get('bias'), comments: get('comments') } });
  };
  return html`<div class="page page-module">
    <h1 id="page-heading" tabindex="-1">Evaluation</h1>
    ${moduleNotice(m)}
    <p class="lead">Four questions about this activity${m.outcome.passed ? ', then your certificate' : ''}.
      ${m.lms.recorded ? 'Your answers go to the provider through your LMS and help improve the module.' : m.lms.tracked ? `In ${m.lms.mode} mode nothing is sent to your LMS.` : 'With no LMS recording this module, your answers stay in this browser.'}</p>
    <form class="module-form" id="evaluation-form" @submit=${submit}>
      ${scale('relevance', 'How relevant was this activity to your practice?', '(not at all)', '(very relevant)')}
      ${scale('change', 'How likely are you to change how you read radiographs because of it?', '(not at all likely)', '(very likely)')}
      <fieldset class="likert" id="field-bias">
        <legend>Did you see any commercial bias in the content (a product or company favoured)?</legend>
        <div class="likert-options">
          <label class="likert-option"><input type="radio" name="bias" value="no" required><span>No</span></label>
          <label class="likert-option"><input type="radio" name="bias" value="yes"><span>Yes</span></label>
        </div>
      </fieldset>
      <label class="field" for="evaluation-comments">Comments (optional, at most ${m.lms.commentLimit.toLocaleString('en-US')} characters): what worked, what you would change, any bias you saw
        <textarea id="evaluation-comments" name="comments" rows="4" maxlength=${m.lms.commentLimit} aria-describedby="evaluation-comments-hint"></textarea>
      </label>
      <p class="note" id="evaluation-comments-hint">Do not write any patient details here.</p>
      <div class="actions actions-row">
        <button type="submit" class="btn btn-primary" id="btn-module-submit" ?disabled=${m.busy !== null}><span class="btn-label">Send the evaluation</span></button>
      </div>
    </form>
  </div>`;
}
