import { wilcoxonAuc } from '../../domain/index.js';
import { PROPERTIES, PROPERTY_NAMES, isPropertyName, type PropertyName, type PropertyVector } from './properties.js';

/**
 * The leak audit: for every measured property, how well it alone separates fake from real served images. If one
 * number (file size, noise, a bit depth) sorts the cases, the game would teach that shortcut instead of reading
 * the image, and a curious player could score from the browser's network tab.
 *
 * Fakes of different kinds are also compared with the real images separately: forged cases are made from real
 * images, so they look like them and, pooled with imported AI images, can hide a property that gives the AI images
 * away (and the other way round). A property fails when it separates real images from any of these groups.
 */
export interface LeakAuditRow {
  readonly isFake: boolean;
  /** What made the fake, when known: imported AI images and forged ones are also audited against real ones apart. */
  readonly fakeKind?: 'synthetic' | 'forged';
  readonly properties: PropertyVector;
}

/** One comparison: real images against all fakes, or against one kind of fake. */
export interface LeakComparison {
  readonly label: 'all fakes' | 'imported AI' | 'forged';
  readonly nFake: number;
}

export interface LeakAuditOptions {
  /** A property separating the classes with an AUC above this fails the audit (default 0.75). */
  readonly threshold?: number;
  /** Properties the instructor accepts knowingly (e.g. noise, a genuine tell). */
  readonly accepted?: readonly string[];
}

export type LeakStatus = 'ok' | 'leak' | 'accepted';

export interface PropertyLeak {
  readonly name: PropertyName;
  /**
   * Separability max(A, 1 − A), A the Mann-Whitney AUC of the property as a fake-score (ties count half), in the
   * comparison where it is highest (`worstIn`); medians and `higherIn` are from that comparison.
   */
  readonly auc: number;
  readonly worstIn: LeakComparison['label'];
  /** The separability in every comparison made, in the order of `LeakAuditReport.comparisons`. */
  readonly aucs: readonly number[];
  readonly higherIn: 'fake' | 'real' | 'neither';
  readonly realMedian: number;
  readonly fakeMedian: number;
  readonly exceeds: boolean;
  readonly accepted: boolean;
  readonly status: LeakStatus;
  readonly why: string;
  readonly advice: string;
}

export interface LeakAuditReport {
  /** False when real or fake cases are missing: then nothing can be compared and `reason` says why. */
  readonly applicable: boolean;
  readonly reason: string | null;
  readonly nReal: number;
  readonly nFake: number;
  /** 'all fakes' first; then 'imported AI' and 'forged' when the pack has both kinds. */
  readonly comparisons: readonly LeakComparison[];
  readonly threshold: number;
  /** Sorted from most to least separating. Empty when not applicable. */
  readonly properties: readonly PropertyLeak[];
  /** Some property exceeds the threshold and is not accepted. */
  readonly failed: boolean;
  /** Highest separability over all properties; 0.5 (no separation measured) when not applicable. */
  readonly worstAuc: number;
  /** Set when a class is small enough that a high AUC can arise by chance. */
  readonly caution: string | null;
}

export const DEFAULT_LEAK_THRESHOLD = 0.75;
const SMALL_CLASS = 20;

function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export class LeakAuditError extends Error {
  override readonly name = 'LeakAuditError';
}

function checkOptions(options: LeakAuditOptions): { threshold: number; accepted: Set<PropertyName> } {
  const threshold = options.threshold ?? DEFAULT_LEAK_THRESHOLD;
  if (!(threshold > 0.5 && threshold <= 1)) {
    throw new LeakAuditError(`The leak threshold must be above 0.5 and at most 1 (got ${threshold}); 0.75 is the default.`);
  }
  const unknown = (options.accepted ?? []).filter((n) => !isPropertyName(n));
  if (unknown.length > 0) {
    throw new LeakAuditError(`Unknown leak-audit propert${unknown.length === 1 ? 'y' : 'ies'} ${unknown.map((n) => `'${n}'`).join(', ')}. Valid names: ${PROPERTY_NAMES.join(', ')}.`);
  }
  return { threshold, accepted: new Set(options.accepted as readonly PropertyName[] | undefined) };
}

