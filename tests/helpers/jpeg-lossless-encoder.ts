/**
 * A tiny JPEG lossless encoder for test fixtures (ITU T.81 Annex H, process 14, as DICOM 1.2.840.10008.1.2.4.70
 * expects): one component, predictor 1 (left), point transform 0, one Huffman table giving each of the 17 difference
 * categories a 5-bit code. Small and slow; good enough for fixtures of a few thousand pixels.
 */
class BitWriter {
  readonly bytes: number[] = [];
  private acc = 0;
  private n = 0;
  write(value: number, bits: number): void {
    for (let b = bits - 1; b >= 0; b--) {
      this.acc = (this.acc << 1) | ((value >> b) & 1);
      if (++this.n === 8) this.flushByte();
    }
  }
  private flushByte(): void {
    this.bytes.push(this.acc);
    if (this.acc === 0xff) this.bytes.push(0); // byte stuffing (T.81 F.1.2.3)
    this.acc = 0;
    this.n = 0;
  }
  finish(): void {
    while (this.n !== 0) this.write(1, 1); // pad with 1-bits (T.81 F.1.2.3)
  }
}

const u16 = (v: number): number[] => [(v >> 8) & 0xff, v & 0xff];

export function encodeJpegLossless(samples: Uint16Array | Uint8Array, width: number, height: number, precision: number): Uint8Array {
  const out: number[] = [0xff, 0xd8];
  out.push(0xff, 0xc3, ...u16(11), precision, ...u16(height), ...u16(width), 1, 1, 0x11, 0);
  // DHT: class 0 (DC/lossless), table 0; 17 codes of length 5 for categories 0..16 (code k = k).
  const counts = new Array<number>(16).fill(0);
  counts[4] = 17;
  const symbols = Array.from({ length: 17 }, (_, k) => k);
  out.push(0xff, 0xc4, ...u16(2 + 1 + 16 + 17), 0x00, ...counts, ...symbols);
  // SOS: one component, table 0, Ss = predictor 1, Se = 0, Ah/Al = 0.
  out.push(0xff, 0xda, ...u16(8), 1, 1, 0x00, 1, 0, 0);
  const bw = new BitWriter();
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      // H.1.2.1: the first sample predicts from 2^(P-1), the first row from the left, the first column from above.
      const pred = x === 0 && y === 0 ? 1 << (precision - 1) : x === 0 ? (samples[i - width] as number) : (samples[i - 1] as number);
      let diff = ((samples[i] as number) - pred) & 0xffff;
      if (diff >= 0x8000) diff -= 0x10000; // modulo 2^16 (H.1.2.1)
      const ssss = diff === 0 ? 0 : diff === -32768 ? 16 : Math.floor(Math.log2(Math.abs(diff))) + 1;
      bw.write(ssss, 5);
      if (ssss > 0 && ssss < 16) bw.write(diff < 0 ? diff - 1 : diff, ssss);
    }
  }
  bw.finish();
  out.push(...bw.bytes, 0xff, 0xd9);
  return Uint8Array.from(out);
}
