import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLmsCommand } from '../../src/cli/lms-args.js';
import { runDrill } from '../../src/cli/run-drill.js';
import { drillAvailability, parseDeepLink } from '../../src/domain/index.js';

/**
 * The README's deep links and drill commands work as written, and keep working: a link that names fixed dates goes
 * stale (an audit found the drill example refused months after its closing day), so each is also tried ten years on.
 */
const README = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');

/** Every `?...mode=...` query in the README, a `<placeholder>` filled with a plausible value. */
function readmeLinks(): string[] {
  const found = README.replace(/<[^>]*>/g, 'chest-2026').match(/\?[A-Za-z]+=[^\s`)"']*/g) ?? [];
  return found.filter((q) => /[?&]mode=/.test(q));
}

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The README's command blocks that start with `start`, continuation lines joined, split into words (quotes kept whole). */
function readmeCommands(start: string): string[][] {
  const blocks = [...README.matchAll(/```\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  const joined = blocks.flatMap((b) => b.replace(/\\\n\s*/g, ' ').split('\n')).map((l) => l.trim());
  return joined.filter((l) => l.startsWith(start)).map((l) => l.slice(start.length).trim()).map((l) => [...l.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? ''));
}

/** Optional groups: those of plain drill settings are taken (inner first), the rest (files, addresses) left out. */
const TAKEN = /^(\s*--(prompted|ai-hint|seed|seconds|worklist-title|cases|prevalence) ("[^"]*"|[^\s[\]<>]+))+\s*$/;
function withOptions(words: readonly string[], take: boolean): string[] {
  let line = words.map((w) => (/\s/.test(w) ? `"${w}"` : w)).join(' ');
  for (let again = true; again;) {
    again = false;
    line = line.replace(/\[([^[\]]*)\]/g, (_, inner: string) => {
      again = true;
      return take && TAKEN.test(inner) ? inner : '';
    });
  }
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
}

describe("the README's examples", () => {
  it('finds the deep links it should check', () => {
    expect(readmeLinks().some((q) => q.includes('mode=drill'))).toBe(true);
    expect(readmeLinks().some((q) => q.includes('mode=practice'))).toBe(true);
  });

  for (const q of readmeLinks()) {
    it(`deep link ${q} is accepted, today and ten years on`, () => {
      const r = parseDeepLink([...new URLSearchParams(q.slice(1))]);
      expect(r.ok ? null : r.error).toBeNull();
      const drill = r.ok ? r.link?.mode.drill : undefined;
      if (drill) {
        for (const t of [Date.now(), Date.now() + 3650 * 86_400_000]) expect(drillAvailability(drill, day(t)), day(t)).toBe('open');
      }
    });
  }

  it('`npm run drill -- create` as written makes a drill open today and ten years on, with and without its optional settings', async () => {
    const commands = readmeCommands('npm run drill -- create');
    expect(commands.length).toBeGreaterThan(0);
    for (const words of commands) {
      for (const take of [false, true]) {
        const args = withOptions(words, take);
        if (take && words.join(' ').includes('--ai-hint')) expect(args).toEqual(expect.arrayContaining(['--prompted', '--ai-hint', '--worklist-title']));
        const at = args.indexOf('--out');
        expect(at).toBeGreaterThanOrEqual(0);
        args[at + 1] = join(mkdtempSync(join(tmpdir(), 'readme-drill-')), args[at + 1] ?? 'drill.json');
        let err = '';
        const code = await runDrill(['create', ...args], { stdout: () => undefined, stderr: (t) => void (err += t) });
        expect(err.includes('not valid') ? err : code, args.join(' ')).toBe(0);
        const drill = JSON.parse(readFileSync(args[at + 1] as string, 'utf8')).session.mode.drill;
        for (const t of [Date.now(), Date.now() + 3650 * 86_400_000]) expect(drillAvailability(drill, day(t)), day(t)).toBe('open');
      }
    }
  }, 60_000);
});

describe("the README's drill-module commands", () => {
  it('`npm run lms -- package ... --drill` as written is understood, and the README no longer calls drill zips unmade', () => {
    const commands = readmeCommands('npm run lms --').filter((w) => w.includes('--drill'));
    expect(commands.length).toBeGreaterThanOrEqual(2);
    for (const words of commands) expect(parseLmsCommand(words)).toMatchObject({ kind: 'package-drill' });
    // The drill report asks for "drill.json (from the drill's zip)": the README must not say such zips are not made.
    expect(README).not.toMatch(/not yet done: packaging a drill zip/i);
  });
});
