import type { CaseSource } from './case-types.js';
import { generateDemoCase } from './generate-case.js';

/** A CaseSource that generates on the calling thread: for Node tests, benchmarks and scripts. */
export function createDirectCaseSource(clock: () => number = () => 0): CaseSource {
  return {
    prepare: async (spec) => generateDemoCase(spec, clock),
    dispose: () => undefined,
  };
}
