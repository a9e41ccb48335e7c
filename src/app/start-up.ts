import {
  createRng, drillAvailability, getMode, localDay, parseDeepLink, withSettings, type DeepLink, type GameMode, type ModeFocus, type QueryPairs, type StoredSession,
  type TechniqueSummary,
} from '../domain/index.js';
import { DEMO_DECK_ID, planDemoDeck, planPackDeck, type CaseLibrary, type CaseSpec } from '../decks/index.js';
import type { PackRepository, SessionRepository } from '../persistence/index.js';
import { describeStorageFailure } from '../persistence/index.js';
import { countOf, focusLabel } from '../presenters/index.js';
import type { GameStore } from '../store/index.js';
import type { PackActionsWithImport } from './pack-actions.js';
import { chooseStart, inStoredOrder, resumeStoredSession } from './resume.js';
import { startDemoSession } from './start-session.js';

/**
 * Start-up and the ways a session begins, over ports the composition root builds: resume the session in progress
 * or start the deep link's; the title screen's practice; a drill of one tell (a mode with a focus).
 */
export interface StartUpDeps {
  readonly store: GameStore;
  readonly library: CaseLibrary;
  readonly sessions: SessionRepository;
  readonly packs: PackRepository;
  readonly packActions: PackActionsWithImport;
  readonly techniques: readonly TechniqueSummary[];
  readonly say: (text: string) => void;
  readonly now: () => number;
}

export interface App {
  /** Enter on the title screen: a practice session of the demo deck. */
  startPractice(): void;
  /** A drill of one tell or of its category. */
  startDrill(focus: ModeFocus): void;
  /** Resumes or starts what the page was opened for; resolves when the first screen is chosen. */
  start(): Promise<void>;
  /** The deck plan of a stored session (to regenerate its images for review). */
  planFor(stored: StoredSession): Promise<readonly (readonly CaseSpec[])[]>;
}

export function createApp(deps: StartUpDeps, query: QueryPairs): App {
  const { store, library, techniques, now } = deps;
  const parsed = parseDeepLink(query);
  const link: DeepLink | null = parsed.ok ? parsed.link : null;
  // The session this page most likely starts is planned now, and its first case generated while IndexedDB answers:
  // the deep link's demo deck, or the practice deck the title screen's Enter starts (its seed is drawn here).
  let titleSeed: number | null = createRng(now() >>> 0).int(2 ** 31);
  const warm = (mode: GameMode, seed: number): void => {
    const plan = planDemoDeck(seed, mode, techniques);
    library.setSpecs(plan.rounds.flat());
    const first = plan.rounds[0]?.[0];
    if (first) library.prefetch(first.id);
  };
  if (!link || link.deckId === DEMO_DECK_ID) warm(link?.mode ?? getMode('practice'), link?.seed ?? titleSeed);

  const planFor = async (stored: StoredSession): Promise<readonly (readonly CaseSpec[])[]> => {
    const rounds: readonly (readonly CaseSpec[])[] = stored.deckId === DEMO_DECK_ID
      ? planDemoDeck(stored.seed, stored.mode, techniques).rounds
      : planPackDeck(await deps.packs.manifest(stored.deckId), stored.seed, stored.mode).rounds;
    // A training session's reader has the deck in their own (counterbalanced) order.
    return stored.mode.hooks === 'training' ? inStoredOrder(rounds, stored) : rounds;
  };

  const startPractice = (): void => {
    startDemoSession(store, library, getMode('practice'), techniques, titleSeed, now);
    titleSeed = null; // later sessions draw their own
  };

  const startDrill = (focus: ModeFocus): void => {
    const mode = withSettings(getMode('tell-drill'), { focus });
    const what = focusLabel(mode) ?? 'this tell';
    try {
      const st = store.getState();
      st.closeScreen();
      if (st.session) st.quitSession();
      startDemoSession(store, library, mode, techniques, null, now);
      deps.say(`Drill: every fake in this session shows ${what}.`);
    } catch {
      deps.say(`No technique in this version makes ${what}, so it cannot be drilled yet.`);
    }
  };

  async function start(): Promise<void> {
    if (!parsed.ok) store.getState().setError(`The link was not understood\n${parsed.error} The link was ignored: change it as this says and open it again, or start from the title screen.`);
    let sessions: readonly StoredSession[] = [];
    try {
      const listed = await deps.sessions.list();
      sessions = listed.sessions;
      store.getState().setPastSessions(sessions);
      if (listed.unreadable.length > 0) {
        store.getState().setError(`Some saved sessions could not be read\n${countOf(listed.unreadable.length, 'saved session')} ${listed.unreadable.length === 1 ? 'was' : 'were'} skipped (the others are fine): ${listed.unreadable.join('; ')}`);
      }
    } catch (err) {
      store.getState().setError(`Stored sessions are out of reach\n${describeStorageFailure(err).message}`);
    }
    const choice = chooseStart(sessions, link);
    if (choice.kind === 'resume') {
      try {
        deps.say(resumeStoredSession(store, library, choice.stored, await planFor(choice.stored), now()));
        return;
      } catch (err) {
        store.getState().setError(`The session in progress cannot be resumed\n${(err as Error).message}`);
      }
    }
    const l = choice.kind === 'new' ? choice.link : choice.kind === 'resume' ? link : null;
    if (!l) return;
    // A drill by plain link keeps its days as a signed one does (drill-join.ts); one already under way still resumes.
    // Worded as an "exercise", as the join page is: an unprompted drill must not name its purpose.
    const days = l.mode.drill ? drillAvailability(l.mode.drill, localDay(now())) : 'open';
    if (days !== 'open') {
      store.getState().setError(days === 'closed'
        ? `This exercise has closed\nIt could be started until ${l.mode.drill?.closes} (inclusive); nothing was started. Ask the lead for the next one.`
        : `This exercise is not open yet\nIt opens on ${l.mode.drill?.opens}; nothing was started. Open the link again from that day.`);
      return;
    }
    if (l.deckId !== DEMO_DECK_ID) {
      await deps.packActions.playById(l.deckId, l.mode, l.seed).catch((err: unknown) => {
        store.getState().setError(`Deck "${l.deckId}" cannot be played\n${(err as Error).message}`);
      });
      return;
    }
    startDemoSession(store, library, l.mode, techniques, l.seed ?? titleSeed, now);
    titleSeed = null;
  }

  return { startPractice, startDrill, start, planFor };
}
