/**
 * The collimated field on the detector: a rectangle (in final pixels, tilted about its centre) with a penumbra as
 * wide as the focal spot's shadow of the shutter blades. Lead shutters are not perfectly opaque, and off-focal
 * radiation leaks past them, so a little signal remains outside (Bushberg et al., ch. 6, on collimation).
 */
export interface FieldShape {
  /** Open field in final pixels, before its own tilt about its centre. */
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly tilt: number;
  readonly penumbra: number;
}

const LEAK = 0.02;

const smooth = (t: number): number => (t <= 0 ? 0 : t >= 1 ? 1 : t * t * (3 - 2 * t));

/** Smallest and largest X in |k X + m| <= lim, intersected with [lo, hi] (empty: lo > hi). */
function clip(k: number, m: number, lim: number, lo: number, hi: number, out: Float64Array): void {
  if (Math.abs(k) < 1e-12) {
    out[0] = Math.abs(m) <= lim ? lo : 1;
    out[1] = Math.abs(m) <= lim ? hi : 0;
    return;
  }
  const a = (-lim - m) / k;
  const b = (lim - m) / k;
  out[0] = Math.max(lo, Math.min(a, b));
  out[1] = Math.min(hi, Math.max(a, b));
}

/** A class (one optimised copy across films) rather than closures made per film. */
export class CollimatorField {
  /** True when the shutters lie outside the detector (no visible collimation). */
  readonly open: boolean;
  /** Row range set by span(). */
  lo = 0;
  hi = -1;
  private readonly cx: number;
  private readonly cy: number;
  private readonly c: number;
  private readonly s: number;
  private readonly hx: number;
  private readonly hy: number;
  private readonly p: number;
  private readonly t = new Float64Array(2);

  constructor(f: FieldShape, private readonly w: number, h: number) {
    this.cx = (f.x0 + f.x1) / 2;
    this.cy = (f.y0 + f.y1) / 2;
    this.c = Math.cos(f.tilt);
    this.s = Math.sin(f.tilt);
    this.hx = (f.x1 - f.x0) / 2;
    this.hy = (f.y1 - f.y0) / 2;
    this.p = f.penumbra;
    this.open = f.tilt === 0 && f.x0 <= -f.penumbra && f.y0 <= -f.penumbra && f.x1 >= w + f.penumbra && f.y1 >= h + f.penumbra;
  }

  /** Open-field transmission at (x, y): 1 inside, LEAK outside, soft over the penumbra. */
  weight(x: number, y: number): number {
    const { cx, cy, c, s, hx, hy, p } = this;
    const u = c * (x - cx) + s * (y - cy);
    const v = -s * (x - cx) + c * (y - cy);
    const w = smooth((hx - Math.abs(u) + p) / (2 * p)) * smooth((hy - Math.abs(v) + p) / (2 * p));
    return LEAK + (1 - LEAK) * w;
  }

  /**
   * Sets [lo, hi] to the pixels of row y whose centres lie a pixel or more inside the full-transmission part of the
   * field (weight exactly 1 there; callers evaluate weight() only outside it). Empty when lo > hi.
   */
  span(y: number): void {
    const { cx, cy, c, s, t } = this;
    const Y = y + 0.5 - cy;
    // |c X + s Y| <= hx - p and |-s X + c Y| <= hy - p, for X = x + 0.5 - cx: each an interval in X.
    clip(c, s * Y, this.hx - this.p, -Infinity, Infinity, t);
    clip(-s, c * Y, this.hy - this.p, t[0] as number, t[1] as number, t);
    this.lo = Math.max(0, Math.ceil((t[0] as number) + cx - 0.5) + 1);
    this.hi = Math.min(this.w - 1, Math.floor((t[1] as number) + cx - 0.5) - 1);
  }
}
