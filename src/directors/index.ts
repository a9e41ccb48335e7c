/** Public face of directors/: store subscribers that drive the ports (viewer, audio, storage, status line). */
export * from './case-flow.js';
export * from './clock.js';
export * from './audio-director.js';
export * from './status-line.js';
export * from './viewer-visibility.js';
export * from './persistence-director.js';
export * from './bind-viewer.js';
export * from './page-title.js';
export * from './dashboard-case.js';
export * from './viewer-words.js';
