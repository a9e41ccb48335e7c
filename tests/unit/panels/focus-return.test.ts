import { describe, expect, it } from 'vitest';
import { overlaysAfter, type Opened } from '../../../src/panels/focus.js';

/**
 * Which overlay's opener gets the focus back when overlays close (WCAG 2.4.3): the chain of overlays kept from one
 * render to the next, with the control that had the focus when each opened (here a string stands for it).
 */
describe('the openers of the overlays, render after render', () => {
  const step = (stack: readonly Opened<string>[], open: string[], focus: string | null) => overlaysAfter(stack, open, focus);

  it('a dialog that opens remembers what had the focus, and gives it back when it closes', () => {
    const a = step([], ['menu'], 'btn-menu');
    expect(a).toEqual({ stack: [{ id: 'menu', opener: 'btn-menu' }], closed: [] });
    const b = step(a.stack, [], 'btn-resume');
    expect(b).toEqual({ stack: [], closed: [{ id: 'menu', opener: 'btn-menu' }] });
  });

  it('help opened from the menu gives the focus back to the menu, and the menu later to what opened it', () => {
    const menu = step([], ['menu'], 'btn-menu').stack;
    const help = step(menu, ['help'], 'btn-menu-help');
    expect(help.closed).toEqual([]);
    expect(help.stack.map((o) => o.id)).toEqual(['menu', 'help']);
    const back = step(help.stack, ['menu'], 'btn-close-help');
    expect(back.closed).toEqual([{ id: 'help', opener: 'btn-menu-help' }]);
    expect(step(back.stack, [], 'btn-resume').closed).toEqual([{ id: 'menu', opener: 'btn-menu' }]);
  });

  it('a chain that closes at once offers the innermost opener first, then the outer ones', () => {
    const s = step(step([], ['history'], 'title-history').stack, ['atlas'], 'history-row-0').stack;
    expect(step(s, [], null).closed.map((o) => o.opener)).toEqual(['history-row-0', 'title-history']);
  });

  it('a render that changes nothing keeps the chain; an overlay opened with no focus remembers none', () => {
    const s = step([], ['header-panel'], 'btn-header').stack;
    expect(step(s, ['header-panel'], 'header-fields')).toEqual({ stack: s, closed: [] });
    expect(step(s, ['header-panel', 'error'], null).stack.at(-1)).toEqual({ id: 'error', opener: null });
  });
});
