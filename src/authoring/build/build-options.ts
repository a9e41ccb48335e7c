/**
 * What an instructor can choose when building a pack, with the defaults and the checks. Every problem is reported
 * at once with what to write instead.
 */
import { PROPERTY_NAMES, isPropertyName } from '../audit/index.js';
import type { InputRootLabel, LabelTable } from './labels.js';

export interface BuildOptions {
  readonly id: string;
  readonly title: string;
  readonly author: string;
  readonly licence: string;
  readonly description: string;
  readonly seed: number;
  /** Share of the real images turned into fakes by the forgery engine (0..1). */
  readonly forgedShare: number;
  /** Served images are size x size pixels (one policy for every image, so size tells nothing). */
  readonly size: number;
  /** Served bit depth, or 'auto' = the lowest depth any input really carries (so depth tells nothing). */
  readonly bits: number | 'auto';
  readonly leakThreshold: number;
  /** Leak-audit properties the instructor accepts knowingly. */
  readonly acceptLeaks: readonly string[];
  /** The instructor has looked at every flagged image (burned-in text) and vouches for them. */
  readonly reviewed: boolean;
  readonly labels: LabelTable | null;
  /**
   * Labels the instructor gave whole inputs (`--real <folder>`, `--synthetic <folder>`, the browser's choice per
   * dropped folder), for files that neither the labels CSV nor a real/ or synthetic/ folder name labels.
   */
  readonly inputLabels: readonly InputRootLabel[];
  /** Lines the caller adds to the report's warnings (e.g. the browser saying which title it used and why). */
  readonly notes?: readonly string[];
  readonly toolVersion: string;
  /**
   * Secret mixed into replacement UIDs (PS3.15 'U'). Omitted: a random salt per build, never stored, so nobody can
   * map a pack's UIDs back to the originals. Tests pass a fixed one to get the same pack twice.
   */
  readonly deidSalt?: string;
}

export const BUILD_DEFAULTS = {
  title: 'Department case pack',
  author: 'unknown',
  licence: 'for internal teaching only',
  description: '',
  seed: 1,
  forgedShare: 0.5,
  size: 1024,
  bits: 'auto',
  leakThreshold: 0.75,
  acceptLeaks: [],
  reviewed: false,
  labels: null,
  inputLabels: [],
} as const;

export const PACK_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A pack id from a title: lower-case words joined by '-', never 'demo' (the built-in deck). */
export function packIdFrom(title: string): string {
  const id = title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48) || 'pack';
  return id === 'demo' ? 'demo-pack' : id;
}

export function checkBuildOptions(o: BuildOptions): string[] {
  const p: string[] = [];
  if (!PACK_ID_PATTERN.test(o.id) || o.id === 'demo') {
    p.push(`pack id '${o.id}' must be 1-64 lower-case letters, digits or '-', starting with a letter or digit, and not 'demo'`);
  }
  if (!Number.isInteger(o.seed) || o.seed < 0 || o.seed > 0xffffffff) p.push(`seed ${o.seed} must be an integer from 0 to 4294967295`);
  if (!(o.forgedShare >= 0 && o.forgedShare <= 1)) p.push(`forged share ${o.forgedShare} must be between 0 and 1 (e.g. 0.5)`);
  if (!Number.isInteger(o.size) || o.size < 256 || o.size > 4096) p.push(`size ${o.size} must be an integer from 256 to 4096 pixels`);
  if (o.bits !== 'auto' && (!Number.isInteger(o.bits) || o.bits < 8 || o.bits > 16)) p.push(`bits ${o.bits} must be 'auto' or an integer from 8 to 16`);
  if (!(o.leakThreshold > 0.5 && o.leakThreshold <= 1)) p.push(`leak threshold ${o.leakThreshold} must be above 0.5 and at most 1`);
  for (const [k, v] of [['title', o.title], ['author', o.author], ['licence', o.licence]] as const) {
    if (v.trim() === '' || v.length > 200) p.push(`${k} must be 1-200 characters`);
  }
  const unknown = o.acceptLeaks.filter((n) => !isPropertyName(n));
  if (unknown.length > 0) p.push(`unknown leak-audit properties to accept: ${unknown.join(', ')}; known: ${PROPERTY_NAMES.join(', ')}`);
  if (o.description.length > 2000) p.push('description must be at most 2000 characters');
  return p;
}
