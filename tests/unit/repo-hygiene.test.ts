import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SKIP = new Set(['node_modules', 'dist', 'output', '.git']);
const TEXT = /\.(ts|mjs|js|json|md|css|html|yml|yaml)$/;

function* textFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* textFiles(path);
    else if (TEXT.test(name)) yield path;
  }
}

// Built from parts so this file does not match itself.
const MARKER = new RegExp(`^(${'<'.repeat(7)} |${'>'.repeat(7)} |${'='.repeat(7)}$)`, 'm');

describe('the repository', () => {
  it('holds no merge-conflict markers (a bad merge once left them in four READMEs)', () => {
    const files = [join(ROOT, 'README.md'), join(ROOT, 'index.html'), ...textFiles(join(ROOT, 'src')), ...textFiles(join(ROOT, 'tests'))];
    const marked = files.filter((f) => MARKER.test(readFileSync(f, 'utf8'))).map((f) => f.slice(ROOT.length + 1));
    expect(files.length).toBeGreaterThan(100);
    expect(marked).toEqual([]);
  });
});
