export * from './types.js';
export { simulateChest } from './simulate-chest.js';
export type { ChestAnatomy, PatientParams, SimulatedChest, SimulateOptions } from './simulate-chest.js';
export * from './lenses/index.js';
export * from './normalise/index.js';
