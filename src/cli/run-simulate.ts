/**
 * The simulate command line as a function: argv in, exit code out, all effects through `io` (tests run it
 * in-process). One film: simulate, encode, then write atomically (and its truth JSON if asked). A deck: plan the
 * demo deck as the game does (practice mode, every registered technique), generate each case as the game's worker
 * does, and write `<id>.png` and `<id>.json` atomically; if any write fails, the files this run wrote are removed.
 */
import { join, resolve, dirname } from 'node:path';
import { getMode, type CaseTruth } from '../domain/index.js';
import { generateDemoCase, planDemoDeck, type PreparedCase } from '../decks/index.js';
import { TECHNIQUE_SUMMARIES } from '../forgery/index.js';
import { SIMULATOR_VERSION, simulateChest } from '../simulator/index.js';
import { CliError, EXIT_INPUT, EXIT_OK, describeThrown, inputError, usageError } from './errors.js';
import type { ForgeIo } from './io.js';
import { parseSimulateCommand, type SimulateCommand } from './simulate-args.js';
import { encodeGray16Png } from './write-png.js';

export const SIMULATE_USAGE = `simulate: simulated chest radiographs, one film or a whole demo deck, with their truth.

Usage:
  npm run simulate -- --seed <n> --out <film.png> [--truth <film.json>] [--width <px> --height <px>]
  npm run simulate -- --deck demo --seed <n> --cases <k> --out <folder>
  npm run simulate -- --help

One film: an authentic simulated chest film as a 16-bit greyscale PNG (12 bits stored, scaled to 16 bits by bit
  replication: stored = png >> 4). The seed fixes patient, projection, detector and film size; --width and
  --height force a size. --truth writes its truth: simulator version, patient, acquisition, findings and devices,
  the authenticity cues and the default window.
A deck: the first <k> cases of the demo deck the game plays with --seed (the same cases in the same order), each as
  <id>.png and <id>.json. The JSON says whether the case is authentic (with its findings and cues) or forged (with
  its recipe, its tells and the findings of the film it was made from).
  The output folder must exist. Seeds are 0..4294967295; a deck has 1..500 cases.

Exit codes: 0 ok, 1 usage error, 2 input or processing error.`;

const enc = (o: unknown): Uint8Array => new TextEncoder().encode(`${JSON.stringify(o, null, 2)}\n`);

function film(cmd: Extract<SimulateCommand, { kind: 'film' }>, io: ForgeIo): number {
  for (const [flag, path] of [['--out', cmd.out], ['--truth', cmd.truth]] as const) {
    if (path !== undefined && !io.isDirectory(dirname(resolve(path)))) throw usageError(`${flag}: the folder ${dirname(resolve(path))} does not exist; create it first (mkdir -p) or pick another path`);
  }
  if (cmd.truth !== undefined && resolve(cmd.truth) === resolve(cmd.out)) throw usageError('--truth and --out name the same file; pick two paths');
  const sim = simulateChest(cmd.seed, cmd.width !== undefined ? { width: cmd.width, height: cmd.height as number } : {});
  const files: [string, Uint8Array][] = [[cmd.out, encodeGray16Png(sim.image)]];
  if (cmd.truth !== undefined) {
    const { image, ...rest } = sim;
    files.push([cmd.truth, enc({
      simulatorVersion: SIMULATOR_VERSION, seed: cmd.seed, width: image.width, height: image.height, bitsStored: image.bitsStored,
      windowCenter: image.windowCenter, windowWidth: image.windowWidth, kind: 'authentic', ...rest,
    })]);
  }
  writeAll(files, io);
  io.stdout(`simulated seed ${cmd.seed}: ${sim.image.width}x${sim.image.height}, ${sim.acquisition.projection} ${sim.acquisition.detector.kind}` +
    `${sim.findings.length ? `, ${sim.findings.map((f) => f.kind).join(', ')}` : ''}`);
  io.stdout(`wrote ${files.map(([p]) => p).join(', ')}`);
  return EXIT_OK;
}

