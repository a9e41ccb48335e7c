/**
 * The forge command line as a function: argv in, exit code out, all effects through `io`. Order of work for
 * `apply`: check every argument and output folder, read and decode the input, forge, encode every output in
 * memory, and only then write, each file atomically; if a later write fails the earlier ones are removed. So a
 * failed run leaves no output behind, and a successful one leaves complete files.
 */
import { basename, dirname, resolve } from 'node:path';
import { forge } from '../forgery/index.js';
import type { ForgeryResult } from '../forgery/index.js';
import { parseCommand, type Command } from './args.js';
import { CliError, EXIT_INPUT, EXIT_OK, EXIT_USAGE, describeThrown, inputError, usageError } from './errors.js';
import type { ForgeIo } from './io.js';
import { rasterizeRegions } from './mask.js';
import { readForgeInput } from './read-input.js';
import { createCodecSet, SUPPORTED_INPUTS, type CodecSet } from '../authoring/index.js';
import { formatTechniqueTable, listTechniques } from './techniques.js';
import { buildTruth, inputDigest } from './truth.js';
import { METADATA_TECHNIQUES } from '../forgery/index.js';
import { countOf, createRng, withField, type CaseHeader } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';

/** The pixel-format attributes of an image as read, as a header for metadata techniques to forge. */
function imageHeader(img: GrayImage): CaseHeader {
  let h: CaseHeader = [];
  h = withField(h, '(0028,0002)', 'SamplesPerPixel', '1');
  h = withField(h, '(0028,0004)', 'PhotometricInterpretation', 'MONOCHROME2');
  h = withField(h, '(0028,0010)', 'Rows', String(img.height));
  h = withField(h, '(0028,0011)', 'Columns', String(img.width));
  h = withField(h, '(0028,0101)', 'BitsStored', String(img.bitsStored));
  return h;
}
import { encodeGray16Png, encodeMaskPng } from './write-png.js';

export const USAGE = `forge: make a training fake from a radiograph with one forgery technique, and write its tells.

Usage:
  npm run forge -- list [--json]
  npm run forge -- apply <image.png|image.dcm> --technique <id> --level <level> --seed <n>
                         --out <fake.png> --truth <truth.json> [--mask <mask.png>]
  npm run forge -- --help

Commands:
  list     the forgery techniques: id, name, artifact ids, category, scope, levels
           --json prints a JSON array instead of a table
  apply    forge one image; write the fake as a 16-bit grayscale PNG and its tells as JSON

Options for apply:
  --technique <id>     a technique id from 'list'
  --level <level>      obvious, subtle or expert
  --seed <n>           integer 0..4294967295; the same image, technique, level and seed give the same fake
  --out <fake.png>     the fake: 16-bit grayscale PNG, stored values scaled to 16 bits (stored = png >> (16 - bitsStored))
  --truth <truth.json> the tells: { input, width, height, bitsStored, technique, level, seed,
                       tells: [{ artifactId, explanation, howToSee, strength, regions: [[{x,y},...]] }] }
  --mask <mask.png>    optional: an 8-bit mask of all tell regions (255 inside, 0 outside)
  Output folders must exist. Outputs are written only when everything succeeded, each one atomically.

Input: read as case packs read it (the same formats, limits and messages): ${SUPPORTED_INPUTS}.
  A grey image saved as RGB, even with a generator's colour tint, is read as Rec. 601 luma; real colour is refused.
  DICOM is shown as its presentation (Modality LUT, VOI window or LUT, MONOCHROME1 inverted).
  Images of under 12 bits become 12-bit (8-bit x16), for headroom.
  The truth JSON names the input by its SHA-256 only; no header text is read out or written.

Exit codes: 0 ok, 1 usage error, 2 input or processing error.`;

export async function runForge(argv: readonly string[], io: ForgeIo, codecs: CodecSet = createCodecSet()): Promise<number> {
  try {
    const command = parseCommand(argv);
    switch (command.kind) {
      case 'help':
        io.stdout(USAGE);
        return EXIT_OK;
      case 'list': {
        const rows = listTechniques();
        io.stdout(command.json ? JSON.stringify(rows, null, 2) : formatTechniqueTable(rows));
        return EXIT_OK;
      }
      case 'apply':
        return await apply(command, io, codecs);
    }
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`forge: ${e.message}`);
      return e.exitCode;
    }
    io.stderr(`forge: unexpected failure: ${describeThrown(e)}. Nothing was written. Please report this with the command you ran.`);
    return EXIT_INPUT;
  }
}

