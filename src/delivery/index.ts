/**
 * Public face of delivery/: training sessions for a cohort without a server of our own. Signed session definitions
 * and their links, QR codes and bundles; counterbalanced case order; reader keys and signed result files; the
 * dashboard's intake of many result files; xAPI statements, their offline queue and the LRS reader. Runs in the
 * browser and in Node (WebCrypto, fetch); storage comes in through ports the app wires to IndexedDB.
 */
export * from './encoding.js';
export * from './keys.js';
export * from './mode-settings.js';
export * from './session-schema.js';
export * from './session-sign.js';
export * from './session-link.js';
export * from './bundle.js';
export * from './counterbalance.js';
export * from './deck-plan.js';
export * from './reader-identity.js';
export * from './result-schema.js';
export * from './result-file.js';
export * from './collect.js';
export * from './report-words.js';
export * from './cohort-readers.js';
export * from './csv.js';
export * from './drill-facts.js';
export * from './drill-results.js';
export * from './xapi/vocabulary.js';
export * from './xapi/statements.js';
export * from './xapi/lrs-client.js';
export * from './xapi/outbox.js';
export { describeZodIssues } from './zod-issues.js';
