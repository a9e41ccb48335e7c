/**
 * The truth recorded for each pack case, in the manifest's shape. Imported AI images keep what their files declared
 * (provenance), so the review can teach it even though served files carry no metadata.
 */
import type { ForgeryStep, Tell } from '../../domain/index.js';
import type { PackCase } from '../../pack-format/index.js';
import type { PlannedKind } from './plan-pack.js';
import type { Probe } from './probe.js';

/** What marks an imported real image as authentic, in words a reader can check on any real radiograph. */
export const AUTHENTIC_CUES: readonly string[] = [
  "A real exam from the instructor's own archive, imported unchanged apart from size and depth.",
  'Quantum noise that is grainier in the dense (bright) areas than in the lungs, as photon counts dictate.',
  'Anatomy that continues consistently across the image: ribs, vessels and trabeculae with natural irregularity.',
];

export const DEFAULT_SYNTHETIC_EXPLANATION =
  'This image was made by an AI image generator, not by an X-ray detector. Generators reproduce the look of a ' +
  'radiograph but not its physics: check the noise, the fine texture, symmetry and text (see the artifact atlas).';

export function caseTruthFor(kind: PlannedKind, probe: Probe, recipe: readonly ForgeryStep[], tells: readonly Tell[]): PackCase['truth'] {
  if (kind === 'authentic') return { kind: 'authentic', authenticityCues: [...AUTHENTIC_CUES] };
  if (kind === 'forged') return { kind: 'forged', recipe: [...recipe], tells: [...tells] };
  return {
    kind: 'synthetic',
    generator: probe.generator ?? 'an unnamed generator',
    provenance: [...probe.provenance],
    explanation: probe.label.explanation ?? DEFAULT_SYNTHETIC_EXPLANATION,
    tells: [],
  };
}
