/**
 * PNG encoding (the bit replication is pack-format's, the one the served images use) and atomic file writes. The fake is written as a 16-bit grayscale PNG with its stored values scaled
 * to the full 16-bit range by left bit replication (PNG spec, 12.4 "Sample depth scaling"), so any viewer shows it
 * with the right brightness; `stored = png >> (16 - bitsStored)` recovers the exact stored values (bitsStored is in
 * the truth JSON). No text chunks are written.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { encode } from 'fast-png';
import type { GrayImage } from '../imaging/index.js';
import { scaleTo16 } from '../pack-format/index.js';

export { scaleTo16 };

export function encodeGray16Png(image: GrayImage): Uint8Array {
  const data = new Uint16Array(image.data.length);
  for (let i = 0; i < data.length; i++) data[i] = scaleTo16(image.data[i] as number, image.bitsStored);
  return encode({ width: image.width, height: image.height, data, depth: 16, channels: 1 });
}

/** An 8-bit grayscale PNG of a 0/255 mask. */
export function encodeMaskPng(mask: Uint8Array, width: number, height: number): Uint8Array {
  return encode({ width, height, data: mask, depth: 8, channels: 1 });
}

/**
 * Writes to a temporary file in the target's own folder, flushes it, then renames it over the target: rename within
 * one file system is atomic (POSIX rename(2)), so the target is either the old file or the complete new one, never
 * half written. The temporary file is removed on any failure.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx');
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
}
