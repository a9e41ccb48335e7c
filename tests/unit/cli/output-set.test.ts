import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeOutputs } from '../../../src/cli/output-set.js';
import { runDrill } from '../../../src/cli/run-drill.js';
import { runSession } from '../../../src/cli/run-session.js';
import { fakePackZip } from '../../helpers/lms-pack.js';

/**
 * `drill create` and `session create` write a session file, maybe a QR code, a bundle and a new instructor key: all
 * or none. A bad path is refused before anything is written, so "Nothing was written" is true and a retry works.
 */
const root = mkdtempSync(join(tmpdir(), 'output-set-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function run(fn: typeof runDrill, argv: string[]) {
  let out = '';
  let err = '';
  const code = await fn(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t) });
  return { code, out, err };
}

describe('commands that write several files', () => {
  for (const [name, fn, extra] of [
    ['drill create', runDrill, ['--cases', '4']],
    ['session create', runSession as typeof runDrill, ['--seed', '3', '--cases', '4', '--rounds', '1', '--seconds', '30']],
  ] as const) {
    it(`${name}: a --bundle in a missing folder is refused before anything is written, and the same command then works`, async () => {
      const dir = join(root, name.replace(' ', '-'));
      mkdirSync(dir);
      writeFileSync(join(dir, 'pack.zip'), await fakePackZip(8, 5));
      const argv = (bundle: string) => ['create', '--title', 'Week 23', '--instructor', 'Dr Q', '--out', join(dir, 'week23.json'), '--deck', 'pack', '--pack', join(dir, 'pack.zip'),
        '--bundle', bundle, '--base-url', 'https://teaching.example.org/xray/', '--qr', join(dir, 'join.svg'), ...extra];
      const bad = await run(fn, argv(join(dir, 'missing', 'week23-bundle.zip')));
      expect(bad.code).toBe(1);
      expect(bad.err).toMatch(/--bundle .*the folder .*missing does not exist.*Nothing was written/);
      expect(readdirSync(dir).sort()).toEqual(['pack.zip']);
      const good = await run(fn, argv(join(dir, 'week23-bundle.zip')));
      expect(good.code, good.err).toBe(0);
      expect(readdirSync(dir).sort()).toEqual(['instructor-key.json', 'join.svg', 'pack.zip', 'week23-bundle.zip', 'week23.json']);
    });
  }

  it('a write that fails after others were written removes them, and leaves no temporary file', () => {
    const dir = join(root, 'fails');
    mkdirSync(dir);
    const broken = { length: 3 } as unknown as Uint8Array; // writeSync refuses it, as a full disk would refuse the bytes
    expect(() => writeOutputs([
      { what: '--out', path: join(dir, 'a.json'), fresh: true, bytes: new Uint8Array([1, 2]) },
      { what: '--bundle', path: join(dir, 'b.zip'), bytes: broken },
    ])).toThrow(/--bundle .*b\.zip could not be written.*Nothing was written/);
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(dir, 'a.json'))).toBe(false);
  });

  it('refuses two outputs with one name, and a fresh file that exists', () => {
    const dir = join(root, 'names');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.json'), 'kept');
    expect(() => writeOutputs([{ what: '--out', path: join(dir, 'b.json'), bytes: new Uint8Array(1) }, { what: '--qr', path: join(dir, 'b.json'), bytes: new Uint8Array(1) }])).toThrow(/name the same file/);
    expect(() => writeOutputs([{ what: '--out', path: join(dir, 'a.json'), fresh: true, bytes: new Uint8Array(1) }])).toThrow(/already exists/);
    expect(readdirSync(dir)).toEqual(['a.json']);
  });
});
