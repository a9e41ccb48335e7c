import { describe, expect, it } from 'vitest';
import { DASH_TOGGLES, dashToggleWords, refusalLabel } from '../../../src/presenters/index.js';

/** The dashboard's toolbar toggles and refusal list say what is on screen, in the browser's words. */
describe('dashboard toggles and refusals', () => {
  it('the names toggle keeps one label that names the pressed state; N and P say what they did', () => {
    // aria-pressed=true on "Hide names" means names are hidden: the label never flips to the opposite state.
    expect(DASH_TOGGLES.names).toBe('Hide names');
    expect(dashToggleWords('names', true)).toMatch(/^Names hidden: readers are shown as R1\.\.Rn.*Press N to show their names\.$/);
    expect(dashToggleWords('names', false)).toMatch(/^Names shown:.*Press N to hide them\.$/);
    expect(dashToggleWords('projector', true)).toMatch(/^Projector mode: large type.*Press P to leave it\.$/);
    expect(dashToggleWords('projector', false)).toMatch(/^Projector mode off/);
  });

  it('a refusal reason is a word or two, not a format code', () => {
    expect(refusalLabel('foreign-session')).toBe('another session');
    expect(refusalLabel('wrong-report')).toBe('readiness drill');
    expect(refusalLabel('tampered')).toBe('tampered');
    expect(refusalLabel('something-new')).toBe('something new');
  });
});
