/**
 * Numbers typed on a command line. `Number()` alone reads '' and ' ' as 0, '0x10' as 16 and '1e3' as 1000, so a
 * typo (or an empty shell variable) would quietly become a different seed or share. Only plain decimals are read.
 */
const WHOLE = /^\+?\d{1,16}$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** What a numeric option accepts; `want` is said when the value is refused ("an integer from 0 to 10"). */
export interface NumberRule {
  readonly whole?: boolean;
  readonly min: number;
  readonly max: number;
  /** The minimum itself is refused (a share "above 0"). */
  readonly aboveMin?: boolean;
  readonly want: string;
}

/** The value of `raw` under `rule`, or null when it is not such a number. */
export function readNumber(raw: string, rule: NumberRule): number | null {
  const s = raw.trim();
  if (!(rule.whole ? WHOLE : DECIMAL).test(s)) return null;
  const n = Number(s);
  if (!Number.isFinite(n) || (rule.whole && !Number.isSafeInteger(n))) return null;
  if (rule.aboveMin ? n <= rule.min : n < rule.min) return null;
  return n <= rule.max ? n : null;
}

/**
 * An optional option: its default when absent; when present and not a number under the rule, the default is kept
 * and "Bad --flag 'raw': want" is added to `problems`, so one run lists every mistake.
 */
export function numberOption(raw: string | undefined, flag: string, fallback: number, rule: NumberRule, problems: string[]): number {
  if (raw === undefined) return fallback;
  const n = readNumber(raw, rule);
  if (n === null) {
    problems.push(`Bad ${flag} '${raw}': ${rule.want}`);
    return fallback;
  }
  return n;
}

/** A whole-number rule from min to max, said as "a whole number from min to max". */
export const wholeFrom = (min: number, max: number, want = `a whole number from ${min} to ${max}`): NumberRule => ({ whole: true, min, max, want });
