/** Public face of cli/: the forge and pack command lines (Node only; nothing in the game imports it). */
export { runForge, USAGE } from './run-forge.js';
export type { ForgeIo } from './io.js';
export { nodeIo } from './io.js';
export { parseCommand, LEVELS, MAX_SEED } from './args.js';
export type { Command } from './args.js';
export { readForgeInput, type ForgeInput } from './read-input.js';
export { runPack, type PackConsole } from './run-pack.js';
export { rasterizeRegions } from './mask.js';
export { encodeGray16Png, encodeMaskPng, scaleTo16, writeFileAtomic } from './write-png.js';
export { listTechniques, formatTechniqueTable } from './techniques.js';
export type { TechniqueListing } from './techniques.js';
export { buildTruth } from './truth.js';
export type { TruthFile } from './truth.js';
export { CliError, EXIT_OK, EXIT_USAGE, EXIT_INPUT } from './errors.js';
export { runLms, type LmsConsole } from './run-lms.js';
export { parseLmsCommand, LMS_USAGE, type LmsCommand, type LmsPackageCommand } from './lms-args.js';
