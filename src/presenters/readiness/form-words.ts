import { MAX_DRILL_PREVALENCE } from '../../domain/index.js';

/** The module builder's drill field for prevalence: typed in percent, unlike the deep link and the command line. */
export const PREVALENCE_FIELD = 'Prevalence of fakes (%)';
export const AI_HINT_FIELD = 'AI-hint arm: share right (%)';

/**
 * The builder's drill fields by the names the drill rules use (domain/readiness/mode.ts: the deep link's settings):
 * the form's input name, its label, and how many of the form's units make one of the rule's (percent fields: 100).
 */
const FIELDS: Readonly<Record<string, { readonly input: string; readonly label: string; readonly scale: number }>> = {
  prevalence: { input: 'prevalence', label: PREVALENCE_FIELD, scale: 100 },
  aiHint: { input: 'ai-hint', label: AI_HINT_FIELD, scale: 100 },
  cases: { input: 'cases', label: 'Films', scale: 1 },
  seconds: { input: 'seconds', label: 'Seconds per film', scale: 1 },
  opens: { input: 'opens', label: 'Opens', scale: 1 },
  closes: { input: 'closes', label: 'Closes', scale: 1 },
  title: { input: 'worklist-title', label: 'Worklist name learners see', scale: 1 },
  briefing: { input: 'briefing', label: 'Briefing in your words', scale: 1 },
};

const bound = (n: string, scale: number): string => String(Math.round(Number(n) * scale * 1000) / 1000);

/**
 * A drill problem as the builder's form says it: the drill rules name the deep link's settings in its units, so each
 * setting is respelled with the form's label, the value typed and the form's units, and the variant by its choice.
 */
export function drillFormWords(problem: string, typed: Readonly<Record<string, string | undefined>>): string {
  if (problem.startsWith('"prevalence"')) {
    return `${PREVALENCE_FIELD} '${(typed['prevalence'] ?? '').trim()}': from 0 to ${MAX_DRILL_PREVALENCE * 100} for a readiness drill.`;
  }
  if (problem.startsWith('"aiHint" needs a prompted drill')) {
    return `${AI_HINT_FIELD}: only for a prompted drill. Leave it empty, or choose the variant "Prompted" (an authenticity-check badge tells an unprompted reader what the drill is about).`;
  }
  const head = /^"(\w+)": (.*)$/.exec(problem);
  const field = head ? FIELDS[head[1] as string] : undefined;
  if (head && field) {
    const raw = (typed[field.input] ?? '').trim();
    const value = `${field.label} '${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}'`;
    const rest = head[2] as string;
    const big = /^too big: expected number to be <=?\s*([\d.]+)/.exec(rest);
    if (big) return `${value}: at most ${bound(big[1] as string, field.scale)}.`;
    const small = /^too small: expected number to be >=?\s*([\d.]+)/.exec(rest);
    if (small) return `${value}: at least ${bound(small[1] as string, field.scale)}.`;
    if (/expected int/.test(rest)) return `${value}: a whole number.`;
    const long = /^too big: expected string to have <=?\s*(\d+) characters/.exec(rest);
    if (long) return `${field.label}: at most ${long[1]} characters (${raw.length} typed).`;
    return `${value}: ${rest.replace(/^is /, '')}.`.replace(/\.\.$/, '.');
  }
  return problem.replace(/"(\w+)"/g, (all, name: string) => (FIELDS[name] ? `"${FIELDS[name].label}"` : all)).replace(/\bset closes on or after opens\b/, 'set Closes on or after Opens');
}
