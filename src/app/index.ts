/** Public face of app/: the application's use cases (start, resume, results, packs), over the layers below. */
export * from './start-session.js';
export * from './resume.js';
export * from './results-actions.js';
export * from './pack-actions.js';
export * from './start-up.js';
