import type { z } from 'zod';

/** Zod's issues as one line a person can act on: "mode.rounds: Too big ...; title: ...". At most five are named. */
export function describeZodIssues(error: z.ZodError): string {
  const parts = error.issues.slice(0, 5).map((i) => `${i.path.length > 0 ? i.path.join('.') : '(the whole value)'}: ${i.message}`);
  const more = error.issues.length > 5 ? `; and ${error.issues.length - 5} more` : '';
  return parts.join('; ') + more;
}
