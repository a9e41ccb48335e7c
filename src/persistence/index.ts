export * from './session-repository.js';
export * from './idb-session-repository.js';
