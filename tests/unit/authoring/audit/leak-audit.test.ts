import { describe, expect, it } from 'vitest';
import {
  LeakAuditError,
  PROPERTY_NAMES,
  auditLeaks,
  formatLeakAudit,
  measureServedImage,
  type LeakAuditRow,
  type PropertyVector,
} from '../../../../src/authoring/audit/index.js';
import { createRng } from '../../../../src/domain/rng.js';
import { createGrayImage, type GrayImage } from '../../../../src/imaging/types.js';
import { noisyImage, toPng } from './images.js';

const measure = (img: GrayImage): PropertyVector => measureServedImage(toPng(img), img);

/** Real images: noise σ 12; fakes: the same scenes but smoother (σ 3), as a denoising generator would make them. */
function smoothFakes(n: number): LeakAuditRow[] {
  const rows: LeakAuditRow[] = [];
  for (let i = 0; i < n; i++) {
    rows.push({ isFake: false, properties: measure(noisyImage(100 + i, 12)) });
    rows.push({ isFake: true, properties: measure(noisyImage(500 + i, 3)) });
  }
  return rows;
}

describe('auditLeaks', () => {
  it('the same images labelled both ways give AUC 0.5 everywhere and pass', () => {
    const props = [1, 2, 3, 4, 5].map((s) => measure(noisyImage(s, 8)));
    const rows = props.flatMap((p) => [{ isFake: true, properties: p }, { isFake: false, properties: p }]);
    const r = auditLeaks(rows);
    expect(r.applicable).toBe(true);
    expect(r.properties).toHaveLength(PROPERTY_NAMES.length);
    for (const p of r.properties) expect(p.auc, p.name).toBe(0.5);
    expect(r.failed).toBe(false);
    expect(r.worstAuc).toBe(0.5);
  });

  it('identically distributed random properties stay near 0.5 and pass', () => {
    const rng = createRng(11);
    const row = (isFake: boolean): LeakAuditRow => ({
      isFake,
      properties: Object.fromEntries(PROPERTY_NAMES.map((n) => [n, rng.normal()])) as PropertyVector,
    });
    const rows = [...Array.from({ length: 60 }, () => row(true)), ...Array.from({ length: 60 }, () => row(false))];
    const r = auditLeaks(rows);
    expect(r.failed).toBe(false);
    expect(r.worstAuc).toBeLessThan(0.7);
    expect(r.caution).toBeNull();
  });

  it('smoother fakes leak through noise: the audit fails, naming it, higher in real', () => {
    const r = auditLeaks(smoothFakes(12));
    const noise = r.properties.find((p) => p.name === 'noise');
    expect(noise).toMatchObject({ auc: 1, higherIn: 'real', exceeds: true, accepted: false, status: 'leak' });
    expect(noise?.realMedian).toBeGreaterThan(10);
    expect(noise?.fakeMedian).toBeLessThan(4);
    expect(noise?.advice).toMatch(/genuine image tell, but a reader could learn it as a shortcut/);
    expect(r.failed).toBe(true);
    expect(r.worstAuc).toBe(1);
    expect(r.properties.find((p) => p.name === 'width')?.status).toBe('ok');
    expect(r.caution).toMatch(/by chance/);
  });

  it('a leak of the imported AI images is caught even when forged cases (made from real images) dilute it', () => {
    // 12 real films, 12 forged ones that look like them, 4 smooth AI images: pooled, the fakes hardly differ.
    const rows: LeakAuditRow[] = [];
    for (let i = 0; i < 12; i++) {
      rows.push({ isFake: false, properties: measure(noisyImage(100 + i, 12)) });
      rows.push({ isFake: true, fakeKind: 'forged', properties: measure(noisyImage(300 + i, 12)) });
    }
    for (let i = 0; i < 4; i++) rows.push({ isFake: true, fakeKind: 'synthetic', properties: measure(noisyImage(500 + i, 3)) });
    const pooled = auditLeaks(rows.map((r) => ({ isFake: r.isFake, properties: r.properties })));
    expect(pooled.properties.find((p) => p.name === 'noise')?.auc).toBeLessThan(0.75);
    const r = auditLeaks(rows);
    expect(r.comparisons).toEqual([{ label: 'all fakes', nFake: 16 }, { label: 'imported AI', nFake: 4 }, { label: 'forged', nFake: 12 }]);
    const noise = r.properties.find((p) => p.name === 'noise');
    expect(noise).toMatchObject({ auc: 1, worstIn: 'imported AI', higherIn: 'real', status: 'leak' });
    expect(noise?.aucs[0]).toBeLessThan(0.75);
    expect(r.failed).toBe(true);
    const lines = formatLeakAudit(r);
    expect(lines[0]).toBe('Leak audit (12 real, 16 fake; real compared with all fakes, with imported AI and with forged apart; threshold AUC 0.75)');
    expect(lines.find((l) => l.startsWith('property'))).toMatch(/^property\s+AUC\s+worst vs\s+all fakes \(16\)\s+imported AI \(4\)\s+forged \(12\)\s+higher in/);
    expect(lines.find((l) => l.startsWith('noise '))).toMatch(/^noise\s+1\.000\s+imported AI\s+0\.\d+\s+1\.000\s+0\.\d+\s+real\s.*LEAK$/);
    expect(lines.some((l) => l.startsWith('noise (LEAK): ') && l.includes('Worst against the imported AI cases.'))).toBe(true);
  });

  it('passes when every leaking property is accepted knowingly', () => {
    const rows = smoothFakes(12);
    const leaking = auditLeaks(rows).properties.filter((p) => p.exceeds).map((p) => p.name);
    expect(leaking).toEqual(expect.arrayContaining(['noise', 'byteSize']));
    const r = auditLeaks(rows, { accepted: leaking });
    expect(r.failed).toBe(false);
    expect(r.properties.filter((p) => p.status === 'accepted').map((p) => p.name).sort()).toEqual([...leaking].sort());
    expect(auditLeaks(rows, { accepted: ['noise'] }).failed).toBe(leaking.length > 1);
  });

  it('fakes 512 px smaller leak through the dimensions, with "report a bug" advice', () => {
    const rng = createRng(2);
    const row = (isFake: boolean, side: number): LeakAuditRow => {
      const img = createGrayImage(side, side, 8);
      for (let i = 0; i < img.data.length; i++) img.data[i] = rng.int(256);
      return { isFake, properties: measureServedImage(toPng(img), img) };
    };
    const rows = [row(false, 520), row(false, 520), row(true, 8), row(true, 8)];
    const r = auditLeaks(rows);
    const width = r.properties.find((p) => p.name === 'width');
    expect(width).toMatchObject({ auc: 1, higherIn: 'real', realMedian: 520, fakeMedian: 8, status: 'leak' });
    expect(width?.advice).toMatch(/should never happen after normalisation: report a bug/);
  });

  it('a threshold is respected exactly: AUC equal to it passes', () => {
    // Fakes {1, 2} vs reals {0, 1.5}: the fake outranks the real in 3 of 4 pairs, so A = 0.75.
    const v = (x: number): PropertyVector => Object.fromEntries(PROPERTY_NAMES.map((n) => [n, n === 'mean' ? x : 0])) as PropertyVector;
    const rows = [
      { isFake: true, properties: v(1) },
      { isFake: true, properties: v(2) },
      { isFake: false, properties: v(0) },
      { isFake: false, properties: v(1.5) },
    ];
    expect(auditLeaks(rows).properties[0]).toMatchObject({ name: 'mean', auc: 0.75, higherIn: 'fake', exceeds: false });
    expect(auditLeaks(rows, { threshold: 0.7 }).failed).toBe(true);
  });

  it('ties count half', () => {
    const v = (x: number): PropertyVector => Object.fromEntries(PROPERTY_NAMES.map((n) => [n, n === 'p50' ? x : 0])) as PropertyVector;
    const rows = [{ isFake: true, properties: v(1) }, { isFake: false, properties: v(1) }, { isFake: false, properties: v(0) }];
    expect(auditLeaks(rows).properties.find((p) => p.name === 'p50')?.auc).toBe(0.75);
  });

  it('is not applicable with one class, and says why', () => {
    const only = [{ isFake: true, properties: measure(noisyImage(1, 5)) }];
    const r = auditLeaks(only);
    expect(r).toMatchObject({ applicable: false, failed: false, nReal: 0, nFake: 1, properties: [] });
    expect(r.reason).toMatch(/no real cases.*Add real images/);
    expect(formatLeakAudit(r).join('\n')).toMatch(/Not applicable/);
  });

  it('refuses unknown accepted names, listing the valid ones, and a bad threshold', () => {
    expect(() => auditLeaks([], { accepted: ['noise', 'fileSize'] })).toThrow(LeakAuditError);
    expect(() => auditLeaks([], { accepted: ['fileSize'] })).toThrow(/Unknown leak-audit property 'fileSize'\. Valid names: width, height, .*byteSize/);
    expect(() => auditLeaks([], { threshold: 0.5 })).toThrow(/above 0\.5/);
  });
});

