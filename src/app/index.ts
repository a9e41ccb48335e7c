/** Public face of app/: the application's use cases (start, resume, results, packs), over the layers below. */
export * from './start-session.js';
export * from './resume.js';
export * from './results-actions.js';
export * from './pack-actions.js';
export * from './start-up.js';
// The CME module's launch check is light; the module itself (app/module.ts, app/module-builder.ts) loads on demand.
export * from './module-launch.js';
export * from './drill-actions.js';
export * from './training.js';
export { cspAllows, pagePolicy } from './training-csp.js';
export { APP_INFO, type PickPurpose, type TrainingDeps } from './training-deps.js';
