import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ARTIFACTS, ARTIFACT_CATEGORIES, getMode, techniquesFor, withSettings } from '../../../src/domain/index.js';
import { planDemoDeck } from '../../../src/decks/index.js';
import { TECHNIQUES } from '../../../src/forgery/catalog.js';
import { atlasEntries, liveExampleText } from '../../../src/decks/atlas-examples.js';

const techs = Object.values(TECHNIQUES).map((t) => ({ id: t.id, artifactIds: t.artifactIds as readonly string[] }));

describe('the artifact catalog is complete, validated teaching data', () => {
  const Entry = z.object({
    id: z.string().regex(/^[ATFEDM]\d{1,2}$/), name: z.string().min(5), category: z.enum(ARTIFACT_CATEGORIES),
    looksLike: z.string().min(20), why: z.string().min(40), howToLook: z.string().min(15),
    families: z.array(z.enum(['G', 'D', 'L', 'T'])).min(1), sources: z.array(z.string().min(5)).min(1),
    unverified: z.string().min(30).optional(),
  }).strict();
  it('has the 27 entries of the design catalog, each complete, ids unique, every category used', () => {
    for (const a of ARTIFACTS) expect(() => Entry.parse(a), a.id).not.toThrow();
    expect(ARTIFACTS).toHaveLength(27);
    expect(new Set(ARTIFACTS.map((a) => a.id)).size).toBe(27);
    expect(new Set(ARTIFACTS.map((a) => a.category))).toEqual(new Set(ARTIFACT_CATEGORIES));
  });
});

describe('the atlas', () => {
  it('lists every artifact, with a live example exactly where a technique makes it', () => {
    const entries = atlasEntries(techs);
    expect(entries.map((e) => e.artifact.id)).toEqual(ARTIFACTS.map((a) => a.id));
    for (const e of entries) {
      const made = techs.some((t) => t.artifactIds.includes(e.artifact.id));
      expect(e.example !== null, e.artifact.id).toBe(made);
    }
    expect(entries.find((e) => e.artifact.id === 'A1')?.techniqueIds).toContain('mirror-symmetry');
    expect(atlasEntries(techs)).toEqual(entries);
  });

  it('drills one tell or its category: every fake of the session comes from those techniques', () => {
    const ids = techniquesFor(techs, { artifactId: 'T1' });
    expect(ids).toEqual(['uniform-grain']);
    const plan = planDemoDeck(9, withSettings(getMode('tell-drill'), { focus: { artifactId: 'T1' } }), techs);
    const used = new Set(plan.rounds.flat().flatMap((c) => c.forgery?.map((f) => f.techniqueId) ?? []));
    expect([...used]).toEqual(['uniform-grain']);
    const category = techniquesFor(techs, { category: 'texture-noise' });
    expect(category).toEqual(expect.arrayContaining(['uniform-grain', 'waxy-smoothing']));
    expect(techniquesFor(techs, { artifactId: 'A5' }).length).toBeGreaterThan(0);
    expect(() => planDemoDeck(1, withSettings(getMode('tell-drill'), { focus: { artifactId: 'E4' } }), [])).toThrow(/no forgery technique makes/);
  });
});

describe('the technique list pages load without the pixel code', () => {
  it('is the registry: every technique with the artifacts it makes', async () => {
    const { TECHNIQUE_SUMMARIES } = await import('../../../src/forgery/technique-list.js');
    const { TECHNIQUE_INFO } = await import('../../../src/forgery/catalog.js');
    expect(TECHNIQUE_SUMMARIES).toEqual(TECHNIQUE_INFO.map((t) => ({ id: t.id, artifactIds: [...t.artifactIds] })));
  });
});

describe('the atlas says which technique its live example uses', () => {
  it('names only the technique the example is forged with, and lists the others as others (E2 has three)', () => {
    const e2 = atlasEntries(techs).find((e) => e.artifact.id === 'E2');
    expect(e2?.techniqueIds.length).toBeGreaterThan(1);
    const used = e2?.example?.forgery?.[0]?.techniqueId as string;
    const text = e2 ? liveExampleText(e2) : '';
    expect(text).toMatch(new RegExp(`forged on the spot with ${used} \\(obvious level\\)\\.`));
    for (const id of e2?.techniqueIds.filter((t) => t !== used) ?? []) expect(text).toMatch(new RegExp(`Other techniques that make this tell: .*${id}`));
  });
});

/**
 * Taken from the design catalog (/work/shared/design/artifacts.md, section 2): the entries whose claims rest only on
 * the press release ([S]) and those with an UNVERIFIED claim, with the source each must (or must not) cite.
 */
const DESIGN: Record<string, { cites?: RegExp[]; notCites?: RegExp[]; unverified?: RegExp }> = {
  A2: { cites: [/press release/], notCites: [/^Tordjman, Yuce et al\., Radiology 2026/] },
  A5: { cites: [/press release/], notCites: [/^Tordjman, Yuce et al\., Radiology 2026/] },
  T3: { unverified: /heel/ },
  D1: { cites: [/2503\.00196/, /2410\.04439/], unverified: /marker/ },
  M2: { cites: [/DICOM PS3\.3/, /1024 x 1536/] },
  M3: { cites: [/Oh et al/, /PS3\.15/], unverified: /spacing/ },
};

describe('the catalog claims what its design sources support', () => {
  for (const a of ARTIFACTS) {
    const d = DESIGN[a.id] ?? {};
    it(`${a.id}: sources and unverified status agree with the design catalog`, () => {
      const entry = a as { sources: readonly string[]; unverified?: string };
      for (const re of d.cites ?? []) expect(entry.sources.some((x) => re.test(x)), `${a.id} cites ${re}`).toBe(true);
      for (const re of d.notCites ?? []) expect(entry.sources.some((x) => re.test(x)), `${a.id} does not cite ${re}`).toBe(false);
      if (d.unverified) expect(entry.unverified ?? '').toMatch(d.unverified);
      else expect(entry.unverified).toBeUndefined();
    });
  }
});

