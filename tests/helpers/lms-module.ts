import { TECHNIQUE_INFO } from '../../src/forgery/index.js';
import { parseModuleDefinition, planModule, type ModuleDefinition, type ModuleDefinitionInput, type ModulePlan, type ModuleRun, type TestAnswer } from '../../src/lms/index.js';

/** Test modules and a reader who answers as told: the shared vocabulary of the LMS tests. */
export const TECHNIQUES = TECHNIQUE_INFO.map((t) => ({ id: t.id, artifactIds: t.artifactIds as readonly string[] }));

export function demoModule(patch: Partial<ModuleDefinitionInput> = {}): ModuleDefinition {
  return parseModuleDefinition({
    schemaVersion: 1, id: 'deepfake-cme-1', title: 'Spotting synthetic radiographs', provider: 'Test Radiology Institute',
    credits: 1.25, creditUnit: 'AMA PRA Category 1 Credits™', creditStatement: 'The Test Radiology Institute is accredited by the ACCME to provide continuing medical education for physicians.',
    objectives: ['Recognise the tells of AI-generated radiographs', 'Use window and zoom to inspect suspicious regions'],
    faculty: [{ name: 'Dr Ada Example', role: 'Course director', disclosure: 'Nothing to disclose.' }],
    estimatedMinutes: 45, releaseDate: '2026-01-01', expiryDate: '2028-01-01',
    preCases: 4, postCases: 4, practiceCases: 2, attempts: 3, deck: { kind: 'demo', seed: 7 }, standard: 'scorm12',
    ...patch,
  });
}

export const planFor = (def: ModuleDefinition): ModulePlan => planModule(def, { techniques: TECHNIQUES });

/** The rating that is right (or wrong) for the case on screen. */
export function ratingFor(run: ModuleRun, correct: boolean): TestAnswer {
  const c = run.currentCase;
  if (!c) throw new Error(`ratingFor: no test case on screen in step '${run.progress.phase}'`);
  const fake = c.case.profile.kind === 'fake';
  return fake === correct ? 5 : 2;
}

/** Plays a whole module: pre-test, teaching, practice, then one post-test per entry of `postCorrect` (how many right). */
export async function playModule(run: ModuleRun, postCorrect: readonly number[], closeAtEnd = true): Promise<void> {
  await run.beginPreTest();
  for (let i = 0; i < run.definition.preCases; i++) await run.answer(ratingFor(run, i % 2 === 0));
  await run.finishTeaching();
  for (let i = 0; i < run.definition.practiceCases; i++) await run.answerPractice();
  for (const [a, right] of postCorrect.entries()) {
    if (a > 0) await run.retry();
    for (let i = 0; i < run.definition.postCases; i++) await run.answer(ratingFor(run, i < right));
  }
  await run.beginEvaluation();
  await run.submitEvaluation({ relevance: 5, intentToChange: 4, commercialBias: false, comments: 'Useful; more subtle cases please.' });
  if (closeAtEnd) await run.close();
}
