/**
 * A progress bar on stderr: redrawn in place on a terminal, one line per tenth of each phase otherwise (CI logs).
 */
import type { BuildProgress } from '../authoring/index.js';

const PHASES: Record<BuildProgress['phase'], string> = { checking: 'Checking inputs', building: 'Building cases', auditing: 'Leak audit' };

export function progressPrinter(write: (s: string) => void, isTty: boolean): (p: BuildProgress) => void {
  let lastKey = '';
  return (p) => {
    const frac = p.total > 0 ? p.done / p.total : 1;
    const label = `${PHASES[p.phase]} ${p.done}/${p.total}`;
    if (isTty) {
      const width = 30;
      const full = Math.round(frac * width);
      write(`\r[${'#'.repeat(full)}${'-'.repeat(width - full)}] ${label}   ${p.done === p.total ? '\n' : ''}`);
      return;
    }
    const key = `${p.phase}:${Math.floor(frac * 10)}`;
    if (key !== lastKey) {
      lastKey = key;
      write(`${label} (${Math.round(frac * 100)}%)\n`);
    }
  };
}
