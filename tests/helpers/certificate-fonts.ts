import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseFontFaces, type FontSource } from '../../src/lms/index.js';

/** The certificate's fonts in Node: the same fontsource CSS and subset files the browser build serves. */
export function nodeFontSource(): FontSource & { readonly loadedBytes: () => number } {
  const dirs = ['@fontsource/noto-sans', '@fontsource/noto-sans-sc'].map((p) => resolve('node_modules', p));
  const faces = dirs.flatMap((d) => parseFontFaces(readFileSync(join(d, '400.css'), 'utf8')));
  let bytes = 0;
  return {
    faces,
    loadedBytes: () => bytes,
    async load(file) {
      const dir = dirs.find((d) => file.startsWith(d.split('/').pop() ?? '') && file.includes('-sc-') === d.endsWith('-sc')) ?? dirs[0]!;
      const b = readFileSync(join(dir, 'files', file));
      bytes += b.length;
      return b;
    },
  };
}
