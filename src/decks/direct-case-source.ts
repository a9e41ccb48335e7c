import { isPackCaseSpec, type CaseSource } from './case-types.js';
import { generateDemoCase } from './generate-case.js';

/** A CaseSource that generates on the calling thread: for Node tests, benchmarks and scripts. */
export function createDirectCaseSource(clock: () => number = () => 0): CaseSource {
  return {
    prepare: async (spec) => {
      if (isPackCaseSpec(spec)) throw new Error(`createDirectCaseSource: case ${spec.id} belongs to pack '${spec.packId}'; use a pack case source`);
      return generateDemoCase(spec, clock);
    },
    dispose: () => undefined,
  };
}
