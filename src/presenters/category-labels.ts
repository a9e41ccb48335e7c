import type { ArtifactCategory } from '../domain/index.js';

/** The artifact categories as the screens name them. */
export const CATEGORY_LABELS: Readonly<Record<ArtifactCategory, string>> = {
  anatomical: 'Anatomical',
  'texture-noise': 'Texture and noise',
  frequency: 'Frequency',
  'edges-blending': 'Edges and blending',
  'devices-markers': 'Devices and markers',
  metadata: 'Metadata',
};

