import { describe, expect, it } from 'vitest';
import { scormManifest } from '../../../src/lms/manifests/index.js';
import { demoModule } from '../../helpers/lms-module.js';

describe('SCORM 1.2 adlcp:masteryscore', () => {
  it('is the pass mark as an unrounded percentage, so 7 of 8 passes under 1.2 as under 2004 and cmi5', () => {
    expect(scormManifest(demoModule({ passMark: 0.875 }), [], 'scorm12')).toContain('<adlcp:masteryscore>87.5</adlcp:masteryscore>');
  });

  it('is floored to 2 decimals, never above the true pass mark', () => {
    expect(scormManifest(demoModule({ passMark: 2 / 3 }), [], 'scorm12')).toContain('<adlcp:masteryscore>66.66</adlcp:masteryscore>');
    expect(scormManifest(demoModule({ passMark: 0.57 }), [], 'scorm12')).toContain('<adlcp:masteryscore>57</adlcp:masteryscore>');
  });
});
