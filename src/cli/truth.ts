/**
 * The truth JSON written next to a fake. The input is named by the SHA-256 of its bytes, never by its path or file
 * name: dataset file names often encode a patient index (NIH ChestX-ray14's do), and no patient identifier may be
 * stored or exported. No header text is copied either. Polygon vertices are rounded to 1/100 px.
 */
import { createHash } from 'node:crypto';
import type { ArtifactId } from '../domain/index.js';
import type { Difficulty, Tell } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';

export interface TruthFile {
  /** SHA-256 of the input file's bytes, hex. */
  readonly inputSha256: string;
  readonly width: number;
  readonly height: number;
  readonly bitsStored: number;
  readonly technique: string;
  readonly level: Difficulty;
  readonly seed: number;
  /** For metadata techniques: the forged header attributes. */
  readonly header?: readonly { readonly tag: string; readonly name: string; readonly value: string }[];
  readonly tells: readonly {
    readonly artifactId: ArtifactId;
    readonly explanation: string;
    readonly howToSee: string;
    readonly strength: number;
    readonly regions: readonly (readonly { readonly x: number; readonly y: number }[])[];
  }[];
}

const r2 = (v: number): number => Math.round(v * 100) / 100;

export function inputDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function buildTruth(
  inputSha256: string,
  fake: GrayImage,
  recipe: { readonly techniqueId: string; readonly level: Difficulty; readonly seed: number },
  tells: readonly Tell[],
  header?: readonly { readonly tag: string; readonly name: string; readonly value: string }[],
): TruthFile {
  return {
    ...(header ? { header: header.map((f) => ({ tag: f.tag, name: f.name, value: f.value })) } : {}),
    inputSha256,
    width: fake.width,
    height: fake.height,
    bitsStored: fake.bitsStored,
    technique: recipe.techniqueId,
    level: recipe.level,
    seed: recipe.seed,
    tells: tells.map((t) => ({
      artifactId: t.artifactId,
      explanation: t.explanation,
      howToSee: t.howToSee,
      strength: t.strength,
      regions: t.regions.map((poly) => poly.map((p) => ({ x: r2(p.x), y: r2(p.y) }))),
    })),
  };
}
