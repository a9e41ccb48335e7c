import { describe, expect, it } from 'vitest';
import { reportedScaled } from '../../../src/lms/module-progress.js';

describe('reportedScaled', () => {
  it('passed <=> the sent scaled score reaches the pass mark exactly', () => {
    // moduleOutcome passes within 1e-9; the score sent must not sit a hair below masteryScore on a pass.
    expect(reportedScaled(0.6666666666666666, true, 0.6666666666666667)).toBe(0.6666666666666667);
    expect(reportedScaled(0.875, true, 0.75)).toBe(0.875);
    expect(reportedScaled(0.6666666666666666, false, 0.6667)).toBe(0.6666666666666666);
  });
});
