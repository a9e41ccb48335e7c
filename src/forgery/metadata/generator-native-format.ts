import { withField, type CaseHeader } from '../../domain/index.js';
import type { GrayImage } from '../../imaging/index.js';
import type { MetadataTechnique } from './metadata-technique.js';
import { wholeImage } from './metadata-technique.js';

/**
 * M2: the image arrives as a generator emits it: 8-bit, at one of the generator's fixed output sizes (GPT-4o's
 * 1024 x 1024, 1024 x 1536 and 1536 x 1024, measured on the Tordjman et al. teaching set, design artifacts.md M2),
 * wrapped as a Secondary Capture with no acquisition parameters (DICOM PS3.3 C.7.6.3 for what a DX image carries).
 * The pixels are cropped to the size's aspect, resampled and quantised to 8 bits, as the format forces.
 */
/** Width x height. 'expert' takes the portrait size, which a chest fills as naturally as a detector. */
const SIZE = { obvious: [1024, 1024], subtle: [1024, 1024], expert: [1024, 1536] } as const;

function resampleTo(img: GrayImage, nw: number, nh: number, bits8: boolean): GrayImage {
  // The largest centred crop of the output's aspect.
  const cw = Math.min(img.width, (img.height * nw) / nh);
  const ch = (cw * nh) / nw;
  const x0 = (img.width - cw) / 2;
  const y0 = (img.height - ch) / 2;
  const k = cw / nw;
  const out = new Uint16Array(nw * nh);
  const max = 2 ** img.bitsStored - 1;
  for (let y = 0; y < nh; y++) {
    for (let x = 0; x < nw; x++) {
      // Box average over the source footprint (a downsample); nearest for upsampling.
      const sx0 = Math.floor(x0 + x * k);
      const sy0 = Math.floor(y0 + y * k);
      const sx1 = Math.max(sx0 + 1, Math.floor(x0 + (x + 1) * k));
      const sy1 = Math.max(sy0 + 1, Math.floor(y0 + (y + 1) * k));
      let sum = 0;
      let cnt = 0;
      for (let yy = sy0; yy < sy1; yy++) for (let xx = sx0; xx < sx1; xx++) {
        sum += img.data[yy * img.width + xx] as number;
        cnt++;
      }
      const v = sum / cnt;
      // 8 bits: 256 levels spread over the 12-bit scale (steps of 16), the top level being 4080.
      out[y * nw + x] = bits8 ? Math.min(Math.floor(max / 16) * 16, Math.round(v / 16) * 16) : Math.round(v);
    }
  }
  return { ...img, width: nw, height: nh, data: out };
}

export const generatorNativeFormat: MetadataTechnique = {
  id: 'generator-native-format',
  name: 'Generator-native size and format',
  artifactIds: ['M2'],
  scope: 'metadata',
  apply(image, header, params) {
    const [nw, nh] = SIZE[params.level];
    const out = resampleTo(image, nw, nh, true);
    let h: CaseHeader = header;
    h = withField(h, '(0008,0016)', 'SOPClassUID', '1.2.840.10008.5.1.4.1.1.7 (Secondary Capture Image)');
    h = withField(h, '(0008,0008)', 'ImageType', 'DERIVED\\SECONDARY');
    h = withField(h, '(0008,0060)', 'Modality', params.level === 'expert' ? 'DX' : 'OT');
    h = withField(h, '(0008,0064)', 'ConversionType', 'WSD (workstation)');
    h = withField(h, '(0028,0010)', 'Rows', String(nh));
    h = withField(h, '(0028,0011)', 'Columns', String(nw));
    h = withField(h, '(0028,0101)', 'BitsStored', '8');
    h = withField(h, '(0028,0100)', 'BitsAllocated', '8');
    h = withField(h, '(0028,0002)', 'SamplesPerPixel', params.level === 'obvious' ? '3' : '1');
    h = withField(h, '(0028,0004)', 'PhotometricInterpretation', params.level === 'obvious' ? 'RGB' : 'MONOCHROME2');
    h = withField(h, '(0018,0060)', 'KVP', null);
    h = withField(h, '(0018,1153)', 'ExposureInuAs', null);
    h = withField(h, '(0018,1164)', 'ImagerPixelSpacing', null);
    h = withField(h, '(0400,0561)', 'DigitalSignaturesSequence', null);
    const explanation =
      `The file is ${nw} x ${nh} pixels with 8 bits stored, ${params.level === 'obvious' ? 'in RGB colour, ' : ''}` +
      'wrapped as a secondary capture with no kVp, exposure or detector spacing: one of the fixed output sizes of an image ' +
      'generator (1024 x 1024, 1024 x 1536, 1536 x 1024), not a detector. Real DX chest images are single-channel, 10 to 16 bits, at the detector size.';
    return {
      image: out,
      header: h,
      tells: [{
        artifactId: 'M2', regions: wholeImage(out), extent: 'whole-image', strength: params.level === 'obvious' ? 1 : params.level === 'subtle' ? 0.6 : 0.3,
        explanation,
        howToSee: 'Open the header panel (D): Rows, Columns, Bits Stored, SOP Class and the missing acquisition values. ' +
          'A narrow window (Grain preset) shows the 8-bit steps.',
      }],
    };
  },
};
