import { html, nothing, type TemplateResult } from 'lit-html';
import { drillAnswersOf, drillRunReport, type DrillRunReport, type SessionState } from '../domain/index.js';
import { drillDisclosure, drillTitle } from '../presenters/index.js';
import type { GameState, ModuleView } from '../store/index.js';
import { drillRunSection } from './drill-figures.js';
import { button, type Dispatch } from './widgets.js';

/** The reader's own drill report, from the session's records: the same figures the lead's report shows per reader. */
export function readerDrillReport(st: GameState): DrillRunReport {
  const s = st.session as SessionState;
  const answers = drillAnswersOf(s.records);
  const mode = s.config.mode;
  return drillRunReport({
    drillId: st.meta?.id ?? 'this drill',
    title: drillTitle(mode),
    date: new Date(st.meta?.startedAt ?? s.records[0]?.answeredAt ?? 0).toISOString(),
    prevalence: mode.fakeShare,
    prompted: mode.answer === 'rating',
    hintAccuracy: mode.drill?.aiHint?.accuracy ?? null,
    worklistSize: s.config.rounds.reduce((n, r) => n + r.length, 0),
    worklistFakes: answers.filter((a) => a.fake).length,
    readers: [{ readerId: st.drill.join?.started ? st.drill.join.readerName || 'You' : 'You', answers }],
  });
}

/**
 * The end of a drill: the purpose disclosed (the unprompted variant presented a reading exercise), the reader's
 * figures beside the published ones, and J to save the result file the lead collects.
 */
export function drillDebriefPage(st: GameState, dispatch: Dispatch): TemplateResult {
  const s = st.session as SessionState;
  const r = readerDrillReport(st);
  const signed = st.drill.join?.started === true;
  const m = st.cme.module;
  return html`<div class="page page-summary page-drill-debrief">
    <h1 id="page-heading" tabindex="-1">${drillTitle(s.config.mode)}: debrief</h1>
    <p class="lead" id="drill-disclosure">${drillDisclosure(s.config.mode, r.run.worklistFakes, r.run.worklistSize)}</p>
    <p>Every film was reviewed with you before this page${m ? '' : ' (Results and history, R, shows them again)'}. Your figures:</p>
    ${drillRunSection(r, { headingLevel: 'h2', own: true })}
    ${m ? moduleEnd(m, dispatch) : html`<div class="actions actions-row">
      ${st.reviewOnly ? nothing : button(signed ? 'Save your result file for the lead' : 'Save these answers as a file', () => dispatch({ type: 'saveResultFile' }), { key: 'J', primary: true, id: 'btn-save-result' })}
      ${button('Back to the title screen', () => dispatch({ type: 'confirm' }), { key: 'Enter', id: 'btn-title' })}
      ${button('Results and history', () => dispatch({ type: 'history' }), { key: 'R', id: 'btn-history' })}
    </div>
    <p class="note">${signed
      ? 'The result file is signed by this browser and names the drill and its settings; send it to the lead as asked (mail, shared folder).'
      : 'This drill was opened by a plain link, so there is no signed result file; the saved answers can still be read by the drill report.'}</p>`}
  </div>`;
}

/** Launched by an LMS: the answers went to it as they were given; Finish ends the LMS session (once). */
function moduleEnd(m: ModuleView, dispatch: Dispatch): TemplateResult {
  return html`<div class="actions actions-row">
      ${button('Finish', () => dispatch({ type: 'module', action: 'finish' }), { key: 'Enter', primary: true, id: 'btn-module-finish', disabled: m.finished || m.busy !== null })}
    </div>
    ${m.problem ? html`<p class="module-problem" role="alert" id="module-problem">${m.problem}</p>` : nothing}
    ${m.finished
      ? html`<p class="lead" id="module-finished">Finished: ${m.lms.recorded ? 'your LMS has your record' : m.lms.tracked ? `in ${m.lms.mode} mode your LMS keeps no record` : 'your answers are kept in this browser'}. You can close this window.</p>
        ${m.lms.returnUrl ? html`<p><a class="btn btn-primary" id="link-return" href=${m.lms.returnUrl}>Back to the course</a></p>` : nothing}`
      : html`<p class="note">${m.lms.recorded || !m.lms.tracked
        ? `Your answers went to your ${m.lms.tracked ? 'LMS' : 'browser'} as you gave them, for the lead's report.`
        : `In ${m.lms.mode} mode nothing went to your LMS: the lead's report does not count this reading.`} Finish to end the exercise.</p>`}`;
}
