import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError, EXIT_USAGE } from '../../../src/cli/errors.js';
import { collectInputs, formatSkippedInputs } from '../../../src/cli/pack-io.js';
import { checkOutputParent, folderSink, outputExists, zipSink } from '../../../src/cli/pack-output.js';

const work = mkdtempSync(join(tmpdir(), 'pack-io-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** dept/real/a.png, plus a linked file, a linked folder, a hidden file and a hidden folder; outside/ is linked to. */
function tree(): string {
  const root = mkdtempSync(join(work, 'tree-'));
  const dept = join(root, 'dept');
  mkdirSync(join(dept, 'real'), { recursive: true });
  mkdirSync(join(dept, '.git'), { recursive: true });
  mkdirSync(join(root, 'outside', 'real'), { recursive: true });
  writeFileSync(join(dept, 'real', 'a.png'), 'a');
  writeFileSync(join(dept, 'real', '.DS_Store'), 'junk');
  writeFileSync(join(dept, '.git', 'config'), 'x');
  writeFileSync(join(root, 'outside', 'secret.png'), 's');
  writeFileSync(join(root, 'outside', 'real', 'b.png'), 'b');
  symlinkSync(join(root, 'outside', 'secret.png'), join(dept, 'real', 'linked.png'));
  symlinkSync(join(root, 'outside'), join(dept, 'linked-folder'));
  return root;
}

describe('collecting pack inputs from folders', () => {
  it('skips symbolic links and hidden entries, and lists each with why', () => {
    const root = tree();
    const dept = join(root, 'dept');
    const c = collectInputs([dept]);
    expect(c.paths).toEqual(['dept/real/a.png']);
    expect(c.problems).toEqual([]);
    expect(c.skipped).toEqual([
      { path: join(dept, '.git/'), reason: expect.stringMatching(/^hidden/) },
      { path: join(dept, 'linked-folder'), reason: expect.stringMatching(/^a symbolic link: not followed/) },
      { path: join(dept, 'real', '.DS_Store'), reason: expect.stringMatching(/^hidden/) },
      { path: join(dept, 'real', 'linked.png'), reason: expect.stringMatching(/^a symbolic link/) },
    ]);
    const lines = formatSkippedInputs(c.skipped);
    expect(lines[0]).toBe('Skipped 4 items in the input folders:');
    expect(lines.slice(1).join('\n')).toContain(`${join(dept, 'real', 'linked.png')}: a symbolic link: not followed`);
    expect(formatSkippedInputs(c.skipped, 2)).toHaveLength(4);
    expect(formatSkippedInputs(c.skipped, 2)[3]).toBe('  ...and 2 more.');
    expect(formatSkippedInputs([])).toEqual([]);
  });

  it('follows a link named on the command line (that was asked for), and skips nothing then', () => {
    const root = tree();
    const c = collectInputs([join(root, 'dept', 'linked-folder')]);
    expect(c.paths).toEqual(['linked-folder/real/b.png', 'linked-folder/secret.png']);
    expect(c.skipped).toEqual([]);
  });
});

describe('inputs that give the same path', () => {
  it('are refused, never renamed, so a labels row or a report line names one file', () => {
    const root = mkdtempSync(join(work, 'same-'));
    for (const week of ['week1', 'week2']) {
      mkdirSync(join(root, week, 'dept', 'real'), { recursive: true });
      writeFileSync(join(root, week, 'dept', 'real', 'x.png'), week);
      writeFileSync(join(root, week, 'dept', 'real', 'y.png'), week);
    }
    const [one, two] = [join(root, 'week1', 'dept'), join(root, 'week2', 'dept')];
    const c = collectInputs([one, two]);
    expect(c.problems).toEqual([`${one} and ${two} both give the path dept/real/x.png, so their files would be confused (in the report and the labels CSV). Pass the folder that holds both instead, or rename one.`]);
    expect(c.paths).toEqual(['dept/real/x.png', 'dept/real/y.png']);
    expect(collectInputs([one, `${one}/`]).problems).toEqual([`${one}/: given twice. Name each folder or file once.`]);
    expect(collectInputs([join(one, 'real', 'x.png'), join(two, 'real', 'x.png')]).problems).toHaveLength(1);
    expect(collectInputs([join(root, 'week1'), join(root, 'week2')]).problems).toEqual([]);
  });
});

describe('the --out folder', () => {
  const expectUsage = (f: () => unknown, words: RegExp): void => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(CliError);
      expect((e as CliError).exitCode).toBe(EXIT_USAGE);
      expect((e as CliError).message).toMatch(words);
      return;
    }
    throw new Error('expected a usage error');
  };

  it('must already exist: a missing parent or a file as parent is a usage error before any work', () => {
    const missing = join(work, 'nodir', 'sub', 'p.zip');
    expectUsage(() => checkOutputParent(missing), /--out .*p\.zip: the folder .*nodir\/sub does not exist\. Create it first \(mkdir -p/);
    expectUsage(() => outputExists(missing), /does not exist/);
    expectUsage(() => zipSink(missing), /does not exist/);
    expectUsage(() => folderSink(join(work, 'nodir', 'pack')), /does not exist/);
    writeFileSync(join(work, 'a-file'), 'x');
    expectUsage(() => checkOutputParent(join(work, 'a-file', 'p.zip')), /is not a folder/);
    expect(outputExists(join(work, 'fresh.zip'))).toBe(false);
  });
});
