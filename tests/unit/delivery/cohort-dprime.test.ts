import { describe, expect, it } from 'vitest';
import { formatCohortText } from '../../../src/cli/cohort-report.js';
import { readerFigures, type CohortFigures } from '../../../src/domain/index.js';

/** The cohort report in a terminal marks d′ as the dashboard does: – when withheld, * when it rests on a corrected rate. */
describe("npm run cohort report: d'", () => {
  it('marks a corrected d′ and explains – and *', () => {
    const reading = (caseId: string, truth: 'fake' | 'authentic', rating: 1 | 2 | 5 | 6) => ({ caseId, truth, rating, localised: false, timeMs: 4000 });
    const perfect = readerFigures({ readerId: 'perfect', readings: [reading('a', 'fake', 5), reading('b', 'fake', 6), reading('c', 'authentic', 1), reading('d', 'authentic', 2)] });
    const oneEach = readerFigures({ readerId: 'one-each', readings: [reading('a', 'fake', 5), reading('c', 'authentic', 1)] });
    const figures = { readers: [perfect, oneEach], group: { meanAuc: null, unavailable: 'test', ci95: null, casesLeftOut: [] }, cases: [] } as unknown as CohortFigures;
    const text = formatCohortText(figures, { session: null, superseded: [], refused: [] } as never, [], false, []).join('\n');
    expect(text).toMatch(/perfect .* 1\.35\* /);
    expect(text).toMatch(/one-each .* – {6}/);
    expect(text).toMatch(/d': – below 2 answered fakes or real images, or one kind of call; \* rests on a rate of 0 or 1/);
  });
});
