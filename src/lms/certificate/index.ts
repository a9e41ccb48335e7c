import type { Certificate, CertificateData, FontSource } from './certificate-pdf.js';

export type { Certificate, CertificateData, FontSource } from './certificate-pdf.js';
export { parseFontFaces, faceIndexFor, type FontFaceFile } from './font-faces.js';

/**
 * Makes the certificate PDF. pdf-lib, fontkit and the font tables load only here, on first use (dynamic imports:
 * Vite puts them in their own chunks, so the game's first load carries none of it). In the browser the fonts come
 * from the bundled Noto subsets; Node callers (tests) pass a FontSource that reads the files.
 */
export async function createCertificate(data: CertificateData, fonts?: FontSource): Promise<Certificate> {
  const { makeCertificatePdf } = await import('./certificate-pdf.js');
  const source = fonts ?? (await import('./font-source-browser.js')).browserFontSource();
  return makeCertificatePdf(data, source);
}
