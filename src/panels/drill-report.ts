import { html, nothing, type TemplateResult } from 'lit-html';
import type { GameState } from '../store/index.js';
import { drillRunSection, trendSection } from './drill-figures.js';
import { button, dialog, type Dispatch } from './widgets.js';

/**
 * The lead's drill report: the readers' result files, or a drill module's drill.json with its LMS's records (dropped on
 * the page or picked with O), become, per drill, the
 * department's figures, each reader's, the funnel, the AI-hint arm and the published figures, then the trend across
 * drills. P prints it (the print style sheet lays the whole report out on paper).
 */
export function drillReportDialog(st: GameState, dispatch: Dispatch): TemplateResult {
  const v = st.drill.report;
  const r = v.report;
  return dialog('drill-report', 'Drill report', html`
    <div class="drill-report-bar actions actions-row">
      ${button('Read result files', () => dispatch({ type: 'drillReportFiles' }), { key: 'O', primary: true, id: 'btn-drill-files' })}
      ${button('Print', () => dispatch({ type: 'printDrillReport' }), { key: 'P', disabled: r === null, id: 'btn-drill-print' })}
      ${button('Close', () => dispatch({ type: 'drillReport' }), { key: 'W', id: 'btn-drill-close' })}
    </div>
    <div class="drill-report-body" id="drill-report-body" tabindex="0" aria-label="Report">
      ${v.busy ? html`<p role="status">Reading the files...</p>` : nothing}
      ${r === null || r.runs.length === 0
        ? html`<p>Drop the readers' result files here (or a zip or folder of them), or press O. Files from several drills
            give the trend across drills. Nothing leaves this computer.</p>
            <p>A drill run as an LMS module: drop its drill.json (from the drill's zip) with what the LMS gives back: Moodle's SCORM
            interactions report (text or CSV), a JSON of the interactions per learner, or the AU's xAPI statements exported from the LRS.</p>`
        : html`${r.runs.map((run) => drillRunSection(run))}${r.trend.length > 1 ? trendSection(r.trend) : nothing}`}
      ${v.notes.length > 0 ? html`<ul class="drill-notes">${v.notes.map((n) => html`<li>${n}</li>`)}</ul>` : nothing}
      ${v.files.length > 0 ? html`<h3>Files</h3><ul class="drill-files">${v.files.map((f) => html`<li class=${`file-${f.status}`}><strong>${f.name}</strong>: ${f.message}</li>`)}</ul>` : nothing}
    </div>`, { full: true });
}
