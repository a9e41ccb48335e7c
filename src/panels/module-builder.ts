import { html, nothing, type TemplateResult } from 'lit-html';
import type { ModuleBuilderView } from '../store/index.js';
import { button, dialog, type Dispatch } from './widgets.js';

/**
 * The coordinator's screen: the options of `npm run lms -- package` as a form, and the zip it makes in this
 * browser (app/module-builder.ts). Field names are the command line's option names; values go to the app as the
 * strings the form holds, and the app checks them with the same rules as the command line.
 */
interface FieldOptions {
  readonly type?: string;
  readonly value?: string;
  readonly required?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly step?: string;
  readonly hint?: string;
}

function field(name: string, label: string, o: FieldOptions = {}): TemplateResult {
  const hintId = o.hint ? `hint-${name}` : undefined;
  return html`<label class="field" for=${`mb-${name}`}>${label}${o.required ? ' (required)' : ''}
    <input id=${`mb-${name}`} name=${name} type=${o.type ?? 'text'} .value=${o.value ?? ''} ?required=${o.required === true}
      min=${o.min ?? nothing} max=${o.max ?? nothing} step=${o.step ?? nothing} aria-describedby=${hintId ?? nothing}>
    ${o.hint ? html`<span class="field-hint" id=${hintId}>${o.hint}</span>` : nothing}
  </label>`;
}

function area(name: string, label: string, hint: string): TemplateResult {
  return html`<label class="field field-wide" for=${`mb-${name}`}>${label}
    <textarea id=${`mb-${name}`} name=${name} rows="3" aria-describedby=${`hint-${name}`}></textarea>
    <span class="field-hint" id=${`hint-${name}`}>${hint}</span>
  </label>`;
}

export function moduleBuilderDialog(b: ModuleBuilderView | null, dispatch: Dispatch): TemplateResult {
  if (!b) return dialog('module-builder', 'Publish a CME module', html`<p>Getting the decks...</p>`);
  const submit = (e: Event): void => {
    e.preventDefault();
    const form: Record<string, string> = {};
    for (const [k, v] of new FormData(e.currentTarget as HTMLFormElement)) if (typeof v === 'string') form[k] = v;
    dispatch({ type: 'buildModule', form });
  };
  const L = b.limits;
  return dialog('module-builder', 'Publish a CME module', html`
    <p>Turn the demo deck or a stored case pack into one zip to upload to your learning management system. The same
      options as <code>npm run lms -- package</code>; nothing leaves this browser.</p>
    ${b.canPackageGame === false
      ? html`<p class="module-notice" role="note" id="builder-parts-note">This page is not a built copy of the game (it runs from the development server, which has no
        list of the game's files), so the zip will hold module.json, the LMS manifest and the deck, with instructions to add the built game. A zip
        made from the published game, or with the command line, is complete.</p>`
      : nothing}
    <form class="module-form builder-form" id="module-builder-form" @submit=${submit}>
      <fieldset class="builder-group"><legend>Package</legend>
        <label class="field" for="mb-standard">LMS standard
          <select id="mb-standard" name="standard">
            <option value="scorm12">SCORM 1.2 (any LMS)</option>
            <option value="scorm2004">SCORM 2004 4th edition</option>
            <option value="cmi5">cmi5 (xAPI)</option>
          </select></label>
        <label class="field" for="mb-deck">Deck
          <select id="mb-deck" name="deck">${b.decks.map((d) => html`<option value=${d.id}>${d.label}</option>`)}</select></label>
        ${field('title', 'Activity title', { required: true })}
        ${field('provider', 'Provider')}
        ${field('seed', 'Seed', { type: 'number', value: '7', required: true, min: 0, max: 4294967295, hint: 'The same seed gives the same cases on every machine.' })}
        ${field('id', 'Module id', { hint: 'Lowercase letters, digits and hyphens; made from the title when empty.' })}
      </fieldset>
      <fieldset class="builder-group"><legend>Tests</legend>
        ${field('pre', 'Pre-test cases', { type: 'number', value: '8', required: true, min: 1, max: L.maxCases })}
        ${field('post', 'Post-test cases', { type: 'number', value: '8', required: true, min: 1, max: L.maxCases })}
        ${field('practice', 'Practice cases', { type: 'number', value: '6', min: 0, max: L.maxPractice })}
        ${field('pass-mark', 'Pass mark (% of post-test calls)', { type: 'number', value: '75', min: 1, max: 100 })}
        ${field('attempts', 'Post-test attempts', { type: 'number', value: '3', min: 1, max: L.maxAttempts })}
        ${field('fake-share', 'Share of fakes (%)', { type: 'number', value: '50', min: 0, max: 100 })}
      </fieldset>
      <fieldset class="builder-group"><legend>Credit and dates</legend>
        ${field('credits', 'Credits', { type: 'number', value: '0', min: 0, max: 100, step: '0.25' })}
        ${field('credit-unit', 'Credit unit', { value: 'credits' })}
        ${field('minutes', 'Estimated minutes', { type: 'number', min: 1, max: 600, hint: 'About a minute per case plus ten when empty.' })}
        ${field('release', 'Release date', { type: 'date', value: b.today })}
        ${field('expiry', 'Expiry date', { type: 'date', hint: 'Three years after release when empty.' })}
      </fieldset>
      ${area('objectives', 'Learning objectives', 'One objective per line.')}
      ${area('disclosures', 'Faculty and disclosures', "One person per line: name | role | disclosure (write 'Nothing to disclose' when there is none).")}
      ${area('credit-statement', 'Accreditation and designation statements', 'Exactly as they should appear on the start page and the certificate.')}
      <div class="actions actions-row field-wide">
        <button type="submit" class="btn btn-primary" id="btn-build-module" ?disabled=${b.busy !== null || b.canPackageGame === null}><span class="btn-label">Build the module zip</span></button>
      </div>
    </form>
    <div class="builder-report" id="builder-report" role="status" aria-live="polite">
      ${b.busy ? html`<p>${b.busy}</p>` : nothing}
      ${b.problems.length > 0 ? html`<ul class="module-problem" id="builder-problems">${b.problems.map((p) => html`<li>${p}</li>`)}</ul>` : nothing}
      ${b.report.map((l) => html`<p class="builder-line">${l}</p>`)}
    </div>
    <div class="actions">${button('Close', () => dispatch({ type: 'moduleBuilder' }), { key: 'Esc', id: 'btn-close-builder' })}</div>`, { wide: true });
}
