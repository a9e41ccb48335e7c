/**
 * The chest radiograph simulator's public face: other folders import the simulator only from here.
 */
export { simulateChest, SIMULATOR_VERSION } from './simulate-chest.js';
export type { Acquisition, ChestAnatomy, Finding, FindingKind, PatientParams, SimulatedChest, SimulateOptions } from './simulate-chest.js';
