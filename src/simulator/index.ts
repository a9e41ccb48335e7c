/**
 * The chest radiograph simulator's public face: other folders import the simulator only from here.
 */
export { simulateChest } from './simulate-chest.js';
export type { ChestAnatomy, PatientParams, SimulatedChest, SimulateOptions } from './simulate-chest.js';
