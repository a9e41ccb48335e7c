import { describe, expect, it } from 'vitest';
import { reviewText } from '../../../src/presenters/review-text.js';
import { FAKE, IN_A, NOWHERE, REAL, forged, rec, tell } from '../domain/metrics/records.js';

describe('review text: points and marks', () => {
  it('a mark on the tell earns its bonus even on a real call, and the review says so', () => {
    const t = reviewText(rec(FAKE, 2, { marks: [IN_A] }));
    expect(t.verdict).toMatch(/^Wrong\./);
    expect(t.points).toContain('+25 tell marked');
    expect(t.body).not.toContain('missed the tell');
  });

  it('marks that miss a tell with a place on the image are named, whatever the call', () => {
    expect(reviewText(rec(FAKE, 5, { marks: [NOWHERE] })).body).toContain('Your marks missed the tell region.');
    expect(reviewText(rec(FAKE, 2, { marks: [NOWHERE] })).body).toContain('Your marks missed the tell region.');
    expect(reviewText(rec(FAKE, 5, { marks: [NOWHERE] })).points).not.toContain('tell marked');
  });

  it('a fake whose only tell is the whole image has no region to miss; a real image has no tell', () => {
    const whole = forged([{ ...tell('T3'), extent: 'whole-image' }]);
    expect(reviewText(rec(whole, 5, { marks: [NOWHERE] })).body).not.toContain('missed');
    expect(reviewText(rec(whole, 5, { marks: [IN_A] })).points).not.toContain('tell marked');
    expect(reviewText(rec(REAL, 4, { marks: [IN_A] })).body).not.toContain('missed');
  });
});