describe('formatLeakAudit', () => {
  it('prints a verdict, an aligned table and advice for leaks', () => {
    const lines = formatLeakAudit(auditLeaks(smoothFakes(6)));
    expect(lines[0]).toBe('Leak audit (6 real, 6 fake; threshold AUC 0.75)');
    expect(lines[1]).toMatch(/^FAILED: \d+ properties separate real from fake/);
    const header = lines.find((l) => l.startsWith('property'));
    expect(header).toMatch(/^property\s+AUC\s+higher in\s+real median\s+fake median\s+status$/);
    const noise = lines.find((l) => l.startsWith('noise '));
    expect(noise).toMatch(/^noise\s+1\.000\s+real\s+\S+\s+\S+\s+LEAK$/);
    expect(lines.some((l) => l.startsWith('noise (LEAK): ') && l.includes('What to do:'))).toBe(true);
    const tableRows = lines.slice(lines.indexOf(header as string), lines.indexOf(header as string) + PROPERTY_NAMES.length + 1);
    expect(new Set(tableRows.map((l) => l.length)).size).toBe(1);
  });

  it('says passed with accepted leaks counted', () => {
    const rows = smoothFakes(6);
    const accepted = auditLeaks(rows).properties.filter((p) => p.exceeds).map((p) => p.name);
    expect(formatLeakAudit(auditLeaks(rows, { accepted }))[1]).toMatch(/^Passed: .* except \d+ accepted knowingly/);
  });

  it('a pass that rests on a raised threshold says what the default would have found', () => {
    const verdict = formatLeakAudit(auditLeaks(smoothFakes(6), { threshold: 1 }))[1];
    expect(verdict).toMatch(/^Passed: no property separates real from fake above the threshold \(worst AUC 1\.000\)\. It passes only because the threshold was raised to 1: at the default 0\.75, \d+ properties would fail, and a reader could tell real from fake by them alone\.$/);
    expect(formatLeakAudit(auditLeaks(smoothFakes(6).map((r) => ({ ...r, isFake: !r.isFake })), { threshold: 0.75 }))[1]).not.toMatch(/raised/);
  });
});
