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

