import { isRevealed } from '../domain/index.js';
import { figuresFor, figuresTitle, recordAnnouncement, sessionAnnouncement } from '../presenters/index.js';
import { LENSES } from '../lenses/index.js';
import { reviewedRecord, reviewRecords, type GameStore } from '../store/index.js';

/** The accessible status element: an aria-live region a screen reader reads out, visually hidden. */
export interface StatusLine {
  readonly element: HTMLElement;
  say(text: string): void;
  dispose(): void;
}

const SCREEN_WORDS: Readonly<Record<string, string>> = {
  help: 'Help: the controls are listed on screen. Press H or Esc to close.',
  history: 'Results and history.',
  packs: 'Case packs.',
  // Screens whose openers say nothing themselves: without words here the line would keep the last screen's.
  'drill-report': 'Drill report: drop the readers\' result files on the page, or press O to choose them; P prints, W or Esc closes.',
  'module-builder': 'Publish a CME module (or a readiness drill) for your learning management system: fill in the form, then build the zip. Esc closes.',
};

export function createStatusLine(el: HTMLElement, store: GameStore, atlasLines: readonly string[] = []): StatusLine {
  const say = (text: string): void => {
    el.textContent = text;
  };
  // The store clears reviewOnly with the session it ends, so the flag is kept from before the change.
  let reviewOnly = store.getState().reviewOnly;
  const subs = [
    store.subscribe((s) => s.session, (next, prev) => {
      const text = sessionAnnouncement(prev, next, reviewOnly);
      reviewOnly = store.getState().reviewOnly;
      if (!text) return;
      // A drill's summary already says its own figures (flags, not ratings: figuresFor would read them as time-outs).
      const reading = next?.phase === 'summary' && prev?.phase !== 'summary' && !next.config.mode.drill ? ` ${figuresFor(next.records).sentences.join(' ')}` : '';
      say(text + reading);
    }),
    store.subscribe((s) => s.screen.review.index, () => {
      const st = store.getState();
      const rec = reviewedRecord(st);
      if (st.session?.phase === 'roundReview' && rec && isRevealed(st.session, rec)) say(recordAnnouncement(rec));
    }),
    store.subscribe((s) => s.screen.error, (err) => {
      if (err) say(`Error: ${err.replace('\n', ': ')}`);
    }),
    store.subscribe((s) => s.settings, (now, before) => {
      if (now.muted !== before.muted) say(now.muted ? 'Sound off.' : `Sound on, volume ${Math.round(now.volume * 100)}%.`);
      else if (now.volume !== before.volume) say(`Volume ${Math.round(now.volume * 100)}%.`);
    }),
    store.subscribe((s) => s.screen.name, (name, prev) => {
      const st = store.getState();
      const paused = st.session?.phase === 'reading' && st.session.pausedAt !== null;
      if (name === 'menu') say(st.session?.phase === 'reading' ? (paused ? 'Paused. Menu open: press Esc to resume.' : 'Menu open. This mode does not pause the clock.') : 'Menu open.');
      else if (name === 'figures') say(`${st.session ? figuresTitle(st.session) : 'Figures'}. ${figuresFor(reviewRecords(st)).sentences.join(' ')}`);
      else if (name === 'atlas') say(`Atlas: ${atlasLines[st.screen.atlasIndex] ?? ''}`);
      else if (SCREEN_WORDS[name]) say(SCREEN_WORDS[name] as string);
      else if (name === 'game' && prev === 'menu') say('Menu closed.');
      else if (name === 'game' && prev === 'help') say('Help closed.');
    }),
    store.subscribe((s) => s.screen.atlasIndex, (i) => {
      if (store.getState().screen.name === 'atlas') say(`Atlas: ${atlasLines[i] ?? ''}`);
    }),
    store.subscribe((s) => s.view.magnifier, (on) => {
      // Said when the reader turns it (a new session turning it off says nothing).
      const st = store.getState();
      const phase = st.session?.phase;
      if (st.screen.name === 'atlas' || phase === 'reading' || phase === 'caseReview' || phase === 'roundReview') {
        say(on ? 'Loupe on: it follows the mouse, or the crosshair the arrow keys move.' : 'Loupe off.');
      }
    }),
    store.subscribe((s) => s.view.lens, (id) => {
      const lens = LENSES.find((l) => l.id === id);
      say(lens ? `${lens.name} lens: ${lens.explanation}` : 'Lens off: the plain image.');
    }),
  ];
  return { element: el, say, dispose: () => subs.forEach((u) => u()) };
}
