/**
 * No shortcut in the demo deck: over 200 cases planned as the game plans them, no case-level property alone
 * separates authentic films from fakes with a ROC AUC (as separability max(A, 1 - A)) above 0.6: image size and
 * aspect, whether the film is square, the presence and the kind of a device or finding, framing (collimated
 * margins, white or black border), brightness, spread and noise level. Devices and findings of a fake are those of
 * the film it was made from plus what its forgery drew (an inserted device, a pasted lesion, an opacity).
 * Writes tests/realism/output/shortcut-table.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemoCase } from '../../src/decks/index.js';
import { robustNoise } from '../../src/authoring/index.js';
import { wilcoxonAuc } from '../../src/domain/metrics/auc.js';
import { demoDeckSpecs } from './demo-deck-cases.js';
import { displayOf, filmStats, fitLongSide } from './film-stats.js';

const CASES = 200;
const LIMIT = 0.6;
const OUT = join(process.cwd(), 'tests', 'realism', 'output');
const SPECS = demoDeckSpecs(2026, CASES);

/** What a forgery step adds to the film's visible content, as a finding kind. */
const DRAWN: Readonly<Record<string, string>> = {
  'inserted-device': 'ecg-leads',
  'pasted-lesion': 'nodule',
  'isolated-finding': 'opacity',
};

const KINDS = [
  'ecg-leads', 'sternotomy-wires', 'surgical-clips', 'pacemaker', 'central-line', 'endotracheal-tube', 'nasogastric-tube',
  'calcified-granuloma', 'azygos-fissure', 'cervical-rib', 'healed-rib-fracture', 'nipple-shadows',
  'costal-cartilage-calcification', 'aortic-knob-calcification', 'minor-fissure', 'nodule', 'opacity',
];
const DEVICE_KINDS = new Set(['ecg-leads', 'sternotomy-wires', 'surgical-clips', 'pacemaker', 'central-line', 'endotracheal-tube', 'nasogastric-tube']);

interface Row {
  readonly fake: boolean;
  readonly props: Record<string, number>;
}

function measure(index: number): Row {
  const spec = SPECS[index];
  if (!spec) throw new Error(`no case ${index}`);
  const c = generateDemoCase(spec);
  const img = c.image;
  const kinds = new Set((c.filmFindings ?? []).map((f) => f.kind));
  for (const step of spec.forgery ?? []) if (DRAWN[step.techniqueId]) kinds.add(DRAWN[step.techniqueId] as string);
  const fit = fitLongSide(displayOf(img));
  const st = filmStats(fit);
  const props: Record<string, number> = {
    width: img.width,
    height: img.height,
    aspect: img.width / img.height,
    square: img.width === img.height ? 1 : 0,
    pixels: img.width * img.height,
    hasDevice: [...kinds].some((k) => DEVICE_KINDS.has(k)) ? 1 : 0,
    hasFinding: [...kinds].some((k) => !DEVICE_KINDS.has(k)) ? 1 : 0,
    findingCount: kinds.size,
    brightness: st.mean,
    spread: st.sd,
    blackShare: st.blackShare,
    whiteShare: st.whiteShare,
    borderWhite: st.borderWhiteShare,
    noise: robustNoise(img) / img.windowWidth,
    fineTexture: st.fineTexture,
    windowWidth: img.windowWidth / 2 ** img.bitsStored,
  };
  for (const k of KINDS) props[`kind:${k}`] = kinds.has(k) ? 1 : 0;
  const broken = Object.entries(props).filter(([, v]) => !Number.isFinite(v)).map(([k]) => k);
  if (broken.length) throw new Error(`case ${spec.id} (${JSON.stringify(spec.forgery)}): ${broken.join(', ')} not finite`);
  return { fake: c.truth.kind === 'forged', props };
}

describe('the demo deck has no shortcut', () => {
  it(`no case-level property separates authentic from fake with AUC above ${LIMIT} over ${CASES} cases`, () => {
    const rows: Row[] = [];
    for (let i = 0; i < CASES; i++) rows.push(measure(i));
    const fakes = rows.filter((r) => r.fake);
    const reals = rows.filter((r) => !r.fake);
    expect(fakes.length).toBeGreaterThan(80);
    expect(reals.length).toBeGreaterThan(80);
    const names = Object.keys(rows[0]?.props ?? {});
    const result = names.map((name) => {
      const a = wilcoxonAuc(fakes.map((r) => r.props[name] as number), reals.map((r) => r.props[name] as number)) ?? 0.5;
      return { name, auc: Math.max(a, 1 - a), fakeRate: mean(fakes, name), realRate: mean(reals, name) };
    }).sort((x, y) => y.auc - x.auc);
    const table = ['| property | separability (AUC) | mean in fakes | mean in authentic |', '| --- | --- | --- | --- |',
      ...result.map((r) => `| ${r.name} | ${r.auc.toFixed(3)} | ${r.fakeRate.toFixed(4)} | ${r.realRate.toFixed(4)} |`)].join('\n');
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'shortcut-table.md'), `${CASES} cases (${fakes.length} fake, ${reals.length} authentic)\n\n${table}\n`);
    console.log(table);
    expect(result.filter((r) => r.auc > LIMIT).map((r) => `${r.name} ${r.auc.toFixed(3)}`)).toEqual([]);
  });
});

function mean(rows: readonly Row[], name: string): number {
  return rows.reduce((s, r) => s + (r.props[name] as number), 0) / rows.length;
}
