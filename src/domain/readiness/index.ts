/**
 * Readiness drills (issue 16): rare fakes in a routine worklist, unprompted or prompted, with an optional AI-hint arm;
 * the drill's settings, its mode, the worklist's fake count, the hint assignment, the read-and-flag answer and the
 * drill report's figures beside the published ones.
 */
export * from './settings.js';
export * from './mode.js';
export * from './worklist.js';
export * from './hints.js';
export * from './answer.js';
export * from './link.js';
export * from './published.js';
export * from './report.js';
export * from './from-records.js';
export * from './report-words.js';
export * from './pace.js';
export * from './signed-run.js';
