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