function caseTruth(c: PreparedCase, simSeed: number, deckSeed: number): unknown {
  const t: CaseTruth = c.truth;
  const base = {
    simulatorVersion: SIMULATOR_VERSION, deck: 'demo', deckSeed, id: c.id, simSeed,
    width: c.image.width, height: c.image.height, bitsStored: c.image.bitsStored,
    windowCenter: c.image.windowCenter, windowWidth: c.image.windowWidth, header: c.header,
  };
  if (t.kind === 'authentic') return { ...base, kind: 'authentic', findings: c.filmFindings ?? [], authenticityCues: t.authenticityCues };
  if (t.kind === 'forged') return { ...base, kind: 'forged', recipe: t.recipe, tells: t.tells, originalFilmFindings: c.filmFindings ?? [] };
  return { ...base, ...t };
}

function deck(cmd: Extract<SimulateCommand, { kind: 'deck' }>, io: ForgeIo): number {
  if (!io.isDirectory(resolve(cmd.out))) throw usageError(`--out ${cmd.out} is not an existing folder; create it first (mkdir -p)`);
  // The game's practice mode plans rounds of six: the first cases of a longer plan are the game's cases.
  const practice = getMode('practice');
  const mode = { ...practice, rounds: Math.ceil(cmd.cases / practice.casesPerRound) };
  const specs = planDemoDeck(cmd.seed, mode, TECHNIQUE_SUMMARIES).rounds.flat().slice(0, cmd.cases);
  const written: string[] = [];
  let fakes = 0;
  try {
    for (const spec of specs) {
      let c: PreparedCase;
      try {
        c = generateDemoCase(spec);
      } catch (e) {
        throw inputError(`case ${spec.id} could not be generated: ${describeThrown(e)}. Please report this with the command you ran.`);
      }
      if (c.truth.kind === 'forged') fakes++;
      const files: [string, Uint8Array][] = [[join(cmd.out, `${spec.id}.png`), encodeGray16Png(c.image)], [join(cmd.out, `${spec.id}.json`), enc(caseTruth(c, spec.simSeed, cmd.seed))]];
      for (const [path, bytes] of files) {
        write(path, bytes, io);
        written.push(path);
      }
    }
  } catch (e) {
    for (const p of written) {
      try {
        io.removeFile(p);
      } catch {
        // best effort: the message still says what failed
      }
    }
    throw e;
  }
  io.stdout(`demo deck seed ${cmd.seed}: ${specs.length} cases (${fakes} forged, ${specs.length - fakes} authentic) in ${cmd.out}`);
  return EXIT_OK;
}

function write(path: string, bytes: Uint8Array, io: ForgeIo): void {
  try {
    io.writeFileAtomic(path, bytes);
  } catch (e) {
    throw inputError(`cannot write ${path}: ${describeThrown(e)}. No output of this run was kept; check the folder's permissions and free space.`);
  }
}

function writeAll(files: readonly (readonly [string, Uint8Array])[], io: ForgeIo): void {
  const written: string[] = [];
  try {
    for (const [path, bytes] of files) {
      write(path, bytes, io);
      written.push(path);
    }
  } catch (e) {
    for (const p of written) {
      try {
        io.removeFile(p);
      } catch {
        // best effort
      }
    }
    throw e;
  }
}

export function runSimulate(argv: readonly string[], io: ForgeIo): number {
  try {
    const cmd = parseSimulateCommand(argv);
    if (cmd.kind === 'help') {
      io.stdout(SIMULATE_USAGE);
      return EXIT_OK;
    }
    return cmd.kind === 'film' ? film(cmd, io) : deck(cmd, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`simulate: ${e.message}`);
      return e.exitCode;
    }
    io.stderr(`simulate: unexpected failure: ${describeThrown(e)}. Please report this with the command you ran.`);
    return EXIT_INPUT;
  }
}
