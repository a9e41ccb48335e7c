/**
 * A film whose header declares Burned In Annotation = YES (0028,0301) may carry a name or an ID in its pixels, which
 * header de-identification cannot remove: it is left out of the pack, with the reason and what to do, unless the
 * builder says it checked every flagged image (reviewed).
 */
import { describe, expect, it } from 'vitest';
import { admitProbe, newAdmitState, type ProbeFacts, probeBytes } from '../../../src/authoring/build/probe.js';
import { TS } from '../../helpers/dicom-writer.js';
import { codecs, dicom, pattern12 } from './ingest/dicom/fixtures.js';

const film = (burned: 'YES' | 'NO'): Uint8Array => dicom({ ts: TS.explicitLE, pixels: pattern12(), extra: [{ tag: 0x00280301, vr: 'CS', value: burned }] });

describe('burned-in annotation', () => {
  it('is left out by default, saying why and how to include it after checking', async () => {
    const facts = (await probeBytes('dept/real/f1.dcm', film('YES'), codecs)) as ProbeFacts;
    expect(facts.burnedIn).toBe(true);
    const verdict = admitProbe(facts, { row: { label: 'real' } }, newAdmitState());
    expect(verdict).toMatchObject({ path: 'dept/real/f1.dcm', reason: 'burned-in' });
    expect((verdict as { message: string }).message).toMatch(/^dept\/real\/f1\.dcm: the DICOM header declares Burned In Annotation = YES \(0028,0301\).*left out\. Look at it: .*--reviewed/);
  });

  it('is admitted (still flagged in the case) when the builder says it reviewed the flagged images; NO is admitted as before', async () => {
    const facts = (await probeBytes('dept/real/f1.dcm', film('YES'), codecs)) as ProbeFacts;
    expect(admitProbe(facts, { row: { label: 'real' } }, newAdmitState(), true)).toMatchObject({ path: 'dept/real/f1.dcm', sha256: facts.sha256 });
    const plain = (await probeBytes('dept/real/f2.dcm', film('NO'), codecs)) as ProbeFacts;
    expect(plain.burnedIn).toBeUndefined();
    expect(admitProbe(plain, { row: { label: 'real' } }, newAdmitState())).toMatchObject({ sha256: plain.sha256 });
  });
});
