/**
 * Public face of authoring/: the offline case-pack builder (ingest, de-identification, build, leak audit), shared by
 * the command line and the browser's build worker.
 */
export * from './build/index.js';
export * from './ingest/index.js';
export * from './deid/index.js';
export * from './audit/index.js';
export * from './pack-inputs.js';
export * from './worker/pack-build-client.js';
export type { DropChoices, PackBuildRequest, PackBuildReply } from './worker/pack-build-protocol.js';
export { dropBuildOptions, titleFor, TITLE_WARNING } from './worker/drop-options.js';
export { dropQuestion, readDropAnswers, summariseDrop, type DropAnswers, type DropRoot, type DropSummary } from './drop-summary.js';
export { jobPool, type JobPool, type JobPort } from './worker/job-pool.js';
