/** The readiness drill's words: briefing and title hooks, answers in words, the AI badge, the debrief's disclosure. */
export * from './hooks.js';
export * from './answer-words.js';
export * from './status-words.js';
export * from './form-words.js';
