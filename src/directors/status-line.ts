import type { GameStore } from '../store/index.js';
import { roundRecords } from '../domain/index.js';
import { reviewAnnouncement, sessionAnnouncement } from '../presenters/index.js';
import { figuresFor } from '../presenters/index.js';
import { LENSES } from '../lenses/index.js';

/** The accessible status element: an aria-live region a screen reader reads out, visually hidden. */
export interface StatusLine {
  readonly element: HTMLElement;
  say(text: string): void;
  dispose(): void;
}

export function createStatusLine(host: HTMLElement, store: GameStore, atlasLines: readonly string[] = []): StatusLine {
  const el = document.createElement('div');
  el.id = 'game-status';
  el.setAttribute('role', 'status');
  el.setAttribute('aria-live', 'polite');
  el.setAttribute('aria-atomic', 'true');
  el.className = 'sr-only';
  host.appendChild(el);
  const say = (text: string): void => {
    el.textContent = text;
  };
  const subs = [
    store.subscribe((s) => s.session, (next, prev) => {
      const text = sessionAnnouncement(prev, next);
      if (!text) return;
      const reading = next?.phase === 'summary' && prev?.phase !== 'summary' ? ` ${figuresFor(next.records).sentences.join(' ')}` : '';
      say(text + reading);
    }),
    store.subscribe((s) => s.ui.reviewIndex, (i) => {
      const s = store.getState().session;
      if (s?.phase !== 'roundReview') return;
      const text = reviewAnnouncement(s, i);
      if (text) say(text);
    }),
    store.subscribe((s) => s.ui.error, (err) => {
      if (err) say(`Error: ${err}`);
    }),
    store.subscribe((s) => s.settings, (now, before) => {
      if (now.muted !== before.muted) say(now.muted ? 'Sound off.' : `Sound on, volume ${Math.round(now.volume * 100)}%.`);
      else if (now.volume !== before.volume) say(`Volume ${Math.round(now.volume * 100)}%.`);
    }),
    store.subscribe((s) => s.ui.menuOpen, (open) => {
      const reading = store.getState().session?.phase === 'reading';
      say(open ? (reading ? 'Paused. Menu open: press Esc to resume.' : 'Menu open.') : 'Menu closed.');
    }),
    store.subscribe((s) => s.ui.figuresOpen, (open) => {
      const s = store.getState().session;
      if (open && s) say(`Round ${s.round + 1} figures. ${figuresFor(roundRecords(s)).sentences.join(' ')}`);
    }),
    store.subscribe((s) => [s.ui.atlasOpen, s.ui.atlasIndex] as const, ([open, i]) => {
      if (open) say(`Atlas: ${atlasLines[i] ?? ''}`);
    }, { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] }),
    store.subscribe((s) => s.view.lens, (id) => {
      const lens = LENSES.find((l) => l.id === id);
      say(lens ? `${lens.name} lens: ${lens.explanation}` : 'Lens off: the plain image.');
    }),
    store.subscribe((s) => s.ui.helpOpen, (open) => {
      if (open) say('Help: the controls are listed on screen. Press H or Esc to close.');
    }),
  ];
  return { element: el, say, dispose: () => { subs.forEach((u) => u()); el.remove(); } };
}
