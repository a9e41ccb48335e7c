/**
 * The catalog of telltale artifacts: 27 entries in six categories, each with what it looks like, why generators or
 * tampering produce it, how to look for it, the generator families that show it and the sources of those facts.
 * Teaching text is written for this game; content is data, validated by schema in the tests.
 */
export const ARTIFACT_CATEGORIES = [
  'anatomical',
  'texture-noise',
  'frequency',
  'edges-blending',
  'devices-markers',
  'metadata',
] as const;
export type ArtifactCategory = (typeof ARTIFACT_CATEGORIES)[number];

/** Generator families: G GAN, D (latent) diffusion, L LLM-native image generation, T local tampering. */
export type GeneratorFamily = 'G' | 'D' | 'L' | 'T';

export interface ArtifactEntry {
  readonly id: string;
  readonly name: string;
  readonly category: ArtifactCategory;
  readonly looksLike: string;
  /** Why generators or tampering produce it. */
  readonly why: string;
  readonly howToLook: string;
  readonly families: readonly GeneratorFamily[];
  readonly sources: readonly string[];
  /**
   * A claim of this entry found in no source read (design artifacts.md, UNVERIFIED): a hypothesis to check, shown as
   * such in the atlas.
   */
  readonly unverified?: string;
}

const RADIOLOGY_2026 = 'Tordjman, Yuce et al., Radiology 2026 (deepfake radiographs reader study)';
const QUIZ = 'Tordjman et al. public teaching set, expert explanations (2026)';
/** Cues only the press reported (design artifacts.md [S]): the abstract lists symmetry, grain, textures and smooth bone. */
const RSNA_PRESS = 'RSNA press release on Tordjman, Yuce et al. (Radiology 2026): readers\' cues as reported in the press release, not in the abstract';
const CTGAN = 'Mirsky et al., CT-GAN, USENIX Security 2019, and its attack pipeline code';

