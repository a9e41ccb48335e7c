/**
 * Test launch page for the LMS adapters, standing in for the module screens: it loads module.json, plans the module,
 * connects to whatever LMS launched it and offers one button per ModuleRun action. A test plays it by clicks through
 * the harness (tests/helpers/lms-harness.ts). "Answer right/wrong" read the plan's truth, which real screens never do:
 * here the reader is simulated, the LMS records are what is under test.
 */
import { TECHNIQUE_INFO } from '../../../src/forgery/index.js';
import { ModuleRun, commitOnPageHide, connectLms, createCertificate, moduleFingerprint, parseModuleDefinition, planModule } from '../../../src/lms/index.js';

const $ = (id: string): HTMLElement => document.getElementById(id) as HTMLElement;
const q = new URLSearchParams(location.search);
const moduleUrl = q.get('module') ?? document.querySelector<HTMLMetaElement>('meta[name="xray-module"]')?.content ?? 'module.json';

async function main(): Promise<void> {
  const def = parseModuleDefinition(await (await fetch(moduleUrl)).json());
  const techniques = TECHNIQUE_INFO.map((t) => ({ id: t.id, artifactIds: t.artifactIds as readonly string[] }));
  const plan = planModule(def, { techniques });
  const port = connectLms({ window, standard: def.standard, storageKey: moduleFingerprint(def) });
  const run = await ModuleRun.open(def, plan, port);
  commitOnPageHide(port, window);
  if (!run.launch.isTracked) $('notice').textContent = `No LMS is recording this: ${run.launch.standaloneReason}.`;

  const render = (): void => {
    const c = run.currentCase;
    const o = run.outcome;
    if (c) run.caseShown();
    $('status').textContent = [
      `lms=${run.launch.kind}`, `tracked=${run.launch.isTracked ? 'yes' : 'no'}`, `learner=${run.launch.learner?.displayName ?? ''}`,
      `step=${run.progress.phase}`, c ? `case=${c.test}${c.test === 'post' ? c.attempt + 1 : ''}:${c.index + 1}` : 'case=none',
      `practice=${run.progress.practiceDone}`, `passMark=${run.passMark}`, `passed=${o.passed}`, `score=${o.decisive ? o.decisive.correct : '-'}`,
      `pre=${o.pre ? o.pre.correct : '-'}`, `finished=${run.isFinished}`, `resumeProblem=${run.resumeProblem ?? 'none'}`,
    ].join('; ');
  };
  const rightAnswer = (correct: boolean): 2 | 5 => ((run.currentCase?.case.profile.kind === 'fake') === correct ? 5 : 2);
  const actions: Record<string, () => Promise<void>> = {
    start: () => run.beginPreTest(),
    right: () => run.answer(rightAnswer(true)),
    wrong: () => run.answer(rightAnswer(false)),
    timeout: () => run.answer(null),
    teach: () => run.finishTeaching(),
    practice: () => run.answerPractice(),
    retry: () => run.retry(),
    evaluate: () => run.beginEvaluation(),
    submit: () => run.submitEvaluation({ relevance: 5, intentToChange: 4, commercialBias: false, comments: 'Clear cases; more subtle fakes please.' }),
    certificate: async () => {
      const cert = await createCertificate({
        learnerName: run.launch.learner?.displayName || 'Learner', activityTitle: def.title, provider: def.provider, completedOn: new Date(),
        credits: def.credits, creditUnit: def.creditUnit, creditStatement: def.creditStatement,
      });
      const link = $('certificate-link') as HTMLAnchorElement;
      link.href = URL.createObjectURL(new Blob([cert.pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
      link.hidden = false;
      link.dataset['bytes'] = String(cert.pdf.length);
      link.dataset['missing'] = cert.missing.join('');
    },
    later: () => run.suspend(),
    close: () => run.close(),
  };
  for (const [id, act] of Object.entries(actions)) {
    $(id).addEventListener('click', () => {
      $('error').textContent = '';
      act().then(render, (e: unknown) => {
        $('error').textContent = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
        render();
      });
    });
  }
  render();
}

main().catch((e: unknown) => {
  $('error').textContent = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
});
