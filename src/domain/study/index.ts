/**
 * Multi-reader multi-case (MRMC) reader studies: the neutral ReaderStudy shape, LABMRMC .lrc and iMRMC files for
 * rerunning an analysis in RJafroc or iMRMC, the Obuchowski–Rockette analysis of the empirical AUC (jackknife
 * covariances, Hillis df), and the instructor's cohort debrief built on it and on metrics/.
 */
export * from './reader-study.js';
export * from './lrc.js';
export * from './imrmc.js';
export { tQuantile, fUpperTail } from './distributions.js';
export { jackknifeAucs, jackknifeCovariance, type AucJackknife } from './jackknife.js';
export * from './obuchowski-rockette.js';
export { validateCohort, completeCaseStudy, type CompleteCaseStudy, type CohortReader, type CohortReading } from './cohort-input.js';
export * from './cohort.js';
export * from './cohort-change.js';
export * from './cohort-tells.js';
