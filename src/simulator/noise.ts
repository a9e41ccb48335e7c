import type { Rng } from '../domain/index.js';

/**
 * Gaussian deviates for every pixel without millions of calls into the seeded generator: a table of normals drawn
 * from the injected Rng, addressed by an xorshift32 stream (G. Marsaglia, J. Stat. Softw. 8(14), 2003) that is
 * itself seeded from that Rng, so the noise stays a pure function of the case seed. 8192 entries stay in L1 cache;
 * with random addressing the samples behave as independent standard normals.
 */
export function normalSource(rng: Rng): () => number {
  const N = 1 << 13;
  const table = new Float32Array(N);
  for (let i = 0; i < N; i++) table[i] = rng.normal();
  let s = (Math.floor(rng.next() * 4294967295) | 1) >>> 0;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return table[s & (N - 1)] as number;
  };
}

/** Fill `out` with standard normals from `rng` (through normalSource). */
export function fillNormal(out: Float32Array, rng: Rng): Float32Array {
  const g = normalSource(rng);
  for (let i = 0; i < out.length; i++) out[i] = g();
  return out;
}

/**
 * The same stream as normalSource, as a table and a seed for loops that step the xorshift themselves (a closure
 * call per pixel costs more than the arithmetic): s ^= s << 13; s ^= s >>> 17; s ^= s << 5 on an int32, then
 * table[s & (table.length - 1)].
 */
export function normalTable(rng: Rng): { readonly table: Float32Array; readonly seed: number } {
  const N = 1 << 13;
  const table = new Float32Array(N);
  for (let i = 0; i < N; i++) table[i] = rng.normal();
  return { table, seed: (Math.floor(rng.next() * 4294967295) | 1) >>> 0 };
}
