/** Public face of authoring/audit/: the leak audit of served images. Runs in Node and in a Web Worker. */
export { PROPERTIES, PROPERTY_NAMES, isPropertyName, type PropertyName, type PropertyVector } from './properties.js';
export { measureServedImage } from './measure.js';
export { blockiness, highFrequencyShare, histogramStats, pixelStats, robustNoise, type HistogramStats, type PixelStats } from './pixel-stats.js';
export {
  DEFAULT_LEAK_THRESHOLD,
  LeakAuditError,
  auditLeaks,
  type LeakAuditOptions,
  type LeakAuditReport,
  type LeakAuditRow,
  type LeakComparison,
  type LeakStatus,
  type PropertyLeak,
} from './leak-audit.js';
export { formatLeakAudit } from './format.js';
