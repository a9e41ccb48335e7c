import { describe, expect, it } from 'vitest';
import { readerFigures, readerReport } from '../../../src/domain/index.js';
import { dPrimeFigure, readerScaleCells } from '../../../src/presenters/index.js';
import type { DashboardReader } from '../../../src/store/index.js';
import { fake, real } from '../domain/metrics/records.js';

/**
 * User audit: one fake and one real, both right, read 100% and AUC 1.00 beside "d′ 0.00". Wherever d′ is shown (the
 * round's and the session's figures, the instructor's table) it is withheld with a reason or marked as corrected.
 */
describe('d′ on the figures and the dashboard', () => {
  it('the figures entry: withheld with one of a class, marked when it rests on corrected rates', () => {
    expect(dPrimeFigure(readerReport([fake(4), real(2)]))).toBe('not given: too few fakes or real images answered');
    expect(dPrimeFigure(readerReport([fake(5), fake(6), real(1), real(2)]))).toBe('1.35 and 0.00 (from corrected rates: rough)');
    expect(dPrimeFigure(readerReport([fake(2), fake(3), real(1), real(2)]))).toBe('not given: one kind of call only');
    expect(dPrimeFigure(readerReport([fake(5), fake(2), real(1), real(4)]))).toBe('0.00 and 0.00');
  });

  it('the dashboard: – with one of a class, "(corrected)" beside a corrected d′', () => {
    const reading = (caseId: string, truth: 'fake' | 'authentic', rating: 1 | 2 | 3 | 4 | 5 | 6) => ({ caseId, truth, rating, localised: false, timeMs: 4000 });
    const reader = (readings: ReturnType<typeof reading>[]): DashboardReader => ({
      name: 'Ana', fingerprint: 'AAAA-BBBB-CCCC-DDDD', source: 'ana.json', figures: readerFigures({ readerId: 'Ana', readings }),
    });
    const cells = (r: DashboardReader): string[] => readerScaleCells(0, r, { anonymise: false, localisation: 'done' });
    expect(cells(reader([reading('a', 'fake', 4), reading('b', 'authentic', 2)]))[2]).toBe('–');
    expect(cells(reader([reading('a', 'fake', 5), reading('b', 'fake', 6), reading('c', 'authentic', 1), reading('d', 'authentic', 2)]))[2]).toBe('1.35 (corrected)');
  });
});
