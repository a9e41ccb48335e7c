/**
 * The module builder's form (panels/module-builder.ts) by the names module.json uses (lms/module-schema.ts): a
 * problem the definition's schema finds is respelled with the form's label, as the drill form's are (form-words.ts).
 */
const LABELS: Readonly<Record<string, string>> = {
  id: 'Module id', title: 'Activity title', provider: 'Provider', credits: 'Credits', creditUnit: 'Credit unit',
  creditStatement: 'Accreditation and designation statements', objectives: 'Learning objectives', faculty: 'Faculty and disclosures',
  estimatedMinutes: 'Estimated minutes', releaseDate: 'Release date', expiryDate: 'Expiry date', passMark: 'Pass mark', attempts: 'Post-test attempts',
  preCases: 'Pre-test cases', postCases: 'Post-test cases', practiceCases: 'Practice cases', fakeShare: 'Share of fakes',
};

const FACULTY_PARTS: Readonly<Record<string, string>> = { name: 'name', role: 'role', disclosure: 'disclosure' };

/** "objectives.2: too long (at most 500 characters)" -> "Learning objectives, objective 3: too long (at most 500 characters)." */
export function moduleFormWords(problem: string): string {
  const head = /^([\w.]+): (.*)$/.exec(problem);
  if (!head) return problem;
  const [field, index, part] = (head[1] as string).split('.');
  const label = LABELS[field as string];
  if (!label) return problem;
  const rest = (head[2] as string).replace(/\breleaseDate\b/g, 'the release date').replace(/\.$/, '');
  const where = index === undefined ? '' : field === 'objectives' ? `, objective ${Number(index) + 1}` : `, person ${Number(index) + 1}${part ? ` (${FACULTY_PARTS[part] ?? part})` : ''}`;
  return `${label}${where}: ${rest}.`;
}

/** The status line when the builder refuses: how many problems, and where they are listed. */
export function builderProblemsWords(n: number, what: 'module' | 'drill'): string {
  const zip = what === 'module' ? 'The module zip' : 'The drill zip';
  return `${zip} was not made: ${n === 1 ? '1 problem' : `${n} problems`} to fix, listed under the form.`;
}
