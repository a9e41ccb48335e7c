export * from './stored-session.js';
export * from './session-codec.js';
export * from './export-results.js';
