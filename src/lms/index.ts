/** Public face of lms/: CME modules for LMSs (SCORM 1.2, SCORM 2004 4th ed., cmi5, standalone). See README.md. */
export * from './module-schema.js';
export * from './module-options.js';
export * from './case-profile.js';
export * from './selection.js';
export * from './module-progress.js';
export * from './suspend-codec.js';
export * from './lms-port.js';
export * from './scorm-time.js';
export { findScormApi, type FrameLike, type Scorm12Api, type Scorm2004Api } from './scorm-api.js';
export { Scorm12Adapter } from './scorm12-adapter.js';
export { Scorm2004Adapter } from './scorm2004-adapter.js';
export { Cmi5Adapter, CMI5_STATE_ID, readCmi5LaunchParameters } from './cmi5-adapter.js';
export { StandaloneAdapter, localStorageStore, memoryStore, type KeyValueStore, type StandaloneRecord } from './standalone-adapter.js';
export { connectLms, commitOnPageHide, type ConnectOptions } from './connect.js';
export { ModuleRun, type EvaluationAnswers } from './module-run.js';
export * from './manifests/index.js';
export * from './certificate/index.js';
export * from './drill-module.js';
