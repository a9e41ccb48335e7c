import latinCss from '@fontsource/noto-sans/400.css?raw';
import cjkCss from '@fontsource/noto-sans-sc/400.css?raw';
import { parseFontFaces, type FontFaceFile } from './font-faces.js';
import type { FontSource } from './certificate-pdf.js';

/**
 * The certificate's fonts in the browser: Vite emits every Noto Sans and Noto Sans SC 400-weight subset (WOFF 1.0: fontkit cannot subset
 * WOFF2's transformed glyf table and throws when the PDF is saved) as its own
 * file, and the page fetches only the subsets the certificate's text needs, when a certificate is made (the module
 * importing this file lazily, `await import(...)`, keeps even the CSS out of the game's first load).
 */
// Relative globs: resolved from this file, whatever the Vite root of the build that bundles it.
const urls = {
  ...import.meta.glob('../../../node_modules/@fontsource/noto-sans/files/*-400-normal.woff', { query: '?url', import: 'default' }),
  ...import.meta.glob('../../../node_modules/@fontsource/noto-sans-sc/files/*-400-normal.woff', { query: '?url', import: 'default' }),
} as Record<string, () => Promise<string>>;

export function browserFontSource(fetchImpl: typeof fetch = fetch): FontSource {
  const faces: FontFaceFile[] = [...parseFontFaces(latinCss), ...parseFontFaces(cjkCss)];
  return {
    faces,
    async load(file) {
      const key = Object.keys(urls).find((k) => k.endsWith(`/${file}`));
      if (!key) throw new Error(`browserFontSource: font file ${file} was not bundled`);
      const url = await (urls[key] as () => Promise<string>)();
      const res = await fetchImpl(url);
      if (!res.ok) throw new Error(`Could not load the certificate font ${file} (HTTP ${res.status}). Check the connection and try again.`);
      return new Uint8Array(await res.arrayBuffer());
    },
  };
}
