import { describe, expect, it } from 'vitest';
import { lmsView } from '../../../src/app/module-view.js';
import type { LmsLaunch } from '../../../src/lms/index.js';

const launch = (kind: LmsLaunch['kind'], mode: LmsLaunch['mode'] = 'normal'): LmsLaunch => ({
  kind, isTracked: kind !== 'standalone', learner: null, resumeData: '', mode, masteryScore: null, moveOn: null, returnUrl: null, standaloneReason: null,
});

describe('the module page view of the LMS', () => {
  it('gives the evaluation form the comment length the LMS keeps (SCORM 1.2 fill-in: 255 characters)', () => {
    expect(lmsView(launch('scorm12')).commentLimit).toBe(255);
    expect(lmsView(launch('scorm2004')).commentLimit).toBe(4000);
    expect(lmsView(launch('cmi5')).commentLimit).toBe(4000);
  });

  it('is recorded only when tracked and in Normal mode', () => {
    expect(lmsView(launch('cmi5', 'review'))).toMatchObject({ tracked: true, recorded: false, notRecorded: 'review' });
    expect(lmsView(launch('standalone'))).toMatchObject({ tracked: false, recorded: false, notRecorded: true });
  });
});
