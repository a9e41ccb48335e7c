import { createRng, hashString, shuffled } from '../domain/index.js';
import { fromBase64Url, sha256 } from './encoding.js';

/**
 * Counterbalanced case order for a reader study: every reader reads the same cases, in an order drawn from the rows
 * of a balanced Latin square (a Williams design: Williams, Aust. J. Sci. Res. A 2, 149-168, 1949). Over a complete
 * set of rows each block of cases appears once in every position and, for an even number of blocks, follows every
 * other block exactly once, so fatigue and learning effects fall evenly on the cases. An odd number of blocks needs
 * the square and its mirror (2n rows) for the carry-over balance.
 */

/** Rows of a Williams design for n treatments (0..n-1). n rows when n is even, 2n when odd. */
export function williamsDesign(n: number): number[][] {
  if (!Number.isInteger(n) || n < 1) throw new Error(`williamsDesign: n must be a positive integer, got ${n}`);
  // First row 0, 1, n-1, 2, n-2, ...; row i adds i (mod n) to each entry.
  const first: number[] = [0];
  for (let k = 1, lo = 1, hi = n - 1; k < n; k++) first.push(k % 2 === 1 ? lo++ : hi--);
  const rows = Array.from({ length: n }, (_, i) => first.map((x) => (x + i) % n));
  return n % 2 === 0 ? rows : [...rows, ...rows.map((r) => [...r].reverse())];
}

/**
 * A reader's stable index from their public key: the first 32 bits of SHA-256 of the raw key. The same reader
 * (the same browser) gets the same order after a reload; different readers are spread over the rows. A key is
 * random, so over a cohort the rows are used about equally, not exactly: the design balances a cohort only when
 * its size is a multiple of the rows and each row is drawn once.
 */
export async function readerIndexOf(publicKey: string): Promise<number> {
  const h = await sha256(fromBase64Url(publicKey));
  return ((h[0] as number) * 2 ** 24) + ((h[1] as number) << 16) + ((h[2] as number) << 8) + (h[3] as number);
}

/** Cases are cut into at most this many blocks: enough positions to balance, rows few enough to be used in a class. */
export const MAX_BLOCKS = 6;

/**
 * The order of `items` for one reader. The items are cut into contiguous blocks (as equal as possible, at most
 * MAX_BLOCKS) and the blocks are laid out in the order of one row of the Williams design. Which row a reader
 * index gets is shifted by the seed, so two sessions do not give the same reader the same row. Pure: same inputs,
 * same order on every machine. Cases inside a block keep their order.
 */
export function counterbalancedOrder<T>(items: readonly T[], readerIndex: number, seed: string): T[] {
  if (!Number.isInteger(readerIndex) || readerIndex < 0) throw new Error(`counterbalancedOrder: readerIndex must be an integer >= 0, got ${readerIndex}`);
  const n = Math.min(items.length, MAX_BLOCKS);
  if (n <= 1) return [...items];
  const blocks: T[][] = [];
  for (let b = 0, start = 0; b < n; b++) {
    const size = Math.floor(items.length / n) + (b < items.length % n ? 1 : 0);
    blocks.push(items.slice(start, start + size));
    start += size;
  }
  const rows = williamsDesign(n);
  // A seeded permutation of the rows: the reader index picks a row through it.
  const rowOrder = shuffled(rows.map((_, i) => i), createRng(hashString(`counterbalance:${seed}`)));
  const row = rows[rowOrder[readerIndex % rows.length] as number] as number[];
  return row.flatMap((b) => blocks[b] as T[]);
}
