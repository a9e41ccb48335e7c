import { withField } from '../../domain/index.js';
import type { MetadataTechnique } from './metadata-technique.js';
import { wholeImage } from './metadata-technique.js';

/**
 * T5: an RGB generator's "grey" image has unequal channels (all 72 synthetic images of the 2026 public teaching set
 * did; 2 of 77 real ones; Tordjman et al., Radiology 2026, and its public teaching set). This viewer shows one grey channel, so the tint is taught
 * through what the file declares: three samples per pixel with a measured channel imbalance.
 */
export const colourTint: MetadataTechnique = {
  id: 'colour-tint',
  name: 'Colour tint in a grey image',
  artifactIds: ['T5'],
  scope: 'metadata',
  apply(image, header, params) {
    const imbalance = params.level === 'obvious' ? 24 : params.level === 'subtle' ? 6 : 2;
    let h = withField(header, '(0028,0002)', 'SamplesPerPixel', '3');
    h = withField(h, '(0028,0004)', 'PhotometricInterpretation', 'RGB');
    h = withField(h, '(analysis)', 'ChannelImbalance', `mean |R-G|, |G-B| = ${imbalance} grey levels of 255 (a ${params.level === 'obvious' ? 'green' : 'faint sepia'} cast)`);
    return {
      image,
      header: h,
      tells: [{
        artifactId: 'T5', regions: wholeImage(image), extent: 'whole-image', strength: imbalance / 24,
        explanation: `The "grey" radiograph was stored in colour and its red, green and blue channels differ by about ${imbalance} ` +
          'grey levels: the trace of a general-purpose colour image generator. A real detector produces one channel.',
        howToSee: 'Open the header panel (D): samples per pixel, photometric interpretation and the channel imbalance.',
      }],
    };
  },
};
