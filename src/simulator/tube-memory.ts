import { TUBE_PAINT_WASM } from './tube-paint-wasm.js';
import type { TubeNode, TubeTexture } from './tubes.js';
import { kernelsIn, wasmMemory, type WasmMemory } from './wasm-host.js';

/**
 * The WebAssembly tube painter (assembly/tube-paint.ts) and the memory it paints in. A film's fine planes (bones B,
 * vessels V) and its six coarse planes live in that memory, so every tube is painted in place; any other plane is
 * copied in and out of a second, scratch painter. WebAssembly because a fresh worker's first film ran the painter cold:
 * measured side by side in Chromium (fresh workers, 3000 pieces), 36.8 ms as cold JavaScript against 10.7 ms as
 * WebAssembly compiled at once, with the same pixels (src/decks/README.md).
 */
type PaintTube = (
  target: number, w: number, h: number, nodes: number, n: number, tex: number, size: number, ox: number, oy: number, kO: number, kI: number, amp: number,
) => void;

interface Painter {
  readonly memory: WasmMemory;
  readonly paint: PaintTube;
  /** Nodes of the tube being painted (x, y, r, g, ri, gi each), then two texture slots, then the planes. */
  readonly nodes: Float64Array;
  readonly texSlots: Float32Array[];
  readonly texOf: (Float32Array | null)[];
  nextSlot: number;
  /** Byte offset where the planes start, and how many f32 they may take. */
  readonly planesAt: number;
  readonly capacity: number;
}

export const MAX_TUBE_NODES = 65_536;
const NODE = 6;
const TEX_SLOT = 512 * 512;

function makePainter(planeFloats: number): Painter {
  const nodeBytes = MAX_TUBE_NODES * NODE * 8;
  const planesAt = nodeBytes + 2 * TEX_SLOT * 4;
  const memory = wasmMemory(planesAt + planeFloats * 4);
  return {
    memory,
    paint: kernelsIn<{ paintTube: PaintTube }>(TUBE_PAINT_WASM, memory).paintTube,
    nodes: new Float64Array(memory.buffer, 0, MAX_TUBE_NODES * NODE),
    texSlots: [0, 1].map((k) => new Float32Array(memory.buffer, nodeBytes + k * TEX_SLOT * 4, TEX_SLOT)),
    texOf: [null, null],
    nextSlot: 0,
    planesAt,
    capacity: (memory.buffer.byteLength - planesAt) / 4,
  };
}

/**
 * A film's planes in its memory: B and V at full size and six coarse ones, all zeroed; the counts plane (full size,
 * left as it was: the exposure writes every pixel); and `scratchBytes` more from byte offset `scratchAt` (8-aligned)
 * for the exposure's rows and tables.
 */
export interface FilmPlanes {
  readonly B: Float32Array;
  readonly V: Float32Array;
  readonly coarse: readonly Float32Array[];
  readonly counts: Float32Array;
  readonly memory: WasmMemory;
  readonly scratchAt: number;
  readonly scratchBytes: number;
}

let film: Painter | null = null;
let scratch: Painter | null = null;

/**
 * The planes of the next film, in the painter's memory; those of the previous film are reused (and zeroed), or,
 * for a larger film, left to the collector with the memory they were in. Valid until the next call.
 */
export function filmPlanes(fine: number, coarse: number, scratchBytes = 0): FilmPlanes {
  const zeroed = 2 * fine + 6 * coarse;
  const scratchFrom = 2 * Math.ceil((zeroed + fine) / 2);
  const need = scratchFrom + Math.ceil(scratchBytes / 4);
  // Grown, never shrunk: the demo deck's films come in many sizes.
  if (!film || film.capacity < need) film = makePainter(need);
  const { buffer } = film.memory;
  const base = film.planesAt;
  const at = (k: number, n: number): Float32Array => new Float32Array(buffer, base + k * 4, n);
  new Float32Array(buffer, base, zeroed).fill(0);
  return {
    B: at(0, fine),
    V: at(fine, fine),
    coarse: Array.from({ length: 6 }, (_, i) => at(2 * fine + i * coarse, coarse)),
    counts: at(zeroed, fine),
    memory: film.memory,
    scratchAt: base + 4 * scratchFrom,
    scratchBytes,
  };
}

