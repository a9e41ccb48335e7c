import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectInputs, formatSkippedInputs } from '../../../src/cli/pack-io.js';

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
    expect(lines[0]).toBe('Skipped 4 item(s) in the input folders:');
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
