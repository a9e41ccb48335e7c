import { html, nothing, type TemplateResult } from 'lit-html';
import { keyed } from 'lit-html/directives/keyed.js';
import { ref } from 'lit-html/directives/ref.js';
import { AI_HINT_FIELD, PREVALENCE_FIELD } from '../presenters/index.js';
import type { ModuleBuilderView } from '../store/index.js';
import { button, dialog, type Dispatch } from './widgets.js';

/**
 * The coordinator's screen: the options of `npm run lms -- package` as a form, and the zip it makes in this
 * browser (app/module-builder.ts). Field names are the command line's option names; values go to the app as the
 * strings the form holds, and the app checks them with the same rules as the command line (the browser does not).
 */
interface FieldOptions {
  readonly type?: string;
  readonly value?: string;
  readonly required?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly step?: string;
  readonly hint?: string;
  /** The id prefix: 'mb' in the module's form, 'md' in the drill's. */
  readonly prefix?: string;
}

function field(name: string, label: string, o: FieldOptions = {}): TemplateResult {
  const id = `${o.prefix ?? 'mb'}-${name}`;
  const hintId = o.hint ? `hint-${id}` : undefined;
  return html`<label class="field" for=${id}>${label}${o.required ? ' (required)' : ''}
    <input id=${id} name=${name} type=${o.type ?? 'text'} .value=${o.value ?? ''} ?required=${o.required === true}
      min=${o.min ?? nothing} max=${o.max ?? nothing} step=${o.step ?? nothing} aria-describedby=${hintId ?? nothing}>
    ${o.hint ? html`<span class="field-hint" id=${hintId}>${o.hint}</span>` : nothing}
  </label>`;
}

function area(name: string, label: string, hint: string, prefix = 'mb'): TemplateResult {
  const id = `${prefix}-${name}`;
  return html`<label class="field field-wide" for=${id}>${label}
    <textarea id=${id} name=${name} rows="3" aria-describedby=${`hint-${id}`}></textarea>
    <span class="field-hint" id=${`hint-${id}`}>${hint}</span>
  </label>`;
}

/**
 * A readiness drill instead of a CME module: the settings of `npm run drill -- create`, packaged for an LMS with
 * completion only (`npm run lms -- package --drill`). Its own form, folded away under the module's.
 */
function drillForm(b: ModuleBuilderView, dispatch: Dispatch): TemplateResult {
  const submit = (e: Event): void => {
    e.preventDefault();
    const form: Record<string, string> = { kind: 'drill' };
    for (const [k, v] of new FormData(e.currentTarget as HTMLFormElement)) if (typeof v === 'string') form[k] = v;
    dispatch({ type: 'buildModule', form });
  };
  const f = (name: string, label: string, o: FieldOptions = {}): TemplateResult => field(name, label, { ...o, prefix: 'md' });
  return html`<details class="builder-drill" id="builder-drill">
    <summary>Or a readiness drill as an LMS module (completion only: no score, no pass mark)</summary>
    <form class="module-form builder-form" id="drill-builder-form" novalidate @submit=${submit}>
      <fieldset class="builder-group"><legend>Package</legend>
        <label class="field" for="md-standard">LMS standard
          <select id="md-standard" name="standard">
            <option value="scorm12">SCORM 1.2 (any LMS)</option>
            <option value="scorm2004">SCORM 2004 4th edition</option>
            <option value="cmi5">cmi5 (xAPI)</option>
          </select></label>
        <label class="field" for="md-deck">Deck
          <select id="md-deck" name="deck">${b.decks.map((d) => html`<option value=${d.id}>${d.label}</option>`)}</select></label>
        ${f('title', 'Drill title (your report)', { required: true })}
        ${f('worklist-title', 'Worklist name learners see', { hint: "Shown in the LMS and the game; 'Reading exercise' when empty (unprompted)." })}
        ${f('provider', 'Provider')}
        ${f('seed', 'Seed', { type: 'number', value: '1', min: 0, max: 2147483647 })}
        ${f('id', 'Drill id', { hint: 'Made from the title when empty.' })}
      </fieldset>
      <fieldset class="builder-group"><legend>Worklist</legend>
        ${f('cases', 'Films', { type: 'number', value: '40', min: 1, max: 200 })}
        ${f('prevalence', PREVALENCE_FIELD, { type: 'number', value: '5', min: 0, max: 50, step: '0.5' })}
        ${f('seconds', 'Seconds per film', { type: 'number', value: '120', min: 5, max: 600 })}
        <label class="field" for="md-prompted">Variant
          <select id="md-prompted" name="prompted">
            <option value="0">Unprompted: a routine read with an optional flag</option>
            <option value="1">Prompted: the six-point authenticity rating</option>
          </select></label>
        ${f('ai-hint', AI_HINT_FIELD, { type: 'number', min: 0, max: 100, hint: 'Prompted drills only; empty: no AI-hint arm.' })}
        ${f('opens', 'Opens', { type: 'date' })}
        ${f('closes', 'Closes', { type: 'date' })}
      </fieldset>
      ${area('briefing', 'Briefing in your words', "Optional; the game's neutral briefing when empty.", 'md')}
      <div class="actions actions-row field-wide">
        <button type="submit" class="btn btn-primary" id="btn-build-drill" ?disabled=${b.busy !== null || b.canPackageGame === null}><span class="btn-label">Build the drill zip</span></button>
      </div>
    </form>
  </details>`;
}

/**
 * Called once per list element: each refusal is a new list (keyed by the problems), so it takes the focus once. Lit
 * calls it before the new list is in the page, hence after the render's own task.
 */
const focusOnShow = (el?: Element): void => {
  if (el instanceof HTMLElement) queueMicrotask(() => el.isConnected && el.focus());
};

/**
 * The forms check themselves (novalidate: the browser's own bubbles name one field at a time, in its words); every
 * problem is listed here at once, in the form's labels and units, and the list takes the focus so it is read out.
 */
function problemList(problems: readonly string[]): TemplateResult {
  return html`${keyed(problems, html`<ul class="module-problem" id="builder-problems" tabindex="-1" aria-label=${`Not built: ${problems.length === 1 ? 'a problem' : `${problems.length} problems`} to fix`} ${ref(focusOnShow)}>
    ${problems.map((p) => html`<li>${p}</li>`)}</ul>`)}`;
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
    <form class="module-form builder-form" id="module-builder-form" novalidate @submit=${submit}>
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
    ${drillForm(b, dispatch)}
    <div class="builder-report" id="builder-report" role="status" aria-live="polite">
      ${b.busy ? html`<p>${b.busy}</p>` : nothing}
      ${b.problems.length > 0 ? problemList(b.problems) : nothing}
      ${b.report.map((l) => html`<p class="builder-line">${l}</p>`)}
    </div>
    <div class="actions">${button('Close', () => dispatch({ type: 'moduleBuilder' }), { key: 'Esc', id: 'btn-close-builder' })}</div>`, { wide: true });
}
