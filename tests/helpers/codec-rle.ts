/**
 * A tiny RLE Lossless encoder for test fixtures (DICOM PS3.5 Annex G): one PackBits segment per byte plane, most
 * significant plane first, behind the 64-byte segment header. Runs of 3+ equal bytes become replicate runs.
 */
function packBits(plane: Uint8Array): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < plane.length) {
    let run = 1;
    while (i + run < plane.length && run < 128 && plane[i + run] === plane[i]) run++;
    if (run >= 3) {
      out.push((1 - run) & 0xff, plane[i] as number);
      i += run;
      continue;
    }
    const start = i;
    while (i < plane.length && i - start < 128) {
      if (i + 2 < plane.length && plane[i] === plane[i + 1] && plane[i] === plane[i + 2]) break;
      i++;
    }
    out.push(i - start - 1, ...plane.subarray(start, i));
  }
  return out;
}

/** Encodes one grayscale frame: 8-bit samples as one segment, 16-bit as two (high byte plane, then low). */
export function encodeRle(samples: Uint8Array | Uint16Array): Uint8Array {
  const planes: Uint8Array[] =
    samples instanceof Uint8Array
      ? [samples]
      : [Uint8Array.from(samples, (v) => v >> 8), Uint8Array.from(samples, (v) => v & 0xff)];
  const segments = planes.map(packBits);
  const header = new DataView(new ArrayBuffer(64));
  header.setUint32(0, segments.length, true);
  let offset = 64;
  segments.forEach((s, k) => {
    header.setUint32(4 + 4 * k, offset, true);
    offset += s.length;
  });
  const out = new Uint8Array(offset);
  out.set(new Uint8Array(header.buffer), 0);
  let at = 64;
  for (const s of segments) {
    out.set(s, at);
    at += s.length;
  }
  return out;
}
