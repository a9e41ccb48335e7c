/**
 * The tool each technique's 'expert' how-to-see text sends the reader to (tool-visibility.ts measures them).
 */
import type { Tool } from './tool-visibility.js';

export const EXPERT_TOOL: Readonly<Record<string, Tool>> = {
  'mirror-symmetry': 'loupe',
  'uniform-grain': 'loupe',
  'pasted-lesion': 'loupe',
  'waxy-smoothing': 'loupe',
  'straight-spine': 'loupe',
  'smooth-cortex': 'loupe',
  'erase-trabeculae': 'loupe',
  'clean-fracture': 'loupe',
  'remove-lesion': 'loupe',
  'flat-exposure': 'wide',
  'checkerboard-grid': 'loupe',
  'spectral-falloff': 'loupe',
  'latent-blocks': 'loupe',
  'noise-transplant': 'loupe',
  'sharpness-mismatch': 'loupe',
  'clipped-plateau': 'loupe',
  'double-compression': 'loupe',
  'garbled-marker': 'loupe',
  'inserted-device': 'loupe',
  'repetitive-vessels': 'loupe',
  'round-gastric-bubble': 'loupe',
  'impossible-joint': 'loupe',
  'perfect-positioning': 'flip',
  'isolated-finding': 'narrow',
};
