export { buildPack, type BuildDeps, type BuildProgress, type BuildResult, type PackSink } from './build-pack.js';
export { BUILD_DEFAULTS, PACK_ID_PATTERN, checkBuildOptions, packIdFrom, type BuildOptions } from './build-options.js';
export {
  ambiguousLabel, labelFor, labelKeysFor, labelWarnings, matchLabels, parseCsv, unmatchedLabelRows, unmatchedLabelsWarning,
  parseLabelsCsv, normalisePath, type LabelMatches, type LabelRow, type LabelTable, type InputLabel,
} from './labels.js';
export { formatBuildReport, type BuildReport } from './report.js';
export { MAX_INPUT_BYTES, sha256Hex, type BadFile, type PackInputs } from './probe.js';
export { planPack, caseIdFor, type PlannedCase } from './plan-pack.js';
export { AUTHENTIC_CUES, DEFAULT_SYNTHETIC_EXPLANATION } from './case-truth.js';
export { TOOL_VERSION } from './version.js';
export { PACK_SETTINGS_FILE, parsePackSettings, type PackSettings } from './pack-settings.js';