type ApplyCommand = Extract<Command, { kind: 'apply' }>;

function checkOutputs(cmd: ApplyCommand, io: ForgeIo): void {
  const outputs = [
    ['--out', cmd.out],
    ['--truth', cmd.truth],
    ...(cmd.mask === undefined ? [] : [['--mask', cmd.mask] as const]),
  ] as const;
  const problems: string[] = [];
  const seen = new Map<string, string>([[resolve(cmd.input), 'the input image']]);
  for (const [flag, path] of outputs) {
    const dir = dirname(resolve(path));
    if (!io.isDirectory(dir)) problems.push(`${flag}: the folder ${dir} does not exist; create it first (mkdir -p) or pick another path`);
    const clash = seen.get(resolve(path));
    if (clash) problems.push(`${flag} ${path} is the same file as ${clash}; pick a different path so nothing is overwritten`);
    seen.set(resolve(path), flag);
  }
  if (problems.length > 0) throw usageError(problems.join('\n'));
}

async function apply(cmd: ApplyCommand, io: ForgeIo, codecs: CodecSet): Promise<number> {
  checkOutputs(cmd, io);
  const name = basename(cmd.input);
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(cmd.input);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' ? 'permission denied' : describeThrown(e);
    throw inputError(`cannot read the input image ${cmd.input}: ${why}. Check the path and retry.`);
  }
  const { image, description } = await readForgeInput(bytes, name, codecs);

  let result: ForgeryResult;
  let header: CaseHeader | undefined;
  try {
    const meta = METADATA_TECHNIQUES[cmd.techniqueId];
    if (meta) {
      // A metadata fake forges the header of the image as read (geometry and pixel format only: no input header
      // text is carried over, so nothing identifying can leak into the output).
      const r = meta.apply(image, imageHeader(image), { level: cmd.level }, createRng(cmd.seed));
      result = { image: r.image, tells: r.tells };
      header = r.header;
    } else {
      result = forge(image, [{ techniqueId: cmd.techniqueId, level: cmd.level, seed: cmd.seed }]);
    }
  } catch (e) {
    throw inputError(
      `technique '${cmd.techniqueId}' could not forge ${name} (${image.width}x${image.height}): ${describeThrown(e)}. ` +
        'Nothing was written. Try another technique, level or seed, or a larger image.',
    );
  }
  const fake = result.image;
  if (!header && (fake.width !== image.width || fake.height !== image.height)) {
    throw inputError(`technique '${cmd.techniqueId}' returned a ${fake.width}x${fake.height} image for a ${image.width}x${image.height} input; nothing was written. Please report this.`);
  }

  // Encode everything before writing anything.
  const truth = buildTruth(inputDigest(bytes), fake, cmd, result.tells, header);
  const files: [string, Uint8Array][] = [
    [cmd.out, encodeGray16Png(fake)],
    [cmd.truth, new TextEncoder().encode(`${JSON.stringify(truth, null, 2)}\n`)],
  ];
  if (cmd.mask !== undefined) {
    // From the JSON's (rounded) polygons, so mask and JSON agree pixel for pixel.
    const regions = truth.tells.flatMap((t) => t.regions);
    files.push([cmd.mask, encodeMaskPng(rasterizeRegions(regions, fake.width, fake.height), fake.width, fake.height)]);
  }
  writeAll(files, io);

  io.stdout(`read ${name}: ${description}`);
  io.stdout(`${cmd.techniqueId} (${cmd.level}, seed ${cmd.seed}): ${countOf(result.tells.length, 'tell')}: ${result.tells.map((t) => t.artifactId).join(', ')}`);
  io.stdout(`wrote ${files.map(([p]) => p).join(', ')}`);
  return EXIT_OK;
}

function writeAll(files: readonly (readonly [string, Uint8Array])[], io: ForgeIo): void {
  const written: string[] = [];
  for (const [path, bytes] of files) {
    try {
      io.writeFileAtomic(path, bytes);
      written.push(path);
    } catch (e) {
      for (const p of written) {
        try {
          io.removeFile(p);
        } catch {
          // best effort: the message below still names what failed
        }
      }
      throw inputError(`cannot write ${path}: ${describeThrown(e)}. No output was kept; check the folder's permissions and free space.`);
    }
  }
}

export { EXIT_INPUT, EXIT_OK, EXIT_USAGE };