export const ARTIFACTS = [
  { id: 'A1', name: 'Excess bilateral symmetry', category: 'anatomical',
    looksLike: 'Ribs, lung fields and clavicles that are mirror images of each other, with evenly spaced ribs.',
    why: 'Generators reproduce the population average of thousands of chests; real patients are asymmetric and rarely perfectly straight on the detector.',
    howToLook: 'Compare rib by rib across the midline; real patients are asymmetric and a little rotated.',
    families: ['L', 'D'], sources: [RADIOLOGY_2026, QUIZ] },
  { id: 'A2', name: 'Over-straight spine, identical vertebrae', category: 'anatomical',
    looksLike: 'Perfect alignment, identical vertebral bodies and disc spaces, no degenerative change.',
    why: 'Averaging over many spines erases the small irregularities, degenerative change and rotation every real spine has.',
    howToLook: 'Trace the spinous processes and compare endplates level by level.',
    families: ['L'], sources: [RSNA_PRESS, QUIZ] },
  { id: 'A3', name: 'Over-smooth cortex', category: 'anatomical',
    looksLike: 'Cortical outlines uniformly sharp or plastic, with constant cortical thickness.',
    why: 'Image models favour smooth, low-detail edges, so the fine irregularity of real cortex is lost.',
    howToLook: 'Zoom to 200-400% along the cortices.', families: ['L', 'D'], sources: [RADIOLOGY_2026, QUIZ] },
  { id: 'A4', name: 'Missing or false trabeculae', category: 'anatomical',
    looksLike: 'Trabeculae absent, uniform, sketchy or chaotic.',
    why: 'Fine, quasi-periodic structure such as trabecular bone is poorly modelled and comes out missing, uniform or invented.',
    howToLook: 'Zoom into cancellous bone: vertebral bodies, humeral heads, femoral neck.',
    families: ['L', 'D', 'G'], sources: [QUIZ] },
  { id: 'A5', name: 'Too-clean fracture', category: 'anatomical',
    looksLike: 'A straight geometric line through one cortex, with no displacement or soft-tissue change.',
    why: "A prompted 'fracture' is drawn as a symbol, not produced by mechanics, so none of the consequences of real trauma come with it.",
    howToLook: 'Check both cortices, alignment and the soft tissues.', families: ['L'], sources: [RSNA_PRESS, QUIZ] },
  { id: 'A6', name: 'Impossible joint or bone relationships', category: 'anatomical',
    looksLike: 'Distorted facets, odd vertebral shapes, missing borders, malformed small bones.',
    why: 'Generators have no three-dimensional model of anatomy, so joints and small bones can take impossible shapes.',
    howToLook: 'Run an anatomical checklist joint by joint.', families: ['L', 'D', 'G'],
    sources: [QUIZ, 'Park et al., JMIR Med Inform 2021'] },
  { id: 'A7', name: 'Non-physiologic lung vessels', category: 'anatomical',
    looksLike: 'Lung markings dense and repetitive or hazy, without branching or tapering to the periphery.',
    why: 'Lung markings are learned as a texture rather than as a branching tree, so they stop behaving like vessels.',
    howToLook: 'Follow vessels from the hilum outwards.', families: ['L', 'D'], sources: [QUIZ] },
  { id: 'A8', name: 'Implausible gas shadows', category: 'anatomical',
    looksLike: 'A gastric bubble too round or crisp; repetitive bowel gas.',
    why: 'Gas shadows are rendered as stereotyped shapes rather than by the physics of gas and fluid in a viscus.',
    howToLook: 'Compare with expected fundal gas.', families: ['L'], sources: [QUIZ] },
  { id: 'A9', name: 'Lesion that does not belong', category: 'anatomical',
    looksLike: 'An opacity that is too well defined and does not merge with the texture around it.',
    why: 'A pasted or prompted object is made apart from the image it sits in, so its margin and texture do not match its surroundings.',
    howToLook: 'Zoom the margins; compare the grain inside and outside the lesion.', families: ['L', 'T'],
    sources: [QUIZ, CTGAN] },
  { id: 'A10', name: 'Missing secondary signs', category: 'anatomical',
    looksLike: 'A finding with none of the changes that should come with it.',
    why: 'A generator depicts what it was asked for and nothing else, so the expected companions of a finding are missing.',
    howToLook: 'Ask what else should be on the film.', families: ['L', 'D'], sources: [QUIZ] },
  { id: 'T1', name: 'Uniform stationary grain', category: 'texture-noise',
    looksLike: 'The same sand-like grain over bone, mediastinum, lung and background.',
    why: 'Real quantum mottle follows photon counts (Poisson statistics); a model or an editor adds grain of one strength everywhere.',
    howToLook: 'Narrow the window and compare the grain over the mediastinum with the grain over the lungs.',
    families: ['L'], sources: [RADIOLOGY_2026, 'pacs.de, Quantum noise'] },
  { id: 'T2', name: 'Waxy, over-smooth rendering', category: 'texture-noise',
    looksLike: 'Soft tissue that looks rendered, with almost no mottle and crisp borders everywhere.',
    why: 'Diffusion models under-produce high frequencies and latent decoders blur, leaving a rendered, noise-poor look.',
    howToLook: 'Zoom with a narrow window; real images always show quantum mottle.', families: ['D', 'L'],
    sources: ['Ricker et al., VISAPP 2024', QUIZ] },
  { id: 'T3', name: 'Over-uniform exposure', category: 'texture-noise',
    looksLike: 'Smooth algorithmic intensity gradients, no plausible exposure field.',
    why: 'No patient thickness, scatter or positioning produced the exposure, so its gradients are algorithmic.',
    howToLook: 'Use a wide window and compare the soft tissues of the neck and shoulders with those of the flanks.', families: ['L', 'D'], sources: [QUIZ],
    unverified: 'An anode-heel gradient as a cue: flat-field calibration of digital detectors largely removes it, so a film without one may well be real; a hypothesis to check.' },
  { id: 'T4', name: 'No acquisition imperfections', category: 'texture-noise',
    looksLike: 'No rotation, no motion, no overlap: an exam that is too perfect.',
    why: 'Generators are trained towards ideal examinations and leave out the small flaws of a real one.',
    howToLook: 'Look for the small flaws of a real exam.', families: ['L', 'D'], sources: [QUIZ] },
  { id: 'T5', name: 'Colour tint in a grey image', category: 'texture-noise',
    looksLike: 'A faint green, sepia or blue cast.', why: 'LLM image generators output colour images, and a grey radiograph rendered in RGB keeps a faint cast.',
    howToLook: 'Check that R, G and B are equal.', families: ['L'],
    sources: ['Tordjman et al. public teaching set: all 72 GPT-4o images had unequal R, G and B channels (median about 2 grey levels), against 2 of 77 real images above 0.5'] },
  { id: 'F1', name: 'Upsampling checkerboard grid', category: 'frequency',
    looksLike: 'A faint periodic grid at high zoom.', why: 'Transposed-convolution upsampling with uneven kernel overlap leaves a periodic grid in the output.',
    howToLook: 'Zoom to 400%; a spectrum shows regular peaks.',
    families: ['G'], sources: ['Odena et al., Distill 2016', 'Frank et al. 2020', 'Durall et al., CVPR 2020'] },
  { id: 'F2', name: 'High-frequency fall-off', category: 'frequency',
    looksLike: 'Usually invisible: fine detail is missing.', why: 'Training objectives and decoders underestimate fine detail, so power falls off faster than in real images.',
    howToLook: 'Compare the radial power spectrum with real images.',
    families: ['D', 'G'], sources: ['Ricker et al., VISAPP 2024', 'Corvi et al. 2023'] },
  { id: 'F3', name: 'Latent-decoder block artifacts', category: 'frequency',
    looksLike: 'Grid patterns, blur or blob-like droplets; no detail below the latent cell size.',
    why: 'Latent diffusion works on a grid about eight times coarser than the image; the decoder leaves that grid behind.',
    howToLook: 'Zoom on corners and fine lines.', families: ['D'], sources: ['VIVAT, arXiv 2506.07863'] },
  { id: 'E1', name: 'Blend halo', category: 'edges-blending',
    looksLike: 'A ring or square zone around an edit where the texture changes.',
    why: 'An edited patch is blended into the film with a soft kernel, and the blend leaves a ring where texture changes.',
    howToLook: 'Narrow the window around the suspicious area and look for a smooth ring.', families: ['T'],
    sources: [CTGAN, 'Becker et al., Eur J Radiol 2019'] },
  { id: 'E2', name: 'Noise mismatch or copied noise', category: 'edges-blending',
    looksLike: 'Patch noise that differs from its surroundings, or that repeats elsewhere.',
    why: 'Editors touch up noise by interpolation or by copying it from elsewhere, so the grain no longer matches or repeats.',
    howToLook: 'A noise-residual view, or compare the grain of twin regions.', families: ['T'], sources: [CTGAN] },
  { id: 'E3', name: 'Sharpness mismatch', category: 'edges-blending',
    looksLike: 'A patch blurrier or sharper than its neighbours.', why: 'The edited patch was resampled (to isotropic voxels and back), which blurs or sharpens it against its neighbours.',
    howToLook: 'Local sharpness map.', families: ['T'],
    sources: [CTGAN] },
  { id: 'E4', name: 'Clipped intensities', category: 'edges-blending',
    looksLike: 'Flat plateaus at the extremes inside a patch.', why: 'Values pushed out of range during editing are clamped, leaving flat plateaus no detector produces.',
    howToLook: 'Extreme window and level.', families: ['T'],
    sources: [CTGAN] },
  { id: 'E5', name: 'Compression-history mismatch', category: 'edges-blending',
    looksLike: 'Usually invisible: a region with a different compression history.',
    why: 'A region saved with a different compression history keeps its own block grid and quantisation.',
    howToLook: 'Error-level analysis.', families: ['T'], sources: ['Farid, Exposing digital forgeries from JPEG ghosts'] },
  { id: 'D1', name: 'Devices and markers', category: 'devices-markers',
    looksLike: 'Devices added or removed, or a garbled laterality marker.',
    why: 'Devices, lines and lettering are small, rare and structured, and generators and editors get them wrong.',
    howToLook: 'Check device geometry and continuity and the marker lettering.', families: ['L', 'D'],
    sources: [QUIZ, 'PRISM, arXiv 2503.00196', 'Garbled text from image generators: arXiv 2410.04439'],
    unverified: 'Garbled laterality markers on X-rays: diffusion models are known to garble text, but no source shows it on radiographs; a hypothesis to check.' },
  { id: 'M1', name: 'Provenance manifest', category: 'metadata',
    looksLike: 'The file declares trainedAlgorithmicMedia from an AI generator.', why: 'Some generators embed a C2PA provenance manifest that declares the image AI-made; it is easily stripped.',
    howToLook: 'A C2PA or metadata viewer.',
    families: ['L'], sources: ['OpenAI Help, C2PA in images'] },
  { id: 'M2', name: 'Generator-native format', category: 'metadata',
    looksLike: '8-bit RGB at a generator size such as 1024 x 1024.', why: 'Generators emit fixed sizes in 8-bit colour PNG, while real radiographs are single-channel DICOM at detector sizes.',
    howToLook: 'Check dimensions, channels, bit depth.',
    families: ['L', 'D'], sources: ['openai_dart image size enum', 'DICOM PS3.3 image pixel module', 'Tordjman et al. public teaching set: 68 of 72 GPT-4o files are RGB PNGs at 1024 x 1024, 1024 x 1536 or 1536 x 1024'] },
  { id: 'M3', name: 'Inconsistent DICOM header', category: 'metadata',
    looksLike: 'Edited tags, a failed or missing signature, dates out of order.', why: 'Tampering after acquisition leaves edited tags, broken signatures or header values that do not fit the image.',
    howToLook: 'Tag review, signature check.',
    families: ['T'], sources: ['Oh et al., J Forensic Sci 2025', 'DICOM PS3.15'],
    unverified: 'Pixel spacing that does not match the size of the anatomy: found in no source; a hypothesis to check.' },
] as const satisfies readonly ArtifactEntry[];

export type ArtifactId = (typeof ARTIFACTS)[number]['id'];

export function artifactById(id: ArtifactId): ArtifactEntry {
  const entry = ARTIFACTS.find((a) => a.id === id);
  if (!entry) throw new Error(`artifactById: unknown artifact id ${id}`);
  return entry;
}
