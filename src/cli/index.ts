/** Public face of cli/: the forge command line (Node only; nothing in the game imports it). */
export { runForge, USAGE } from './run-forge.js';
export type { ForgeIo } from './io.js';
export { nodeIo } from './io.js';
export { parseCommand, LEVELS, MAX_SEED } from './args.js';
export type { Command } from './args.js';
export { readImage, SUPPORTED_FORMATS } from './read-image.js';
export type { ReadImage } from './read-image.js';
export { MAX_SIDE_PX } from './image-limits.js';
export { rasterizeRegions } from './mask.js';
export { encodeGray16Png, encodeMaskPng, scaleTo16, writeFileAtomic } from './write-png.js';
export { listTechniques, formatTechniqueTable } from './techniques.js';
export type { TechniqueListing } from './techniques.js';
export { buildTruth } from './truth.js';
export type { TruthFile } from './truth.js';
export { CliError, EXIT_OK, EXIT_USAGE, EXIT_INPUT } from './errors.js';
export { runSimulate, SIMULATE_USAGE } from './run-simulate.js';
export { parseSimulateCommand, MAX_CASES } from './simulate-args.js';
export type { SimulateCommand } from './simulate-args.js';
