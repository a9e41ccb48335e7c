import { html, nothing, type TemplateResult } from 'lit-html';
import type { AtlasEntry } from '../decks/index.js';
import type { GameState } from '../store/index.js';
import { atlasDialog } from './atlas.js';
import { briefingPage } from './briefing.js';
import { drillDebriefPage } from './drill-debrief.js';
import { drillJoinPage } from './drill-join.js';
import { drillReadingPanel } from './drill-reading.js';
import { drillReportDialog } from './drill-report.js';
import { errorDialog, helpDialog, historyDialog, menuDialog } from './dialogs.js';
import { headerPanel } from './header-panel.js';
import { hud } from './hud.js';
import { moduleBuilderDialog } from './module-builder.js';
import { modulePage } from './module-page.js';
import { packsDialog } from './packs.js';
import { dashboardDialog } from './dashboard.js';
import { sessionJoinDialog } from './session-join.js';
import { sessionSetupDialog } from './session-setup.js';
import { readingPanel } from './reading.js';
import { reviewPanel } from './review.js';
import { roundFiguresDialog } from './round-figures.js';
import { summaryPage } from './summary.js';
import { titlePage } from './title.js';
import type { Dispatch } from './widgets.js';

export interface ShellDeps {
  readonly dispatch: Dispatch;
  readonly atlas: readonly AtlasEntry[];
  /** The drill join page's name field writes here (panels hold no state of their own). */
  readonly setDrillReaderName?: (name: string) => void;
}

/** Which base screen is shown: a page of text, or a case (viewer plus side panel). */
export type BaseKind = 'title' | 'briefing' | 'case' | 'summary' | 'module';

export function baseKind(st: GameState): BaseKind {
  const phase = st.session?.phase;
  if (!phase) return st.cme.module ? 'module' : 'title';
  if (phase === 'briefing') return 'briefing';
  if (phase === 'summary') return 'summary';
  return 'case';
}

/**
 * The base screen: top bar, then a page, or the case layout. A case's <main> holds the stage (the viewer slot and the
 * header panel) and its side panel (<aside>) is a landmark of its own beside it, not inside <main>; the top bar's
 * where-line is then the screen's h1 (a page has its own h1).
 */
export function baseScreen(st: GameState, deps: ShellDeps): TemplateResult {
  const kind = baseKind(st);
  const s = st.session;
  const screen = s?.phase ?? (st.cme.module ? `module-${st.cme.module.step}` : 'title');
  if (kind === 'case') {
    const review = s?.phase === 'caseReview' || s?.phase === 'roundReview';
    return html`${hud(st, deps.dispatch, { heading: true })}<div class="case-layout">
      <main class="main main-case" id="main" data-screen=${screen}>
        <section class="stage" id="stage" aria-label="Radiograph" tabindex="-1">
          <div class="viewer-slot" data-viewer-slot="case"></div>
          ${st.screen.headerOpen ? headerPanel(st, deps.dispatch) : nothing}
        </section>
      </main>
      ${review ? reviewPanel(st, deps.dispatch) : s?.config.mode.drill ? drillReadingPanel(st, deps.dispatch) : readingPanel(st, deps.dispatch)}
    </div>`;
  }
  let main: TemplateResult;
  if (kind === 'title') main = st.drill.join && !st.drill.join.started ? drillJoinPage(st, deps.dispatch, deps.setDrillReaderName ?? (() => undefined)) : titlePage(deps.dispatch);
  else if (kind === 'module') main = modulePage(st, deps.atlas, deps.dispatch);
  else if (kind === 'briefing' && s) main = briefingPage(s, deps.dispatch);
  else main = s?.config.mode.drill ? drillDebriefPage(st, deps.dispatch) : summaryPage(st, deps.dispatch);
  return html`${hud(st, deps.dispatch)}<main class=${`main main-${kind}`} id="main" data-screen=${screen}>${main}</main>`;
}

/** The dialog on top, if any: an error first, then the open screen. */
export function dialogScreen(st: GameState, deps: ShellDeps): TemplateResult | typeof nothing {
  if (st.screen.error !== null) return errorDialog(st.screen.error, deps.dispatch);
  switch (st.screen.name) {
    case 'game':
      return nothing;
    case 'menu':
      return menuDialog(st, deps.dispatch);
    case 'help':
      return helpDialog(st, deps.dispatch);
    case 'history':
      return historyDialog(st, deps.dispatch);
    case 'figures':
      return roundFiguresDialog(st, deps.dispatch);
    case 'packs':
      return packsDialog(st, deps.dispatch);
    case 'atlas':
      return atlasDialog(st, deps.atlas, deps.dispatch);
    case 'module-builder':
      return moduleBuilderDialog(st.cme.builder, deps.dispatch);
    case 'drill-report':
      return drillReportDialog(st, deps.dispatch);
    case 'session-setup':
      return sessionSetupDialog(st, deps.dispatch);
    case 'session-join':
      return st.training.join ? sessionJoinDialog(st, deps.dispatch) : nothing;
    case 'dashboard':
      return dashboardDialog(st, deps.dispatch);
  }
}
