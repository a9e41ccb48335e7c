/** Area down-sampling by an integer factor and bilinear up-sampling back: the blur a rescale round trip leaves. */

/** Cell means of f x f cells anchored at (0, 0); partial cells at the edges average what they hold. */
export function cellMeans(src: Float32Array, w: number, h: number, f: number): { data: Float32Array; cw: number; ch: number } {
  const cw = Math.ceil(w / f);
  const ch = Math.ceil(h / f);
  const sum = new Float32Array(cw * ch);
  const cnt = new Float32Array(cw * ch);
  for (let y = 0; y < h; y++) {
    const row = Math.floor(y / f) * cw;
    for (let x = 0; x < w; x++) {
      const c = row + Math.floor(x / f);
      sum[c] = (sum[c] as number) + (src[y * w + x] as number);
      cnt[c] = (cnt[c] as number) + 1;
    }
  }
  for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] as number) / Math.max(1, cnt[i] as number);
  return { data: sum, cw, ch };
}

/** Bilinear interpolation of a cell grid (cell centres at ((i + 0.5) f)) back to w x h, clamped at the edges. */
export function upsampleBilinear(cells: Float32Array, cw: number, ch: number, f: number, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h);
  const xi = new Int32Array(w);
  const xt = new Float32Array(w);
  for (let x = 0; x < w; x++) {
    const u = Math.min(cw - 1, Math.max(0, (x + 0.5) / f - 0.5));
    xi[x] = Math.min(cw - 2, Math.floor(u));
    xt[x] = u - Math.max(0, xi[x] as number);
    if (cw === 1) {
      xi[x] = 0;
      xt[x] = 0;
    }
  }
  for (let y = 0; y < h; y++) {
    const v = Math.min(ch - 1, Math.max(0, (y + 0.5) / f - 0.5));
    const j = ch === 1 ? 0 : Math.min(ch - 2, Math.floor(v));
    const t = ch === 1 ? 0 : v - j;
    const r0 = j * cw;
    const r1 = ch === 1 ? r0 : r0 + cw;
    for (let x = 0; x < w; x++) {
      const i = Math.max(0, xi[x] as number);
      const s = xt[x] as number;
      const i1 = cw === 1 ? i : i + 1;
      const a = (cells[r0 + i] as number) * (1 - s) + (cells[r0 + i1] as number) * s;
      const b = (cells[r1 + i] as number) * (1 - s) + (cells[r1 + i1] as number) * s;
      out[y * w + x] = a * (1 - t) + b * t;
    }
  }
  return out;
}

export function downUp(src: Float32Array, w: number, h: number, f: number): Float32Array {
  const { data, cw, ch } = cellMeans(src, w, h, f);
  return upsampleBilinear(data, cw, ch, f, w, h);
}
