/** Provenance found in a file. It goes into the manifest's truth (taught in review), never into served files. */
export interface ProvenanceFinding {
  /** Where it was found, e.g. 'PNG tEXt "parameters"', 'JPEG APP11 C2PA manifest', 'DICOM Software Versions'. */
  readonly source: string;
  /** Short text (at most 200 characters), never identifying. */
  readonly text: string;
  /** Set when the finding names an AI generator (e.g. 'Stable Diffusion', 'DALL-E', 'RoentGen'). */
  readonly generator?: string;
  /** True when the file declares itself AI-made (C2PA trainedAlgorithmicMedia, a generator name, AI parameters). */
  readonly isAiDeclared: boolean;
}

/** Something a person must look at before the pack is used (DICOM PS3.15 E.1: burned-in text is not removed). */
export interface ReviewFlag {
  readonly kind: 'burned-in-annotation-declared' | 'edge-text-like-region';
  readonly detail: string;
}
