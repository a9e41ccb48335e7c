export { scormManifest, schemaFilesFor, LAUNCH_FILE, LAUNCH_PARAMETERS } from './scorm-manifest.js';
export { cmi5CourseStructure, CMI5_NAMESPACE, courseIri, auIri } from './cmi5-course.js';
export { xmlEscape } from './xml.js';
export { isDrillDefinition, launchParametersFor, manifestSubject, type ManifestSubject, type PackagedDefinition } from './subject.js';
export { allowLrsConnections, GAME_FILE_LIST, modulePackageFiles, moduleZip, MODULE_META, type FileMap, type PackageInputs } from './package-files.js';
