import {
  facultyFromLines, LMS_STANDARDS, MAX_ATTEMPTS, MAX_PRACTICE_CASES, MAX_TEST_CASES, moduleDefinitionFromOptions, ModuleDefinitionError, optionLines,
  type LmsStandard, type ModuleDefinition, type ModuleOptions,
} from '../lms/index.js';
import { moduleFormWords } from '../presenters/index.js';

/**
 * The module builder's form (panels/module-builder.ts), field by field as the command line's options, checked with
 * the command line's limits. Every problem is reported at once, each saying what to write instead. The pass mark
 * and the share of fakes are percentages on screen and shares in module.json.
 */
export type BuilderForm = Readonly<Record<string, string>>;

const isInt = (lo: number, hi: number) => (n: number): boolean => Number.isInteger(n) && n >= lo && n <= hi;

export function moduleOptionsFromForm(form: BuilderForm, packId: string | null): { options: ModuleOptions | null; problems: string[] } {
  const read = readForm(form, packId);
  return { options: read.problems.length > 0 ? null : read.options, problems: read.problems };
}

/**
 * The module the form describes, or every problem at once: the form's own checks, and the definition's (a title too
 * long, a module id with capitals) found with a valid stand-in for each field already refused, all in the form's words.
 */
export function moduleFromForm(form: BuilderForm, packId: string | null, today: string): { definition: ModuleDefinition | null; problems: string[] } {
  const { options, problems } = readForm(form, packId);
  try {
    const definition = moduleDefinitionFromOptions(options, today);
    return problems.length > 0 ? { definition: null, problems } : { definition, problems };
  } catch (e) {
    if (!(e instanceof ModuleDefinitionError)) throw e;
    return { definition: null, problems: [...problems, ...e.problems.map(moduleFormWords)] };
  }
}

/** The options the form gives, each refused field replaced by its default, and the problems found. */
function readForm(form: BuilderForm, packId: string | null): { options: ModuleOptions; problems: string[] } {
  const problems: string[] = [];
  const text = (k: string): string => (form[k] ?? '').trim();
  const num = (k: string, label: string, fallback: number, ok: (n: number) => boolean, want: string): number => {
    const raw = text(k);
    if (raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || !ok(n)) {
      problems.push(`${label} '${raw}': ${want}.`);
      return fallback;
    }
    return n;
  };
  const standard = text('standard');
  if (!(LMS_STANDARDS as readonly string[]).includes(standard)) problems.push(`LMS standard: choose one of ${LMS_STANDARDS.join(', ')}.`);
  const title = text('title');
  if (title === '') problems.push('Activity title: required (it is shown in the LMS and on the certificate).');
  if (text('seed') === '') problems.push('Seed: required (the same seed gives the same cases on every machine).');
  const seed = num('seed', 'Seed', 0, isInt(0, 0xffffffff), 'a whole number from 0 to 4294967295');
  for (const [k, label] of [['pre', 'Pre-test cases'], ['post', 'Post-test cases']] as const) {
    if (text(k) === '') problems.push(`${label}: required (a whole number from 1 to ${MAX_TEST_CASES}).`);
  }
  const pre = num('pre', 'Pre-test cases', 8, isInt(1, MAX_TEST_CASES), `a whole number from 1 to ${MAX_TEST_CASES}`);
  const post = num('post', 'Post-test cases', 8, isInt(1, MAX_TEST_CASES), `a whole number from 1 to ${MAX_TEST_CASES}`);
  const practice = num('practice', 'Practice cases', 6, isInt(0, MAX_PRACTICE_CASES), `a whole number from 0 to ${MAX_PRACTICE_CASES}`);
  const passMark = num('pass-mark', 'Pass mark', 75, (n) => n > 0 && n <= 100, 'a percentage above 0 and at most 100, e.g. 75') / 100;
  const attempts = num('attempts', 'Attempts', 3, isInt(1, MAX_ATTEMPTS), `a whole number from 1 to ${MAX_ATTEMPTS}`);
  const fakeShare = num('fake-share', 'Share of fakes', 50, (n) => n >= 0 && n <= 100, 'a percentage from 0 to 100') / 100;
  const credits = num('credits', 'Credits', 0, (n) => n >= 0 && n <= 100, 'a number from 0 to 100, e.g. 1.25');
  const minutes = text('minutes') === '' ? null : num('minutes', 'Estimated minutes', 1, isInt(1, 600), 'a whole number from 1 to 600');
  const date = (k: string, label: string): string | null => {
    const d = text(k);
    if (d === '') return null;
    if (/^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`))) return d;
    problems.push(`${label} '${d}': a date written YYYY-MM-DD.`);
    return null;
  };
  const release = date('release', 'Release date');
  let expiry = date('expiry', 'Expiry date');
  if (release && expiry && expiry <= release) {
    problems.push(`Expiry date '${expiry}': after the release date (${release}), or empty for three years after it.`);
    expiry = null;
  }
  const staff = facultyFromLines(form['disclosures'] ?? '');
  problems.push(...staff.problems.map((p) => `Faculty and disclosures, ${p}`));
  return {
    options: {
      // A refused standard or title stands in as a valid one, so the definition's checks do not name it again.
      standard: (LMS_STANDARDS as readonly string[]).includes(standard) ? (standard as LmsStandard) : 'scorm12', packId, seed, pre, post, practice,
      passMark, attempts, fakeShare, title: title || 'module', id: text('id') || null,
      provider: text('provider'), credits, creditUnit: text('credit-unit') || 'credits', creditStatement: form['credit-statement'] ?? '',
      objectives: optionLines(form['objectives'] ?? ''), faculty: staff.faculty, minutes, release, expiry,
    },
    problems,
  };
}

export const BUILDER_LIMITS = { maxCases: MAX_TEST_CASES, maxAttempts: MAX_ATTEMPTS, maxPractice: MAX_PRACTICE_CASES } as const;
