import { describe, expect, it } from 'vitest';
import { counterbalancedOrder, readerIndexOf, readerRounds, williamsDesign, generateSigningKey } from '../../../src/delivery/index.js';
import { sessionBody } from '../../helpers/delivery.js';

describe('counterbalanced order (Williams design)', () => {
  it('each treatment once per row and per position; each ordered pair adjacent equally often', () => {
    for (let n = 2; n <= 9; n++) {
      const rows = williamsDesign(n);
      expect(rows.length).toBe(n % 2 === 0 ? n : 2 * n);
      for (const r of rows) expect([...r].sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
      for (let pos = 0; pos < n; pos++) {
        const counts = new Array(n).fill(0);
        for (const r of rows) counts[r[pos] as number]++;
        expect(new Set(counts).size, `n=${n} position ${pos}`).toBe(1);
      }
      const pairs = new Map<string, number>();
      for (const r of rows) for (let i = 1; i < n; i++) pairs.set(`${r[i - 1]}>${r[i]}`, (pairs.get(`${r[i - 1]}>${r[i]}`) ?? 0) + 1);
      expect(pairs.size, `n=${n}: every ordered pair occurs`).toBe(n * (n - 1));
      expect(new Set(pairs.values()).size, `n=${n}: equally often`).toBe(1);
    }
  });

  it('keeps the same cases, is stable for a reader and differs between readers and seeds', () => {
    const cases = Array.from({ length: 20 }, (_, i) => `c${i}`);
    const a = counterbalancedOrder(cases, 12345, 'session-1');
    expect([...a].sort()).toEqual([...cases].sort());
    expect(counterbalancedOrder(cases, 12345, 'session-1')).toEqual(a);
    const orders = new Set(Array.from({ length: 6 }, (_, r) => counterbalancedOrder(cases, r, 'session-1').join()));
    expect(orders.size).toBe(6);
    // Over a complete set of rows each block's first case leads exactly once.
    const firsts = new Set(Array.from({ length: 6 }, (_, r) => counterbalancedOrder(cases, r, 'session-1')[0]));
    expect(firsts.size).toBe(6);
    expect(counterbalancedOrder(['x'], 3, 's')).toEqual(['x']);
    expect(() => counterbalancedOrder(cases, -1, 's')).toThrow(/readerIndex/);
  });

  it('a reader index comes from the key, and the session order decides whether it is used', async () => {
    const k = await generateSigningKey(false);
    const idx = await readerIndexOf(k.publicKey);
    expect(idx).toBe(await readerIndexOf(k.publicKey));
    expect(Number.isInteger(idx) && idx >= 0 && idx < 2 ** 32).toBe(true);
    const rounds = [['a', 'b', 'c', 'd'], ['e', 'f']];
    expect(readerRounds(sessionBody({ order: 'same' }), rounds, idx)).toEqual(rounds);
    const cb = readerRounds(sessionBody({ order: 'counterbalanced' }), rounds, 1);
    expect(cb.map((r) => [...r].sort())).toEqual(rounds);
  });
});
