/**
 * DEFLATE (RFC 1951) and zlib (RFC 1950) streams inflated in small steps with fflate's streaming decoders, stopping
 * as soon as the output passes a limit. A deflate block can expand about 1032-fold, so a 1 MB file can claim a
 * gigabyte: every inflate of untrusted bytes (zip entries, PNG image data and text, deflated DICOM) goes through
 * here with a limit set from what the container declares, and memory stays within a few steps of that limit.
 */
import { Inflate, Unzlib } from 'fflate';

/** Thrown (and caught by the caller, which knows what to tell the user) when a stream would pass its limit. */
export class InflateLimitError extends Error {
  constructor(readonly limit: number) {
    super(`the compressed data expands beyond ${limit} bytes`);
    this.name = 'InflateLimitError';
  }
}

/** Input per step: at most ~1032 x 4 KiB = 4 MiB of output can appear between two checks. */
const STEP = 4096;

export interface BoundedInflater {
  /** Feeds compressed bytes (any size; they are pushed in 4 KiB steps). Throws InflateLimitError past the limit. */
  push(data: Uint8Array, final: boolean): void;
  /** Raises or lowers the limit, e.g. once a header has said how large the data may be. */
  setLimit(limit: number): void;
  /** Bytes of output so far. */
  readonly total: number;
  /** True once the stream's final block has been inflated. */
  readonly ended: boolean;
}

/**
 * A streaming inflater that hands each piece of output to `onData` and throws `InflateLimitError` when the total
 * would exceed `limit`. Malformed data throws fflate's own Error.
 */
export function boundedInflater(format: 'raw' | 'zlib', limit: number, onData: (chunk: Uint8Array) => void): BoundedInflater {
  let total = 0;
  let max = limit;
  let ended = false;
  const sink = (chunk: Uint8Array, final: boolean): void => {
    if (total + chunk.length > max) throw new InflateLimitError(max);
    total += chunk.length;
    if (chunk.length > 0) onData(chunk);
    ended = ended || final;
  };
  const stream = format === 'raw' ? new Inflate(sink) : new Unzlib(sink);
  return {
    push: (data, final) => {
      if (data.length === 0) {
        if (final) stream.push(data, true);
        return;
      }
      for (let p = 0; p < data.length; p += STEP) stream.push(data.subarray(p, p + STEP), final && p + STEP >= data.length);
    },
    setLimit: (n) => {
      max = n;
    },
    get total() {
      return total;
    },
    get ended() {
      return ended;
    },
  };
}

/** Inflates a whole stream into one buffer of at most `limit` bytes; throws InflateLimitError beyond it. */
export function inflateBounded(data: Uint8Array, format: 'raw' | 'zlib', limit: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const inflater = boundedInflater(format, limit, (c) => parts.push(c));
  inflater.push(data, true);
  return concatBytes(parts, inflater.total);
}

/** Inflates at most `limit` bytes of a stream and stops there without error: for text where a prefix is enough. */
export function inflatePrefix(data: Uint8Array, format: 'raw' | 'zlib', limit: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let kept = 0;
  const inflater = boundedInflater(format, Number.POSITIVE_INFINITY, (c) => {
    const take = c.subarray(0, limit - kept);
    parts.push(take);
    kept += take.length;
    if (kept >= limit) throw new InflateLimitError(limit);
  });
  try {
    inflater.push(data, true);
  } catch (e) {
    if (!(e instanceof InflateLimitError)) throw e;
  }
  return concatBytes(parts, kept);
}

export function concatBytes(parts: readonly Uint8Array[], total = parts.reduce((n, p) => n + p.length, 0)): Uint8Array {
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
