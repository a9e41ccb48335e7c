import { MAX_DRILL_PREVALENCE } from '../../domain/index.js';

/** The module builder's drill field for prevalence: typed in percent, unlike the deep link and the command line. */
export const PREVALENCE_FIELD = 'Prevalence of fakes (%)';

/**
 * A drill problem as the builder's form says it: the drill rules name the deep link's settings in its units
 * (domain/readiness/mode.ts), so a setting the form takes in other units is respelled with its label and the value typed.
 */
export function drillFormWords(problem: string, typed: Readonly<Record<string, string | undefined>>): string {
  if (problem.startsWith('"prevalence"')) {
    return `${PREVALENCE_FIELD} '${(typed['prevalence'] ?? '').trim()}': from 0 to ${MAX_DRILL_PREVALENCE * 100} for a readiness drill.`;
  }
  return problem;
}
