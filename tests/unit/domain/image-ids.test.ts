import { describe, expect, it } from 'vitest';
import { caseImageId, sameCaseImage } from '../../../src/domain/index.js';

describe('which images may share a view', () => {
  it('a case, its original and its lenses do; another case or nothing on screen does not', () => {
    expect(sameCaseImage(caseImageId('demo-7-r1c1'), caseImageId('demo-7-r1c1', true))).toBe(true);
    expect(sameCaseImage(caseImageId('demo-7-r1c1', true), caseImageId('demo-7-r1c1', false, 'noise'))).toBe(true);
    expect(sameCaseImage(caseImageId('demo-7-r1c4'), caseImageId('demo-7-r1c1'))).toBe(false);
    expect(sameCaseImage(caseImageId('atlas-A1'), caseImageId('atlas-A2'))).toBe(false);
    expect(sameCaseImage(null, caseImageId('demo-7-r1c1'))).toBe(false);
  });
});
