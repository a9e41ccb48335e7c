import { TOOL_VERSION, type DroppedItem } from '../authoring/index.js';
import type { CaseLibrary } from '../decks/index.js';
import type { Fetch, OutboxStore, ReaderKeyStore, SignedSession } from '../delivery/index.js';
import type { TechniqueSummary } from '../domain/index.js';
import type { PackRepository, TrainingRepository } from '../persistence/index.js';
import type { GameStore } from '../store/index.js';

/** The file dialogs of the training screens: result files or a folder of them, a session bundle, a key file. */
export type PickPurpose = 'results' | 'results-folder' | 'bundle' | 'key';

/** What the training-session use cases need from the composition root (main.ts builds it; tests pass fakes). */
export interface TrainingDeps {
  readonly store: GameStore;
  readonly library: CaseLibrary;
  readonly packs: PackRepository;
  readonly repo: TrainingRepository;
  readonly readerKeys: ReaderKeyStore;
  readonly outboxStore: OutboxStore;
  readonly techniques: readonly TechniqueSummary[];
  readonly say: (text: string) => void;
  readonly now: () => number;
  readonly download: (filename: string, data: string | Uint8Array, mime: string) => void;
  /** Opens a file dialog; what is chosen comes back through Training.received (main.ts wires the inputs). */
  readonly pick: (what: PickPurpose) => void;
  /** The page's own address without query or fragment: the default address in a join link. */
  readonly gameAddress: string;
  readonly app: { readonly name: string; readonly version: string };
  /** Whether the page's security policy lets it contact this address (an LRS). */
  readonly connectAllowed: (url: string) => boolean;
  readonly copyText: (text: string) => Promise<void>;
  /** The history list again after a session was stored (results and history). */
  readonly refreshHistory: () => Promise<void>;
  /** fetch for the LRS (tests inject one). */
  readonly fetch?: Fetch;
  /** A readiness drill's bundle, its pack stored: the drill's own join page (app/drill-actions.ts) takes it. */
  readonly openDrill?: (signed: SignedSession) => Promise<void>;
}

/** A file name from free text: letters, digits and dashes, at most 40 characters. */
export const fileSlug = (text: string): string =>
  text.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/[\s_]+/g, '-').toLowerCase().slice(0, 40) || 'session';

export const readBlob = async (item: DroppedItem): Promise<Uint8Array> => new Uint8Array(await item.blob.arrayBuffer());

/** The game as a result file and an xAPI statement name it. */
export const APP_INFO = { name: 'xray-deepfake-trainer', version: TOOL_VERSION } as const;
