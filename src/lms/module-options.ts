import { parseModuleDefinition, type LmsStandard, type ModuleDefinition, type ModuleDefinitionInput } from './module-schema.js';

/**
 * What a coordinator chooses for a module, in the words of the command line and of the browser's module screen:
 * one function turns it into a module definition, so `npm run lms -- package` and the screen make the same
 * module.json from the same choices. Defaults: release today, expiry three years later, an estimated minute per case
 * plus ten, the id from the title.
 */
export interface ModuleOptions {
  readonly standard: LmsStandard;
  /** The pack the module is made from (its manifest id), or null for the built-in demo deck. */
  readonly packId: string | null;
  readonly seed: number;
  readonly pre: number;
  readonly post: number;
  readonly practice: number;
  readonly passMark: number;
  readonly attempts: number;
  readonly fakeShare: number;
  readonly title: string;
  readonly id: string | null;
  readonly provider: string;
  readonly credits: number;
  readonly creditUnit: string;
  readonly creditStatement: string;
  readonly objectives: readonly string[];
  readonly faculty: ModuleDefinitionInput['faculty'];
  readonly minutes: number | null;
  readonly release: string | null;
  readonly expiry: string | null;
}

/** Lines of a text file or text box, trimmed, without blanks and '#' comments. */
export const optionLines = (text: string): string[] =>
  text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));

/** Faculty, one per line as `name | role | disclosure`; each malformed line is a problem naming it and the fix. */
export function facultyFromLines(text: string): { faculty: NonNullable<ModuleDefinitionInput['faculty']>; problems: string[] } {
  const problems: string[] = [];
  const faculty = optionLines(text).flatMap((line, i) => {
    const [name, role, ...rest] = line.split('|').map((s) => s.trim());
    const disclosure = rest.join(' | ');
    if (!name || !disclosure) {
      problems.push(`line ${i + 1} '${line}': write 'name | role | disclosure' (the disclosure may be 'Nothing to disclose').`);
      return [];
    }
    return [{ name, role: role ?? '', disclosure }];
  });
  return { faculty, problems };
}

export const moduleIdFromTitle = (title: string): string =>
  title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64) || 'module';

/** The module definition the options describe; throws ModuleDefinitionError listing every problem. */
export function moduleDefinitionFromOptions(o: ModuleOptions, today: string): ModuleDefinition {
  const release = o.release ?? today;
  const expiry = o.expiry ?? `${Number(release.slice(0, 4)) + 3}${release.slice(4)}`;
  return parseModuleDefinition({
    schemaVersion: 1, id: o.id ?? moduleIdFromTitle(o.title), title: o.title, provider: o.provider, credits: o.credits, creditUnit: o.creditUnit || 'credits',
    creditStatement: o.creditStatement, objectives: [...o.objectives], faculty: o.faculty,
    estimatedMinutes: o.minutes ?? Math.min(600, o.pre + o.post + o.practice + 10),
    releaseDate: release, expiryDate: expiry, passMark: o.passMark, attempts: o.attempts, preCases: o.pre,
    postCases: o.post, practiceCases: o.practice, fakeShare: o.fakeShare, standard: o.standard,
    deck: o.packId ? { kind: 'pack', seed: o.seed, packId: o.packId, folder: 'deck' } : { kind: 'demo', seed: o.seed },
  });
}

const quote = (s: string): string => (/^[A-Za-z0-9._/:@=+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/**
 * The `npm run lms -- package` command that makes the same module (for a coordinator who packages on a machine with
 * the game's sources). Text options that the command line reads from files are named as files to write.
 */
export function packageCommandLine(def: ModuleDefinition, deckPath: string): string {
  const args = [
    'npm run lms -- package', `--standard ${def.standard}`, `--deck ${quote(deckPath)}`, `--seed ${def.deck.seed}`, `--pre ${def.preCases}`,
    `--post ${def.postCases}`, `--practice ${def.practiceCases}`, `--pass-mark ${def.passMark}`, `--attempts ${def.attempts}`,
    `--fake-share ${def.fakeShare}`, `--title ${quote(def.title)}`, `--id ${def.id}`, `--minutes ${def.estimatedMinutes}`,
    `--release ${def.releaseDate}`, `--expiry ${def.expiryDate}`,
  ];
  if (def.provider) args.push(`--provider ${quote(def.provider)}`);
  if (def.credits > 0) args.push(`--credits ${def.credits}`, `--credit-unit ${quote(def.creditUnit)}`);
  if (def.creditStatement) args.push('--credit-statement credit-statement.txt');
  if (def.objectives.length > 0) args.push('--objectives objectives.txt');
  if (def.faculty.length > 0) args.push('--disclosures disclosures.txt');
  args.push('--out module.zip');
  return args.join(' \\\n    ');
}

