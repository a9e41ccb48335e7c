import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  buildSessionBundle, packContentSha256, planSessionDeck, readSessionBundle,
} from '../../../src/delivery/index.js';
import { packToZip, readPack, unzipPack } from '../../../src/pack-format/index.js';
import { validPackFiles } from '../pack-format/fixtures.js';
import { ISSUED, signedSession, TECHNIQUE_IDS } from '../../helpers/delivery.js';

describe('session bundle (pack + session)', () => {
  it('round-trips, and the pack hash does not depend on how the pack was zipped', async () => {
    const pack = validPackFiles();
    const manifest = readPack(pack);
    const sha = await packContentSha256(pack);
    expect(await packContentSha256(unzipPack(packToZip(new Map([...pack].reverse()))))).toBe(sha);
    const s = await signedSession({ deck: { kind: 'pack', packId: manifest.id, sha256: sha, seed: 3 } }, { casesPerRound: 2 });
    const bundle = await buildSessionBundle(s, pack);
    const read = await readSessionBundle(bundle, ISSUED);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.manifest.id).toBe(manifest.id);
    expect([...read.pack.keys()].sort()).toEqual([...pack.keys()].sort());
    const plan = await planSessionDeck(read.session.signed.session, TECHNIQUE_IDS, read.manifest);
    expect(plan.rounds.flat()).toHaveLength(2);
  });

  it('refuses a swapped pack, a tampered session, a demo session, a plain pack and junk, with a sentence', async () => {
    const pack = validPackFiles();
    const manifest = readPack(pack);
    const s = await signedSession({ deck: { kind: 'pack', packId: manifest.id, sha256: await packContentSha256(pack), seed: 3 } });
    const bundle = await buildSessionBundle(s, pack);
    const files = unzipPack(bundle);
    const first = [...files.keys()].find((k) => k.startsWith('pack/images/')) as string;
    const swapped = zipSync(Object.fromEntries([...files].map(([k, v]) => [k, k === first ? new Uint8Array([...v.slice(0, -1), (v[v.length - 1] as number) ^ 1]) : v])));
    const tampered = zipSync(Object.fromEntries([...files].map(([k, v]) => [k, k === 'session.json' ? new TextEncoder().encode(new TextDecoder().decode(v).replace('Tuesday', 'Monday')) : v])));
    const cases: [Uint8Array, RegExp][] = [
      [swapped, /not valid|not the one/],
      [tampered, /altered/],
      [packToZip(pack), /no session\.json/],
      [new Uint8Array([1, 2, 3]), /not a zip|zip/i],
    ];
    for (const [bytes, msg] of cases) {
      const r = await readSessionBundle(bytes, ISSUED);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(msg);
    }
    await expect(buildSessionBundle(await signedSession(), pack)).rejects.toThrow(/demo deck/);
    await expect(buildSessionBundle({ ...s, session: { ...s.session, deck: { ...s.session.deck, sha256: '0'.repeat(64) } as typeof s.session.deck } }, pack)).rejects.toThrow(/hashes to/);
  });
});
