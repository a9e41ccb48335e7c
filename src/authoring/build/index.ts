export { buildPack, type BuildDeps, type BuildProgress, type BuildResult, type PackSink } from './build-pack.js';
export { BUILD_DEFAULTS, PACK_ID_PATTERN, checkBuildOptions, packIdFrom, type BuildOptions } from './build-options.js';
export {
  ambiguousLabel, labelFor, labelKeysFor, labelWarnings, matchLabels, unmatchedLabelRows, unmatchedLabelsWarning,
  normalisePath, rootLabelConflict, rootLabelFor, type InputRootLabel, type LabelMatches,
} from './labels.js';
export { MAX_CSV_FIELD, MAX_LABELS_BYTES, decodeCsvBytes, parseCsv, parseLabelWord, parseLabelsCsv, type InputLabel, type LabelRow, type LabelTable } from './labels-csv.js';
export { formatBuildReport, type BuildReport } from './report.js';
export { MAX_INPUT_BYTES, probeBytes, sha256Hex, type BadFile, type PackInputs, type Probe, type ProbeFacts } from './probe.js';
export { buildCase, forgeFirstFitting, type BuiltCase, type CaseJob, type Forged } from './build-case.js';
export { answerJob, forEachInOrder, inProcessJobs, replyTransfers, type BuildJobs, type JobReply, type JobRequest } from './jobs.js';
export { clipPolygonToRect, clipTells } from './clip-tells.js';
export { classProblem } from './pack-balance.js';
export { planPack, caseIdFor, type PlannedCase } from './plan-pack.js';
export { AUTHENTIC_CUES, DEFAULT_SYNTHETIC_EXPLANATION } from './case-truth.js';
export { TOOL_VERSION } from './version.js';
export { PACK_SETTINGS_FILE, parsePackSettings, type PackSettings } from './pack-settings.js';
