import { withField } from '../../domain/index.js';
import type { MetadataTechnique } from './metadata-technique.js';
import { wholeImage } from './metadata-technique.js';

/**
 * M1: the file still carries a C2PA provenance manifest declaring AI generation (OpenAI embeds one in ChatGPT
 * images; 68 of 72 synthetic files of the 2026 public teaching set still had it; Tordjman et al., Radiology 2026, and its public teaching set).
 * The pixels are untouched: only the provenance gives it away, and it is easily stripped, so its absence proves nothing.
 */
export const provenanceManifest: MetadataTechnique = {
  id: 'provenance-manifest',
  name: 'Provenance manifest left in the file',
  artifactIds: ['M1'],
  scope: 'metadata',
  apply(image, header, params) {
    const detail = params.level === 'obvious'
      ? 'C2PA manifest: claim generator "image generator (AI)", digitalSourceType trainedAlgorithmicMedia'
      : params.level === 'subtle'
        ? 'C2PA manifest present: digitalSourceType trainedAlgorithmicMedia'
        : 'C2PA manifest present (content credentials); assertion: created';
    const h = withField(header, '(PNG caBX)', 'ProvenanceManifest', detail);
    return {
      image,
      header: h,
      tells: [{
        artifactId: 'M1', regions: wholeImage(image), extent: 'whole-image', strength: params.level === 'obvious' ? 1 : params.level === 'subtle' ? 0.6 : 0.3,
        explanation: 'The file carries a content-credentials (C2PA) manifest that records how it was made; ' +
          (params.level === 'expert'
            ? 'here only that it was "created", which is itself unusual for a radiograph exported from a PACS.'
            : 'it declares trainedAlgorithmicMedia, the standard label for an image made by an AI model.') +
          ' Such manifests are easily stripped, so finding one is decisive but missing one proves nothing.',
        howToSee: 'Open the header panel (D) and look for a provenance manifest entry below the DICOM attributes.',
      }],
    };
  },
};
