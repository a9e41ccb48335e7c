import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  BUNDLE_SESSION_PATH, buildSessionBundle, collectResults, packContentSha256, readDrillResults, readSessionBundle,
} from '../../../src/delivery/index.js';
import { readPack } from '../../../src/pack-format/index.js';
import { validPackFiles } from '../pack-format/fixtures.js';
import { answersFor, ISSUED, readerSaves, signedSession, TECHNIQUE_IDS } from '../../helpers/delivery.js';

/**
 * A zip's entries are checked against the file's own limit by their declared size, before they are inflated: a small
 * zip cannot make the dashboard, the drill report or a resident's game unpack hundreds of MB. The declared size is
 * checked against the data on extraction, so an entry cannot declare little and inflate to more.
 */
function declareSize(zip: Uint8Array, entry: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const name = new TextEncoder().encode(entry);
  const named = (at: number): boolean => name.every((b, i) => out[at + i] === b);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true);
    // Local header: size at 22, name at 30; central directory header: size at 24, name at 46 (APPNOTE 4.3.7, 4.3.12).
    if (sig === 0x04034b50 && named(i + 30)) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && named(i + 46)) view.setUint32(i + 24, size, true);
  }
  return out;
}

/** 40 KB that does not compress, so the declared 9 MB stays under the zip-bomb ratio and only the size limit applies. */
const noise = (): Uint8Array => {
  const b = new Uint8Array(40_000);
  let x = 7;
  for (let i = 0; i < b.length; i++) b[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  return b;
};

describe('zip entries larger than their file can be', () => {
  it('are refused as too large by their declared size, not unpacked, and the other entries are read', async () => {
    const s = await signedSession();
    const ana = await readerSaves(s, 'Ana', await answersFor(s, () => 5));
    const zip = declareSize(zipSync({ 'ana.json': ana.bytes, 'huge.json': [noise(), { level: 0 }] }), 'huge.json', 9 * 1024 * 1024);
    const c = await collectResults([{ name: 'class.zip', bytes: zip }], null);
    expect(c.accepted.map((a) => a.name)).toEqual(['class.zip/ana.json']);
    expect(c.refused).toEqual([{ name: 'class.zip/huge.json', reason: 'too-large', message: expect.stringMatching(/would unpack to 9\.0 MB.*not unpacked/) }]);
    const drill = await readDrillResults([{ name: 'class.zip', bytes: zip }], { techniques: TECHNIQUE_IDS, manifestFor: async () => null });
    expect(drill.files.find((f) => f.name === 'class.zip/huge.json')).toMatchObject({ status: 'refused', message: expect.stringMatching(/not unpacked/) });
  });

  it('a bundle whose session.json declares more than a session can be is refused before it is unpacked', async () => {
    const pack = validPackFiles();
    const s = await signedSession({ deck: { kind: 'pack', packId: readPack(pack).id, sha256: await packContentSha256(pack), seed: 3 } });
    const bundle = declareSize(await buildSessionBundle(s, pack), BUNDLE_SESSION_PATH, 100_000);
    const read = await readSessionBundle(bundle, ISSUED);
    expect(read).toEqual({ ok: false, message: expect.stringMatching(/session\.json would unpack to 100000 bytes.*not read/) });
  });
});
