import { countOf } from './module.js';

/**
 * A span of whole seconds in words a reader takes in at a glance: "20 seconds", "1 minute", "1 minute 30 seconds".
 * Fractions of a minute ("0.3 minutes") make the reader do arithmetic before a timed film.
 */
export function durationWords(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const min = Math.floor(s / 60);
  const rest = s % 60;
  if (min === 0) return countOf(rest, 'second');
  return rest === 0 ? countOf(min, 'minute') : `${countOf(min, 'minute')} ${countOf(rest, 'second')}`;
}
