import type { TemplateResult } from 'lit-html';
import type { AtlasEntry } from '../decks/index.js';
import type { GameState } from '../store/index.js';
import { drillModuleBusyPage, drillModuleResumePage, drillModuleStartPage } from './drill-module.js';
import { moduleEvaluationPage } from './module-evaluation.js';
import { moduleEndPage, moduleResultPage } from './module-result.js';
import { moduleFailedPage, moduleLeftPage, moduleLoadingPage, moduleResumePage, moduleStartPage } from './module-start.js';
import { moduleTeachingPage } from './module-teaching.js';
import type { Dispatch } from './widgets.js';

/** The module page for the step the module is at (a test's cases are the game's own case screen, not a page). */
export function modulePage(st: GameState, atlas: readonly AtlasEntry[], dispatch: Dispatch): TemplateResult {
  const m = st.cme.module;
  if (!m) return moduleLoadingPage(null);
  const d = m.drill;
  if (d) {
    // A readiness drill: the game's drill screens do the work; these pages open, welcome back and leave.
    if (m.step === 'start') return drillModuleStartPage(m, d, dispatch);
    if (m.step === 'resume') return drillModuleResumePage(m, d, dispatch);
    if (m.step === 'loading' || m.step === 'saving' || m.step === 'test') return drillModuleBusyPage(m, d);
  }
  switch (m.step) {
    case 'loading':
    case 'saving':
    case 'test':
      return moduleLoadingPage(m);
    case 'failed':
      return moduleFailedPage(m);
    case 'start':
      return moduleStartPage(m, dispatch);
    case 'resume':
      return moduleResumePage(m, dispatch);
    case 'teaching':
      return moduleTeachingPage(m, atlas, dispatch);
    case 'post-result':
      return moduleResultPage(m, dispatch);
    case 'evaluation':
      return moduleEvaluationPage(m, dispatch);
    case 'certificate':
    case 'done':
      return moduleEndPage(m, dispatch);
    case 'left':
      return moduleLeftPage(m);
  }
}
