import { describe, expect, it } from 'vitest';
import { numberOption, readNumber, wholeFrom } from '../../../src/cli/numbers.js';
import { parsePackCommand } from '../../../src/cli/pack-args.js';
import { parseSimulateCommand } from '../../../src/cli/simulate-args.js';
import { parseLmsCommand } from '../../../src/cli/lms-args.js';
import { drillSeed } from '../../../src/cli/drill-options.js';

describe('numbers typed on a command line', () => {
  it('reads plain decimals and whole numbers within the rule', () => {
    expect(readNumber('42', wholeFrom(0, 100))).toBe(42);
    expect(readNumber(' 7 ', wholeFrom(0, 100))).toBe(7);
    expect(readNumber('0.75', { min: 0, max: 1, want: 'a share' })).toBe(0.75);
    expect(readNumber('.5', { min: 0, max: 1, want: 'a share' })).toBe(0.5);
    expect(readNumber('1', { min: 0, aboveMin: true, max: 1, want: 'a share above 0' })).toBe(1);
  });

  it('refuses what Number() would quietly turn into some other number', () => {
    for (const raw of ['', ' ', '0x10', '1e3', '1.5', '-1', 'Infinity', 'NaN', '12abc', '1_000', '99999999999999999']) {
      expect(readNumber(raw, wholeFrom(0, 2 ** 53)), raw).toBeNull();
    }
    for (const raw of ['', '0x1', '1e-1', 'half', '-0.1', '1.01']) expect(readNumber(raw, { min: 0, max: 1, want: 'a share' }), raw).toBeNull();
    expect(readNumber('0', { min: 0, aboveMin: true, max: 1, want: 'above 0' })).toBeNull();
  });

  it('keeps the default and names the option when a value is refused', () => {
    const problems: string[] = [];
    expect(numberOption(undefined, '--seed', 9, wholeFrom(0, 10), problems)).toBe(9);
    expect(numberOption('0x3', '--seed', 9, wholeFrom(0, 10, 'an integer from 0 to 10'), problems)).toBe(9);
    expect(problems).toEqual(["Bad --seed '0x3': an integer from 0 to 10"]);
  });

  it('every command reads its numbers the same way', () => {
    expect(() => parsePackCommand(['build', 'in', '--out', 'x.zip', '--seed', '0x10'])).toThrow(/Bad --seed '0x10'/);
    expect(() => parsePackCommand(['build', 'in', '--out', 'x.zip', '--forged-share', ''])).toThrow(/Bad --forged-share/);
    expect(() => parseSimulateCommand(['--seed', '1e3', '--out', 'x.png'])).toThrow(/--seed must be a whole number/);
    expect(() => parseLmsCommand(['package', '--standard', 'cmi5', '--deck', 'demo', '--seed', ' ', '--pre', '4', '--post', '4', '--title', 'T', '--out', 'm.zip'])).toThrow(/Bad --seed ' '/);
    expect(() => drillSeed({ seed: '' })).toThrow(/--seed must be a whole number/);
    expect(drillSeed({})).toBe(1);
    expect(drillSeed({ seed: '12' })).toBe(12);
  });
});
