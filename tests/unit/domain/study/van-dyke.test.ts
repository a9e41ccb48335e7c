import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatLrc, orAnalysis, parseLrc } from '../../../../src/domain/study/index.js';

/**
 * The Van Dyke et al. (1993) cine-MRI vs spin-echo MRI study, read from the shared test data (never copied into the
 * project), against RJafroc's published OR analysis (shared/reader-studies/README.md): every figure of the README
 * to the digits it gives.
 */
const text = readFileSync(join(process.cwd(), '..', 'shared', 'reader-studies', 'VanDyke.lrc'), 'utf8');
const study = parseLrc(text);
const or = orAnalysis(study);

/** Rounds to the README's digits: `digits` decimals, or significant figures for the small variance figures. */
const fixed = (v: number | null | undefined, digits: number): string => (v as number).toFixed(digits);
const sig = (v: number | null | undefined, digits: number): string => (v as number).toPrecision(digits);

describe('Van Dyke: reading the .lrc file', () => {
  it('has 2 treatments, 5 readers, 69 cases without and 45 with disease, ids 0-113', () => {
    expect(study.treatments).toEqual(['0', '1']);
    expect(study.readers).toEqual(['0', '1', '2', '3', '4']);
    expect(study.cases).toHaveLength(114);
    expect(study.cases.filter((c) => c.truth === 0).map((c) => c.id)).toEqual(Array.from({ length: 69 }, (_, k) => String(k)));
    expect(study.cases.filter((c) => c.truth === 1).map((c) => c.id)).toEqual(Array.from({ length: 45 }, (_, k) => String(69 + k)));
  });

  it('writes back byte for byte', () => {
    expect(formatLrc(study)).toBe(text);
  });
});

describe('Van Dyke: Obuchowski-Rockette, jackknife, Hillis df (RJafroc reference)', () => {
  it('per-reader AUCs to 4 decimals', () => {
    expect(or.aucs[0]?.map((v) => fixed(v, 4))).toEqual(['0.9196', '0.8588', '0.9039', '0.9731', '0.8298']);
    expect(or.aucs[1]?.map((v) => fixed(v, 4))).toEqual(['0.9478', '0.9053', '0.9217', '0.9994', '0.9300']);
  });

  it('treatment 0: AUC 0.8970, SE 0.03317, df 12.74, CI 0.8252 to 0.9689', () => {
    const t = or.perTreatment[0];
    expect(fixed(t?.auc, 4)).toBe('0.8970');
    expect(fixed(t?.se, 5)).toBe('0.03317');
    expect(fixed(t?.df, 2)).toBe('12.74');
    expect([fixed(t?.ci95?.[0], 4), fixed(t?.ci95?.[1], 4)]).toEqual(['0.8252', '0.9689']);
    expect(sig(t?.msR, 4)).toBe('0.003083');
    expect(sig(t?.cov2, 4)).toBe('0.0004840');
  });

  it('treatment 1: AUC 0.9408, SE 0.02157, df 12.71, CI 0.8941 to 0.9875', () => {
    const t = or.perTreatment[1];
    expect(fixed(t?.auc, 4)).toBe('0.9408');
    expect(fixed(t?.se, 5)).toBe('0.02157');
    expect(fixed(t?.df, 2)).toBe('12.71');
    expect([fixed(t?.ci95?.[0], 4), fixed(t?.ci95?.[1], 4)]).toEqual(['0.8941', '0.9875']);
    expect(sig(t?.msR, 4)).toBe('0.001305');
    expect(sig(t?.cov2, 4)).toBe('0.0002042');
  });

  it('variance components and mean squares', () => {
    const v = or.varianceComponents;
    expect([sig(v.var, 4), sig(v.cov1, 4), sig(v.cov2, 4), sig(v.cov3, 4)]).toEqual(['0.0008023', '0.0003466', '0.0003441', '0.0002390']);
    const m = or.meanSquares;
    expect([sig(m.msT, 4), sig(m.msR, 4), sig(m.msTR, 3)]).toEqual(['0.004796', '0.003836', '0.000551']);
  });

  it('difference 0 - 1: -0.0438, F 4.456, ddf 15.26, p 0.05167, CI -0.08796 to 0.00036', () => {
    const d = or.differences[0];
    expect(or.differences).toHaveLength(1);
    expect([d?.treatmentA, d?.treatmentB]).toEqual(['0', '1']);
    expect(fixed(d?.estimate, 4)).toBe('-0.0438');
    expect(fixed(or.test?.f, 3)).toBe('4.456');
    expect(or.test?.ndf).toBe(1);
    expect(fixed(or.test?.ddf, 2)).toBe('15.26');
    expect(fixed(or.test?.p, 5)).toBe('0.05167');
    expect(fixed(d?.p, 5)).toBe('0.05167');
    expect([fixed(d?.ci95?.[0], 5), fixed(d?.ci95?.[1], 5)]).toEqual(['-0.08796', '0.00036']);
    expect(or.testUnavailable).toBeNull();
  });

  it('a single treatment of the same data gives the per-treatment figures on its own', () => {
    const one = orAnalysis({ ...study, treatments: ['1'], ratings: [study.ratings[1] as number[][]] });
    expect(fixed(one.perTreatment[0]?.se, 5)).toBe('0.02157');
    expect(fixed(one.perTreatment[0]?.df, 2)).toBe('12.71');
    expect(one.test).toBeNull();
    expect(one.testUnavailable).toMatch(/2 or more treatments/);
  });
});
