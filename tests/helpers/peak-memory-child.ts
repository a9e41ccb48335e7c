/**
 * Run as a child process by the hostile-file tests: does one thing with one file and prints, as JSON, the outcome and
 * how much the process's peak resident memory (getrusage maxrss, via process.resourceUsage) grew while doing it.
 * A fresh process per file, because the peak only ever rises.
 *   node --import tsx tests/helpers/peak-memory-child.ts <decode|drop|labels> <file>
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createCodecSet, decodeCsvBytes, decodeInput, expandInputs, parseLabelsCsv } from '../../src/authoring/index.js';

const [mode, file] = process.argv.slice(2) as [string, string];
const bytes = new Uint8Array(readFileSync(file));
const codecs = createCodecSet();
const before = process.resourceUsage().maxRSS;
let outcome = 'accepted';
let message = '';
try {
  if (mode === 'decode') await decodeInput({ path: basename(file), bytes }, codecs);
  else if (mode === 'labels') parseLabelsCsv(decodeCsvBytes(bytes));
  else {
    const dropped = await expandInputs([{ path: basename(file), blob: new Blob([bytes]) }]);
    for (const p of dropped.paths) await dropped.read(p);
  }
} catch (e) {
  outcome = (e as { reason?: string; code?: string }).reason ?? (e as { code?: string }).code ?? 'error';
  message = e instanceof Error ? e.message : String(e);
}
const after = process.resourceUsage().maxRSS;
process.stdout.write(`${JSON.stringify({ outcome, message, growthMiB: (after - before) / 1024, peakMiB: after / 1024 })}\n`);
