const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const two = (n: number): string => String(n).padStart(2, '0');

/**
 * A moment as people read it, "7 Dec 2026, 12:52": in UTC (a report, read alike by everyone it reaches) or in this
 * machine's local time (what a form's date and time were typed in).
 */
export function dayAndTime(t: Date, zone: 'utc' | 'local'): string {
  return zone === 'utc'
    ? `${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()}, ${two(t.getUTCHours())}:${two(t.getUTCMinutes())}`
    : `${t.getDate()} ${MONTHS[t.getMonth()]} ${t.getFullYear()}, ${two(t.getHours())}:${two(t.getMinutes())}`;
}
