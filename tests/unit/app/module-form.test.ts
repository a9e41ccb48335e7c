import { describe, expect, it } from 'vitest';
import { moduleFromForm, moduleOptionsFromForm } from '../../../src/app/module-form.js';
import { facultyFromLines, moduleDefinitionFromOptions, packageCommandLine } from '../../../src/lms/index.js';
import { builderProblemsWords, moduleFormWords } from '../../../src/presenters/index.js';

const FORM = {
  standard: 'cmi5', deck: 'demo', title: 'Spotting synthetic radiographs', seed: '7', pre: '6', post: '6', practice: '2', 'pass-mark': '80', attempts: '2',
  'fake-share': '50', credits: '1.25', 'credit-unit': 'credits', release: '2026-01-15', expiry: '', objectives: 'One\n# a comment\n\nTwo', disclosures: 'Dr A | Director | None',
};

describe('the module builder form, checked like the command line', () => {
  it('turns percentages into shares and makes the same definition as the command line would', () => {
    const { options, problems } = moduleOptionsFromForm(FORM, null);
    expect(problems).toEqual([]);
    const def = moduleDefinitionFromOptions(options!, '2026-01-01');
    expect(def).toMatchObject({ id: 'spotting-synthetic-radiographs', standard: 'cmi5', passMark: 0.8, fakeShare: 0.5, attempts: 2, preCases: 6, releaseDate: '2026-01-15', expiryDate: '2029-01-15', objectives: ['One', 'Two'], estimatedMinutes: 24 });
    expect(def.faculty).toEqual([{ name: 'Dr A', role: 'Director', disclosure: 'None' }]);
    expect(packageCommandLine(def, 'demo')).toMatch(/^npm run lms -- package \\\n {4}--standard cmi5 .*--pass-mark 0\.8 .*--title 'Spotting synthetic radiographs' .*--objectives objectives\.txt .*--out module\.zip$/s);
  });

  it('reports every problem at once, each with what to write', () => {
    const { options, problems } = moduleOptionsFromForm({ ...FORM, title: ' ', pre: '0', 'pass-mark': '120', release: '15/01/2026', disclosures: 'Dr A only' }, null);
    expect(options).toBeNull();
    expect(problems).toEqual([
      'Activity title: required (it is shown in the LMS and on the certificate).',
      "Pre-test cases '0': a whole number from 1 to 50.",
      "Pass mark '120': a percentage above 0 and at most 100, e.g. 75.",
      "Release date '15/01/2026': a date written YYYY-MM-DD.",
      "Faculty and disclosures, line 1 'Dr A only': write 'name | role | disclosure' (the disclosure may be 'Nothing to disclose').",
    ]);
    expect(facultyFromLines('Dr B | | Nothing to disclose').faculty).toEqual([{ name: 'Dr B', role: '', disclosure: 'Nothing to disclose' }]);
  });

  it('lists the expiry before the release beside every other problem, and the definition\'s own checks in the form\'s words', () => {
    const { definition, problems } = moduleFromForm({ ...FORM, title: '', pre: '', post: '99', release: '2027-01-01', expiry: '2026-06-01', id: 'Bad Id', objectives: 'x'.repeat(501) }, null, '2026-01-01');
    expect(definition).toBeNull();
    expect(problems).toEqual([
      'Activity title: required (it is shown in the LMS and on the certificate).',
      'Pre-test cases: required (a whole number from 1 to 50).',
      "Post-test cases '99': a whole number from 1 to 50.",
      "Expiry date '2026-06-01': after the release date (2027-01-01), or empty for three years after it.",
      'Module id: must be 1 to 64 lowercase letters, digits or hyphens.',
      'Learning objectives, objective 1: too long (at most 500 characters).',
    ]);
    expect(problems.join(' ')).not.toMatch(/expiryDate|releaseDate|preCases|(^|\. )id:/);
    const ok = moduleFromForm(FORM, null, '2026-01-01');
    expect(ok.problems).toEqual([]);
    expect(ok.definition).toMatchObject({ releaseDate: '2026-01-15', expiryDate: '2029-01-15' });
  });

  it('words the status line and the schema\'s names as the form does', () => {
    expect(moduleFormWords('expiryDate: must be after releaseDate (2027-01-01)')).toBe('Expiry date: must be after the release date (2027-01-01).');
    expect(moduleFormWords('faculty.1.name: too long (at most 120 characters)')).toBe('Faculty and disclosures, person 2 (name): too long (at most 120 characters).');
    expect(moduleFormWords('something else')).toBe('something else');
    expect(builderProblemsWords(3, 'module')).toBe('The module zip was not made: 3 problems to fix, listed under the form.');
    expect(builderProblemsWords(1, 'drill')).toBe('The drill zip was not made: 1 problem to fix, listed under the form.');
  });
});
