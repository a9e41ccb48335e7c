import { encode } from 'fast-png';
import { encodePackManifest, imagePathFor, originalPathFor } from '../../../src/pack-format/index.js';

/** A small valid pack manifest (as plain JSON) and its files, for tests to mutate. */
export const W = 32;
export const H = 24;

export function grayPng(width = W, height = H, fill = 100, depth: 8 | 16 = 16): Uint8Array {
  const data = depth === 16 ? new Uint16Array(width * height).fill(fill) : new Uint8Array(width * height).fill(fill);
  return encode({ width, height, data, depth, channels: 1 });
}

const SHA = 'a'.repeat(64);

export function validManifestJson(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id: 'st-marys-chest',
    title: 'St Mary chest set',
    author: 'Dr A. Example',
    licence: 'CC BY 4.0',
    description: 'Chest radiographs.\nSome are forged.',
    createdWith: { tool: 'pack', version: '0.1.0' },
    createdAt: '2026-03-01T10:00:00.000Z',
    seed: 42,
    image: { format: 'png', width: W, height: H, bitsStored: 12 },
    review: { flaggedCases: 1, reviewed: false },
    leakAudit: { threshold: 0.75, accepted: ['noise'], worstAuc: 0.7 },
    cases: [
      {
        id: 'c0001', file: imagePathFor('c0001'), bodyPart: 'CHEST', view: 'PA',
        source: { sha256: SHA, attribution: 'Example Hospital', licence: 'internal' },
        truth: { kind: 'authentic', authenticityCues: ['natural noise'] },
        header: [{ tag: '(0008,0060)', name: 'Modality', value: 'DX' }],
        flags: [{ kind: 'edge-text-like-region', detail: 'text-like marks near the top edge' }],
      },
      {
        id: 'c0002', file: imagePathFor('c0002'), original: originalPathFor('c0002'), bodyPart: 'CHEST', view: 'PA',
        source: { sha256: SHA, attribution: 'Example Hospital', licence: 'internal' },
        truth: {
          kind: 'forged',
          recipe: [{ techniqueId: 'pasted-lesion', level: 'subtle', seed: 7 }],
          tells: [{ artifactId: 'A9', regions: [[{ x: 1, y: 1 }, { x: 10, y: 1 }, { x: 10, y: 10 }]], strength: 0.5, explanation: 'A pasted lesion.', howToSee: 'Zoom the margin.' }],
        },
        header: [],
        flags: [],
      },
      {
        id: 'c0003', file: imagePathFor('c0003'), bodyPart: 'UNKNOWN', view: 'UNKNOWN',
        source: { sha256: SHA, attribution: '', licence: 'CC0' },
        truth: {
          kind: 'synthetic', generator: 'RoentGen', explanation: 'Made by a diffusion model.', tells: [],
          provenance: [{ source: 'PNG tEXt "parameters"', text: 'steps: 50', generator: 'Stable Diffusion', isAiDeclared: true }],
        },
        header: [],
        flags: [],
      },
    ],
  };
}

/** The valid manifest with its three images and one original, as a pack. */
export function validPackFiles(): Map<string, Uint8Array> {
  const json = validManifestJson();
  const files = new Map<string, Uint8Array>([['manifest.json', new TextEncoder().encode(JSON.stringify(json))]]);
  for (const id of ['c0001', 'c0002', 'c0003']) files.set(imagePathFor(id), grayPng(W, H, 100 + id.length));
  files.set(originalPathFor('c0002'), grayPng());
  return files;
}

export { encodePackManifest };
