/**
 * The stored-session id of a reader's run of a signed drill: `drill:<drill's sessionId>:<reader key fingerprint>`.
 * One id per reader and drill in a browser, so the run is found again after a reload, and a drill run that ended
 * (finished, or stopped before its end) is never started afresh: its reader has seen the truth in the debrief.
 */
export const signedDrillRunId = (sessionId: string, fingerprint: string): string => `drill:${sessionId}:${fingerprint}`;

/** The drill's session id and the reader's fingerprint of a signed drill run's id, or null for any other session. */
export function signedDrillRunOf(storedId: string): { readonly sessionId: string; readonly fingerprint: string } | null {
  const m = /^drill:([^:]+):(.+)$/.exec(storedId);
  return m?.[1] && m[2] ? { sessionId: m[1], fingerprint: m[2] } : null;
}

/** This browser's run of signed drill `sessionId` that ended (finished or stopped), newest first; null when none did. */
export function endedDrillRun<T extends { readonly id: string; readonly status: string; readonly updatedAt: number }>(past: readonly T[], sessionId: string): T | null {
  const ended = past.filter((p) => p.status !== 'in-progress' && signedDrillRunOf(p.id)?.sessionId === sessionId);
  return ended.sort((a, b) => b.updatedAt - a.updatedAt)[0] ?? null;
}
