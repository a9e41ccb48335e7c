/** Public face of presenters/: the words, figures and layout the screens show, computed from state. Pure. */
export * from './announcer.js';
export * from './review-text.js';
export * from './theme.js';
export * from './plots.js';
export * from './figures.js';
export * from './learning.js';
export * from './category-labels.js';
export * from './preset-labels.js';
export * from './mode-hooks.js';
export * from './module.js';
export * from './duration.js';
export * from './resume-words.js';
export * from './readiness/index.js';
export * from './training-words.js';
export * from './dashboard.js';
export * from './history.js';
export * from './viewer-words.js';
