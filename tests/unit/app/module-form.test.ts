import { describe, expect, it } from 'vitest';
import { moduleOptionsFromForm } from '../../../src/app/module-form.js';
import { facultyFromLines, moduleDefinitionFromOptions, ModuleDefinitionError, packageCommandLine } from '../../../src/lms/index.js';

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

  it('leaves the schema to refuse what only it can judge (expiry before release)', () => {
    const { options } = moduleOptionsFromForm({ ...FORM, expiry: '2025-01-01' }, null);
    expect(() => moduleDefinitionFromOptions(options!, '2026-01-01')).toThrow(ModuleDefinitionError);
  });
});
