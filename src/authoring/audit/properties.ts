/**
 * The properties the leak audit measures on every served image. A property that alone separates real from fake
 * lets a reader (or a script) score without looking at anatomy, so the trainer would teach the wrong thing.
 * `why` says how the property can leak; `advice` says what the instructor should do when it does.
 */
const BUG = 'should never happen after normalisation: report a bug, with the pack build report';
const ENCODER = 'every served PNG is written by the same encoder with the same settings, so this should never differ: report a bug';
const DEPTH =
  'the fakes and the real images come from sources of different bit depth or contrast stretch; use sources of the same depth (or build with a lower --bits), or accept this leak knowingly';
const TEXTURE =
  'generators smooth or regularise noise; this is a genuine image tell, but a reader could learn it as a shortcut instead of looking at anatomy; add more varied synthetic and real sources, or accept this leak knowingly';
const EXPOSURE =
  'real and fake images differ in overall brightness or contrast (e.g. different windowing or exposure of the sources); add sources with varied exposure, or accept this leak knowingly';
const CLIPPING =
  'one group has more pixels stuck at black or white (burned-out areas, borders, collimation); crop or choose sources without borders, or accept this leak knowingly';

export const PROPERTIES = [
  { name: 'width', why: 'A different width would give the answer away at a glance.', advice: BUG },
  { name: 'height', why: 'A different height would give the answer away at a glance.', advice: BUG },
  { name: 'aspectRatio', why: 'Generators output square images; real detectors do not.', advice: BUG },
  { name: 'byteSize', why: 'The PNG size is visible in the browser and follows noise and detail.',
    advice: 'PNG size follows noise and detail: if synthetic images are smoother they compress smaller; add more varied synthetic sources or accept this leak knowingly' },
  { name: 'bytesPerPixel', why: 'Compressed size per pixel measures how predictable (smooth) the image is.',
    advice: 'PNG size per pixel follows noise and detail: smoother images compress better; add more varied sources or accept this leak knowingly' },
  { name: 'bitDepth', why: 'A PNG bit depth that differs by class shows in any file viewer.', advice: BUG },
  { name: 'colourChannels', why: "Samples per pixel of the PNG: a served image in colour would show a generator's tint (the catalog's T5) and give the answer away.", advice: BUG },
  { name: 'distinctValues', why: 'Sources with fewer grey levels (8-bit generator output) use fewer distinct values.', advice: DEPTH },
  { name: 'histogramGapFraction', why: 'Contrast-stretching a low-depth source leaves empty, comb-like histogram bins.', advice: DEPTH },
  { name: 'trailingZeroBits', why: 'Scaling a low-depth source up by a power of two leaves the low bits always zero.', advice: DEPTH },
  { name: 'noise', why: 'Robust noise level: generators and denoisers make noise weaker or more uniform.',
    advice: `noise: ${TEXTURE}` },
  { name: 'highFrequencyShare', why: 'Share of gradient energy at full versus half resolution: smooth images have less fine detail.',
    advice: `fine detail: ${TEXTURE}` },
  { name: 'blockiness', why: 'Edges on an 8×8 grid reveal a JPEG history that one group of sources may have.',
    advice: 'one group of sources was JPEG-compressed and the other not; use sources with the same compression history, or accept this leak knowingly' },
  { name: 'mean', why: 'Mean brightness reflects windowing and exposure of the source.', advice: EXPOSURE },
  { name: 'standardDeviation', why: 'Global contrast reflects windowing of the source.', advice: EXPOSURE },
  { name: 'p1', why: 'The darkest 1% shows how black the background and lungs are.', advice: EXPOSURE },
  { name: 'p50', why: 'The median brightness reflects windowing and exposure.', advice: EXPOSURE },
  { name: 'p99', why: 'The brightest 1% shows how white bone and markers are.', advice: EXPOSURE },
  { name: 'skewness', why: 'Histogram asymmetry reflects the tone curve of the source.', advice: EXPOSURE },
  { name: 'kurtosis', why: 'Histogram peakedness reflects the tone curve of the source.', advice: EXPOSURE },
  { name: 'entropy', why: 'Histogram entropy (bits) falls when a source uses few grey levels or a narrow range.', advice: DEPTH },
  { name: 'clippedLowFraction', why: 'Fraction of pixels at 0: borders and burned-out areas differ by source.', advice: CLIPPING },
  { name: 'clippedHighFraction', why: 'Fraction of pixels at the maximum: saturated areas differ by source.', advice: CLIPPING },
  { name: 'pngChunkCount', why: 'The number of PNG chunks is visible to anyone who opens the file.', advice: ENCODER },
  { name: 'pngAncillaryChunks', why: 'Chunks besides IHDR, IDAT and IEND (text, time, colour) could carry provenance.', advice: ENCODER },
  { name: 'pngIdatChunks', why: 'How the image data is split into IDAT chunks differs between encoders.', advice: ENCODER },
  { name: 'zlibLevel', why: 'The compression level declared in the zlib header differs between encoders and settings.', advice: ENCODER },
] as const satisfies readonly { name: string; why: string; advice: string }[];

export type PropertyName = (typeof PROPERTIES)[number]['name'];
export const PROPERTY_NAMES: readonly PropertyName[] = Object.freeze(PROPERTIES.map((p) => p.name));

/** What one served image measures, property by property. */
export type PropertyVector = Readonly<Record<PropertyName, number>>;

export const isPropertyName = (s: string): s is PropertyName => (PROPERTY_NAMES as readonly string[]).includes(s);
