import { describe, expect, it } from 'vitest';
import {
  CURRENT_PACK_SCHEMA_VERSION,
  PACK_MIGRATIONS,
  PackError,
  decodePackManifest,
  encodePackManifest,
  migratePackManifest,
  parsePackManifest,
  type PackMigration,
} from '../../../src/pack-format/index.js';
import { validManifestJson } from './fixtures.js';

type Json = Record<string, any>; // tests poke at raw JSON

const errorOf = (f: () => unknown): PackError => {
  try {
    f();
  } catch (e) {
    if (e instanceof PackError) return e;
    throw e;
  }
  throw new Error('expected a PackError');
};

describe('parsePackManifest', () => {
  it('accepts a valid manifest with all three truth kinds', () => {
    const m = parsePackManifest(validManifestJson());
    expect(m.cases.map((c) => c.truth.kind)).toEqual(['authentic', 'forged', 'synthetic']);
    expect(m.schemaVersion).toBe(CURRENT_PACK_SCHEMA_VERSION);
  });

  it('round-trips through encode and decode to an equal manifest, byte-stable', () => {
    const m = parsePackManifest(validManifestJson());
    const bytes = encodePackManifest(m);
    expect(decodePackManifest(bytes)).toEqual(m);
    expect(encodePackManifest(decodePackManifest(bytes))).toEqual(bytes);
  });

  it('strips control and bidi characters from text and turns line breaks in one-line fields into spaces', () => {
    const j: Json = validManifestJson();
    j['title'] = '\u202eSt\u0007 Mary\nchest\u0000 ';
    j['description'] = 'line one\r\nline two\u001b[2J';
    const m = parsePackManifest(j);
    expect(m.title).toBe('St Mary chest');
    expect(m.description).toBe('line one\nline two[2J');
  });

  it('bounds text lengths and refuses a title that is empty once cleaned', () => {
    const long: Json = validManifestJson();
    long['title'] = 'x'.repeat(121);
    expect(errorOf(() => parsePackManifest(long)).message).toMatch(/title: too long \(at most 120/);
    const blank: Json = validManifestJson();
    blank['title'] = '\u0001\u0002 ';
    expect(errorOf(() => parsePackManifest(blank)).message).toMatch(/title: must not be empty/);
  });

  it.each([
    ['Upper', /id: must be 1 to 64/],
    ['-lead', /id: must be 1 to 64/],
    ['a'.repeat(65), /id: must be 1 to 64/],
    ['demo', /reserved for the built-in deck/],
  ])('refuses pack id %s', (id, pattern) => {
    const j: Json = validManifestJson();
    j['id'] = id;
    const e = errorOf(() => parsePackManifest(j));
    expect(e.code).toBe('invalid-manifest');
    expect(e.message).toMatch(pattern);
  });

  it('gives readable errors: path and problem, with what to do', () => {
    const j: Json = validManifestJson();
    j['cases'][1]['truth']['tells'][0]['strength'] = 2;
    j['cases'][0]['id'] = 'case1';
    const e = errorOf(() => parsePackManifest(j));
    expect(e.message).toMatch(/Rebuild the pack/);
    expect(e.message).toMatch(/cases\.1\.truth\.tells\.0\.strength: /);
    expect(e.message).toMatch(/cases\.0\.id: must look like 'c0007'/);
  });

  it('refuses tell points outside the image or not finite, and unknown artifact ids', () => {
    const outside: Json = validManifestJson();
    outside['cases'][1]['truth']['tells'][0]['regions'][0][2] = { x: 33, y: 5 };
    expect(errorOf(() => parsePackManifest(outside)).message).toMatch(/regions\.0\.2: point \(33, 5\) lies outside the 32×24 image/);
    const nan: Json = validManifestJson();
    nan['cases'][1]['truth']['tells'][0]['regions'][0][0] = { x: Number.NaN, y: 1 };
    expect(() => parsePackManifest(nan)).toThrow(/regions\.0\.0\.x/);
    const art: Json = validManifestJson();
    art['cases'][1]['truth']['tells'][0]['artifactId'] = 'Z9';
    expect(() => parsePackManifest(art)).toThrow(/artifactId/);
  });

  it('refuses duplicate case ids, files that do not match the id, and originals on unforged cases', () => {
    const dup: Json = validManifestJson();
    dup['cases'][2]['id'] = 'c0001';
    expect(() => parsePackManifest(dup)).toThrow(/duplicate case id 'c0001'/);
    const named: Json = validManifestJson();
    named['cases'][0]['file'] = 'images/real-001.png';
    expect(() => parsePackManifest(named)).toThrow(/cases\.0\.file: must be 'images\/c0001\.png'/);
    const unsafe: Json = validManifestJson();
    unsafe['cases'][0]['file'] = '../c0001.png';
    expect(() => parsePackManifest(unsafe)).toThrow(/unsafe path: contains a '\.\.' segment/);
    const orig: Json = validManifestJson();
    orig['cases'][0]['original'] = 'originals/c0001.png';
    expect(() => parsePackManifest(orig)).toThrow(/only forged cases have an original/);
  });

  it('refuses an empty case list, unknown keys, a wrong flagged count and an unknown technique', () => {
    const empty: Json = validManifestJson();
    empty['cases'] = [];
    expect(() => parsePackManifest(empty)).toThrow(/cases: /);
    const extra: Json = validManifestJson();
    extra['cases'][0]['sourceFileName'] = 'smith_john.dcm';
    expect(() => parsePackManifest(extra)).toThrow(/sourceFileName/);
    const flagged: Json = validManifestJson();
    flagged['review']['flaggedCases'] = 0;
    expect(() => parsePackManifest(flagged)).toThrow(/review\.flaggedCases: says 0 but 1 case carries flags/);
    const tech: Json = validManifestJson();
    tech['cases'][1]['truth']['recipe'][0]['techniqueId'] = 'photoshop';
    expect(() => parsePackManifest(tech)).toThrow(/recipe\.0\.techniqueId/);
  });

  it('refuses a non-ISO createdAt and a non-object', () => {
    const j: Json = validManifestJson();
    j['createdAt'] = 'yesterday';
    expect(() => parsePackManifest(j)).toThrow(/createdAt/);
    expect(errorOf(() => parsePackManifest([1, 2])).message).toMatch(/not a JSON object/);
    expect(errorOf(() => decodePackManifest(new TextEncoder().encode('{oops'))).message).toMatch(/not valid UTF-8 JSON/);
  });
});

describe('schema versions and migrations', () => {
  it('has no migrations yet: version 1 is the first', () => {
    expect(Object.keys(PACK_MIGRATIONS)).toEqual([]);
  });

  it('refuses a manifest from a newer game, saying to update', () => {
    const j: Json = validManifestJson();
    j['schemaVersion'] = CURRENT_PACK_SCHEMA_VERSION + 1;
    const e = errorOf(() => parsePackManifest(j));
    expect(e.code).toBe('newer-version');
    expect(e.message).toMatch(/made by a newer version of the game; update the game/);
  });

  it('refuses a missing version and an older one without a migration', () => {
    const j: Json = validManifestJson();
    delete j['schemaVersion'];
    expect(errorOf(() => parsePackManifest(j)).message).toMatch(/no valid schemaVersion/);
    expect(errorOf(() => migratePackManifest({ schemaVersion: 1 }, {}, 2)).code).toBe('no-migration');
  });

  it('runs an injected migration chain in order, then validates the result', () => {
    const calls: number[] = [];
    // Imagined history: v1 called the title 'name', v2 added 'description'.
    const migrations: Record<number, PackMigration> = {
      1: (old) => (calls.push(1), { ...old, schemaVersion: 2, title: old['name'], name: undefined }),
      2: (old) => (calls.push(2), { ...old, schemaVersion: 3, description: old['description'] ?? '' }),
    };
    const out = migratePackManifest({ schemaVersion: 1, name: 'Old pack' }, migrations, 3);
    expect(calls).toEqual([1, 2]);
    expect(out).toMatchObject({ schemaVersion: 3, title: 'Old pack', description: '' });
  });

  it('throws (a game bug) when a migration does not advance the version', () => {
    expect(() => migratePackManifest({ schemaVersion: 1 }, { 1: (o) => o }, 2)).toThrow(/did not advance/);
  });
});
