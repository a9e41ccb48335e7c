/** Reader-study metrics: pure functions over CaseRecords (metrics/README.md). */
export * from './auc.js';
export * from './binary.js';
export * from './breakdowns.js';
export * from './calibration.js';
export * from './localisation.js';
export * from './normal-quantile.js';
export * from './plain-language.js';
export * from './report.js';
export * from './roc.js';
export * from './sdt.js';
export * from './timing.js';
