import { headerValue, withField, type CaseHeader } from '../../domain/index.js';
import type { MetadataTechnique } from './metadata-technique.js';
import { wholeImage } from './metadata-technique.js';

/**
 * M3: the header was edited after acquisition (Oh et al., J Forensic Sci 2025; DICOM PS3.15 digital signatures):
 * the signature no longer verifies (the signed attributes changed; the pixels are untouched), the image claims to be derived, the content date precedes the acquisition, and
 * at the obvious level the detector spacing implies a chest a quarter of its real width.
 */
/** A DICOM date (YYYYMMDD) `days` calendar days earlier: 20260101 less 3 is 20251229, not 20260098. */
export function daysBefore(da: string, days: number): string {
  const d = new Date(Date.UTC(Number(da.slice(0, 4)), Number(da.slice(4, 6)) - 1, Number(da.slice(6, 8)) - days));
  const pad = (n: number, k: number): string => String(n).padStart(k, '0');
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCDate(), 2)}`;
}

export const inconsistentHeader: MetadataTechnique = {
  id: 'inconsistent-header',
  name: 'Inconsistent DICOM header',
  artifactIds: ['M3'],
  scope: 'metadata',
  apply(image, header, params) {
    let h: CaseHeader = header;
    const problems: string[] = [];
    h = withField(h, '(0400,0561)', 'DigitalSignaturesSequence', 'present; does NOT verify (signed attributes changed after signing)');
    // M3 leaves the pixels alone: what broke the signature is the header attributes it covers.
    problems.push('the digital signature no longer verifies, because attributes it signed were changed afterwards');
    if (params.level !== 'expert') {
      h = withField(h, '(0008,0008)', 'ImageType', 'DERIVED\\PRIMARY');
      h = withField(h, '(0008,2111)', 'DerivationDescription', 'edited');
      problems.push('the image type says DERIVED with a derivation description, unlike an original acquisition');
      const acq = headerValue(h, 'AcquisitionDate') ?? '20260115';
      h = withField(h, '(0008,0023)', 'ContentDate', daysBefore(acq, 3));
      problems.push('the content date is before the acquisition date');
    }
    if (params.level === 'obvious') {
      h = withField(h, '(0018,1164)', 'ImagerPixelSpacing', '0.0600\\0.0600');
      problems.push(`the pixel spacing makes the field ${(0.06 * image.width).toFixed(0)} mm wide, far too small for this adult chest`);
    }
    return {
      image,
      header: h,
      tells: [{
        artifactId: 'M3', regions: wholeImage(image), extent: 'whole-image', strength: params.level === 'obvious' ? 1 : params.level === 'subtle' ? 0.6 : 0.3,
        explanation: `The pixels look like any other exam, but the header betrays an edit after acquisition: ${problems.join('; ')}. ` +
          'Tampering that reaches the DICOM file leaves traces like these even when the image itself is convincing.',
        howToSee: 'Open the header panel (D) and check the signature, image type, dates and pixel spacing against the anatomy.',
      }],
    };
  },
};