/** The memory of the film whose plane `a` is (the current film's), or an error naming `who`. */
export function filmMemoryOf(a: Float32Array, who: string): WasmMemory {
  if (!film || a.buffer !== film.memory.buffer) throw new Error(`${who}: draws only on the film's own planes (filmPlanes)`);
  return film.memory;
}

/** Throws unless every plane lies in the film's memory, where the WebAssembly rows read and write them. */
export function assertInFilm(planes: FilmPlanes, who: string, ...arrays: readonly Float32Array[]): void {
  for (const a of arrays) if (a.buffer !== planes.memory.buffer) throw new Error(`${who}: its planes must be the film's own (filmPlanes)`);
}

/**
 * Consecutive arrays in a film's scratch (filmPlanes' scratchBytes), each 8-byte aligned; past the end, an error
 * (the scratch is sized by exposureScratchBytes and processingScratchBytes, which must count what they take).
 */
export class ScratchArena {
  private at: number;

  constructor(private readonly planes: FilmPlanes) {
    this.at = planes.scratchAt;
  }

  /** Bytes an array of n elements of `size` bytes takes here. */
  static bytes(n: number, size: number): number {
    return 8 * Math.ceil((n * size) / 8);
  }

  private take(n: number, size: number): number {
    const at = this.at;
    this.at += ScratchArena.bytes(n, size);
    if (this.at > this.planes.scratchAt + this.planes.scratchBytes) throw new Error(`filmPlanes: the film's scratch (${this.planes.scratchBytes} bytes) is too small`);
    return at;
  }

  f64(n: number): Float64Array {
    return new Float64Array(this.planes.memory.buffer, this.take(n, 8), n);
  }

  f32(n: number): Float32Array {
    return new Float32Array(this.planes.memory.buffer, this.take(n, 4), n);
  }

  i32(n: number): Int32Array {
    return new Int32Array(this.planes.memory.buffer, this.take(n, 4), n);
  }

  u16(n: number): Uint16Array {
    return new Uint16Array(this.planes.memory.buffer, this.take(n, 2), n);
  }
}

/** Paints one polyline into `target` (w x h), as tube-paint.ts addTube describes. */
export function paintTube(target: Float32Array, w: number, h: number, nodes: readonly TubeNode[], kOuter: number, kInner: number, tex: TubeTexture | undefined): void {
  const n = nodes.length;
  if (n > MAX_TUBE_NODES) throw new Error(`addTube: a tube of ${n} nodes is more than the painter holds (${MAX_TUBE_NODES})`);
  if (tex && tex.size * tex.size > TEX_SLOT) throw new Error(`addTube: a ${tex.size} px texture is larger than the painter holds (512 px)`);
  const inFilm = film !== null && target.buffer === film.memory.buffer;
  if (!inFilm && (!scratch || scratch.capacity < target.length)) scratch = makePainter(target.length);
  const p = inFilm ? (film as Painter) : (scratch as Painter);
  const nd = p.nodes;
  for (let k = 0; k < n; k++) {
    const q = nodes[k] as TubeNode;
    const o = k * NODE;
    nd[o] = q.x;
    nd[o + 1] = q.y;
    nd[o + 2] = q.r;
    nd[o + 3] = q.g;
    nd[o + 4] = q.ri;
    nd[o + 5] = q.gi;
  }
  let texAt = 0;
  if (tex) {
    // Textures are tiles that never change once made (render-bones.ts), so one copied in is kept; two slots, in turn.
    let slot = p.texOf.indexOf(tex.data);
    if (slot < 0) {
      slot = p.nextSlot;
      p.nextSlot = 1 - slot;
      (p.texSlots[slot] as Float32Array).set(tex.data);
      p.texOf[slot] = tex.data;
    }
    texAt = (p.texSlots[slot] as Float32Array).byteOffset;
  }
  let targetAt = target.byteOffset;
  if (!inFilm) {
    targetAt = p.planesAt;
    new Float32Array(p.memory.buffer, targetAt, target.length).set(target);
  }
  p.paint(targetAt, w, h, 0, n, texAt, tex ? tex.size : 0, tex ? tex.ox : 0, tex ? tex.oy : 0, kOuter, kInner, tex ? tex.amp : 0);
  if (!inFilm) target.set(new Float32Array(p.memory.buffer, targetAt, target.length));
}
