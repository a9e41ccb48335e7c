/**
 * `npm run pack -- build ...`: parse, collect inputs, build through the shared pipeline with a progress bar, then
 * commit the output only when the build succeeded. The report (which names input files, so it never goes inside
 * the pack) is printed and saved beside the pack as <pack>.report.json.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildPack, createCodecSet, decodeCsvBytes, formatBuildReport, inProcessJobs, MAX_LABELS_BYTES, parseLabelsCsv, TOOL_VERSION, type BuildJobs, type BuildReport, type LabelTable } from '../authoring/index.js';
import { CliError, EXIT_INPUT, EXIT_OK, describeThrown, inputError, usageError } from './errors.js';
import { jobThreads } from './job-threads.js';
import { PACK_USAGE, parsePackCommand, type PackBuildCommand } from './pack-args.js';
import { collectInputs, formatSkippedInputs, inputPrefix } from './pack-io.js';
import { folderSink, lockOutput, outputExists, removeStalePartials, zipSink } from './pack-output.js';
import { progressPrinter } from './progress.js';
import { countOf } from '../domain/index.js';

export interface PackConsole {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly isTty: boolean;
  /**
   * Registers what to do on Ctrl-C or a termination signal while a build runs; returns the release function. The
   * real entry point wires SIGINT and SIGTERM here and then exits with 130.
   */
  readonly onInterrupt?: (handler: () => void) => () => void;
}

export async function runPack(argv: readonly string[], io: PackConsole): Promise<number> {
  try {
    const cmd = parsePackCommand(argv);
    if (cmd.kind === 'help') {
      io.stdout(`${PACK_USAGE}\n`);
      return EXIT_OK;
    }
    return await build(cmd, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`${e.message}\n`);
      return e.exitCode;
    }
    io.stderr(`The pack build stopped unexpectedly: ${describeThrown(e)}. Nothing was written. Please report this with the command you ran.\n`);
    return EXIT_INPUT;
  }
}

function readLabels(path: string | null): LabelTable | null {
  if (path === null) return null;
  let bytes: Uint8Array;
  let size: number;
  try {
    size = statSync(path).size;
    // Checked before reading: a labels file of hundreds of MB is a mistake, not something to load.
    bytes = size > MAX_LABELS_BYTES ? new Uint8Array(0) : readFileSync(path);
  } catch (e) {
    throw usageError(`--labels ${path}: cannot be read (${describeThrown(e)}). Check the path.`);
  }
  if (size > MAX_LABELS_BYTES) {
    throw usageError(`--labels ${path}: ${Math.round(size / 2 ** 20)} MB is more than a labels CSV needs (at most ${MAX_LABELS_BYTES / 2 ** 20} MB). Check that this is the labels file.`);
  }
  try {
    return parseLabelsCsv(decodeCsvBytes(bytes));
  } catch (e) {
    throw usageError(`--labels ${path}: ${describeThrown(e)}`);
  }
}

async function build(cmd: PackBuildCommand, io: PackConsole): Promise<number> {
  if (outputExists(cmd.out)) {
    throw usageError(`--out ${cmd.out} already exists. Choose a new name or delete the old pack first; it is never overwritten.`);
  }
  const labels = readLabels(cmd.labels);
  const inputs = collectInputs(cmd.inputs);
  if (inputs.problems.length > 0) throw usageError(inputs.problems.join('\n'));
  for (const line of formatSkippedInputs(inputs.skipped)) io.stderr(`${line}\n`);
  if (inputs.paths.length === 0) throw inputError(`No files found in ${cmd.inputs.join(', ')}. Point the command at the folders that hold the images.`);
  const inputLabels = cmd.labelled.map((l) => ({ prefix: inputPrefix(l.input), label: l.label }));
  const release = lockOutput(cmd.out);
  for (const p of removeStalePartials(cmd.out)) io.stderr(`Removed ${p}, left by a pack build that was stopped.\n`);
  let sink: ReturnType<typeof zipSink> | undefined;
  let jobs: (BuildJobs & { close?: () => void }) | undefined;
  let report: BuildReport | null = null;
  const stopInterrupt = io.onInterrupt?.(() => {
    sink?.abort();
    jobs?.close?.();
    release();
    io.stderr(`\nInterrupted: the partial pack was removed and nothing was written to ${cmd.out}.\n`);
  });
  try {
    sink = cmd.zip ? zipSink(cmd.out) : folderSink(cmd.out);
    const codecs = createCodecSet();
    jobs = cmd.jobs === 1 ? inProcessJobs(codecs) : await jobThreads(cmd.jobs);
    io.stderr(`Building pack '${cmd.id}' from ${countOf(inputs.paths.length, 'file')} on ${countOf(jobs.concurrency, 'thread')}...\n`);
    const result = await buildPack(
      inputs,
      {
        id: cmd.id, title: cmd.title, author: cmd.author, licence: cmd.licence, description: cmd.description,
        seed: cmd.seed, forgedShare: cmd.forgedShare, size: cmd.size, bits: cmd.bits, leakThreshold: cmd.leakThreshold,
        acceptLeaks: cmd.acceptLeaks, reviewed: cmd.reviewed, labels, inputLabels, toolVersion: TOOL_VERSION,
      },
      { codecs, jobs, sink, onProgress: progressPrinter((t) => io.stderr(t), io.isTty) },
    );
    report = result.report;
    if (report) io.stdout(`${formatBuildReport(report).join('\n')}\n`);
    if (!result.ok) {
      sink.abort();
      io.stderr(`\n${result.error}\n`);
      return EXIT_INPUT;
    }
    sink.commit();
    io.stdout(`\nWrote ${resolve(cmd.out)} (${result.manifest.cases.length} cases). Play it: in the game press K (case packs), drop the pack on the page or pick it with O, then Enter; or open the game with ?deck=${cmd.id} once imported.\n`);
    return EXIT_OK;
  } catch (e) {
    sink?.abort();
    throw e;
  } finally {
    jobs?.close?.();
    release();
    stopInterrupt?.();
    if (report) {
      try {
        writeFileSync(`${resolve(cmd.out)}.report.json`, `${JSON.stringify(report, null, 2)}\n`);
      } catch (e) {
        io.stderr(`The report could not be saved beside the pack (${describeThrown(e)}); it was printed above.\n`);
      }
    }
  }
}