type Measured = Omit<PropertyLeak, 'worstIn' | 'aucs' | 'exceeds' | 'accepted' | 'status'>;

function compare(name: PropertyName, fakes: readonly LeakAuditRow[], reals: readonly LeakAuditRow[]): Measured {
  // A property a row lacks or that is not finite is left out of the comparison rather than guessed.
  const values = (set: readonly LeakAuditRow[]): number[] => set.map((r) => r.properties[name]).filter((v) => Number.isFinite(v));
  const f = values(fakes);
  const r = values(reals);
  const a = wilcoxonAuc(f, r) ?? 0.5;
  const p = PROPERTIES.find((x) => x.name === name) as (typeof PROPERTIES)[number];
  return {
    name,
    auc: Math.max(a, 1 - a),
    higherIn: a > 0.5 ? 'fake' : a < 0.5 ? 'real' : 'neither',
    realMedian: median(r),
    fakeMedian: median(f),
    why: p.why,
    advice: p.advice,
  };
}

export function auditLeaks(rows: readonly LeakAuditRow[], options: LeakAuditOptions = {}): LeakAuditReport {
  const { threshold, accepted } = checkOptions(options);
  const fakes = rows.filter((r) => r.isFake);
  const reals = rows.filter((r) => !r.isFake);
  const groups: { label: LeakComparison['label']; rows: LeakAuditRow[] }[] = [{ label: 'all fakes', rows: fakes }];
  const synthetic = fakes.filter((r) => r.fakeKind === 'synthetic');
  const forged = fakes.filter((r) => r.fakeKind === 'forged');
  if (synthetic.length > 0 && forged.length > 0) groups.push({ label: 'imported AI', rows: synthetic }, { label: 'forged', rows: forged });
  const comparisons = groups.map((g) => ({ label: g.label, nFake: g.rows.length }));
  const base = { nReal: reals.length, nFake: fakes.length, comparisons, threshold };
  if (fakes.length === 0 || reals.length === 0) {
    const missing = fakes.length === 0 ? 'fake' : 'real';
    return {
      ...base,
      applicable: false,
      reason: `The pack has no ${missing} cases, so real and fake cannot be compared. Add ${missing} images if the pack is meant to train real-versus-fake reading.`,
      properties: [],
      failed: false,
      worstAuc: 0.5,
      caution: null,
    };
  }
  const properties = PROPERTY_NAMES.map((name): PropertyLeak => {
    const each = groups.map((g) => compare(name, g.rows, reals));
    let worst = 0;
    each.forEach((m, k) => {
      if (m.auc > (each[worst] as Measured).auc) worst = k;
    });
    const m = each[worst] as Measured;
    const exceeds = m.auc > threshold;
    const isAccepted = accepted.has(name);
    return {
      ...m,
      worstIn: groups[worst]?.label ?? 'all fakes',
      aucs: each.map((x) => x.auc),
      exceeds,
      accepted: isAccepted,
      status: !exceeds ? 'ok' : isAccepted ? 'accepted' : 'leak',
    };
  }).sort((x, y) => y.auc - x.auc);
  const smallestFake = Math.min(...groups.map((g) => g.rows.length));
  const small = Math.min(reals.length, smallestFake);
  return {
    ...base,
    applicable: true,
    reason: null,
    properties,
    failed: properties.some((p) => p.status === 'leak'),
    worstAuc: properties[0]?.auc ?? 0.5,
    caution:
      small < SMALL_CLASS
        ? `Only ${small} ${reals.length <= smallestFake ? 'real' : 'fake'} ${small === 1 ? 'case' : 'cases'} in a comparison: with so few, a property can exceed the threshold by chance. Add cases for a firmer audit.`
        : null,
  };
}
