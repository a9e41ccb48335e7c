import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { TECHNIQUE_INFO } from '../../../src/forgery/catalog.js';

describe('the real entry point', () => {
  it('`npx tsx src/cli/forge.ts list --json` runs as a process and prints every technique', () => {
    const r = spawnSync('npx', ['tsx', 'src/cli/forge.ts', 'list', '--json'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.error).toBeUndefined();
    expect(r.status, r.stderr).toBe(0);
    const ids = (JSON.parse(r.stdout) as { id: string }[]).map((t) => t.id);
    expect(ids.sort()).toEqual(TECHNIQUE_INFO.map((t) => t.id).sort());
  }, 60_000);
});
