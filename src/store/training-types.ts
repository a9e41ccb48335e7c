import type {
  CaseFooling, CaseTruth, FeedbackTiming, GroupFigures, MissRates, PrePostChange, ReaderFigures,
} from '../domain/index.js';

/**
 * State of the training-session screens (issue 14): the instructor's setup form and what signing it produced, the
 * join page of a resident, the training a session in play belongs to, and the instructor's debrief dashboard.
 * Plain data: app/ fills it from delivery/ (signing, result files, LRS), panels/ draw it through presenters/.
 */

/** The setup form as typed: strings until the instructor signs, when app/ checks them against the session schema. */
export interface SetupDraft {
  /** Where the residents open the game (the join link's address); the page's own address by default. */
  readonly address: string;
  readonly title: string;
  readonly instructor: string;
  /** 'demo', or the id of a case pack stored in this browser. */
  readonly deck: string;
  readonly seed: string;
  readonly rounds: string;
  readonly casesPerRound: string;
  readonly secondsPerCase: string;
  /** Share of fakes in percent. */
  readonly fakePercent: string;
  readonly feedback: FeedbackTiming;
  readonly allowPause: boolean;
  readonly showScore: boolean;
  readonly tools: readonly string[];
  readonly lenses: readonly string[];
  readonly levels: readonly string[];
  readonly order: 'same' | 'counterbalanced';
  readonly pairingId: string;
  readonly pairingRole: '' | 'pre' | 'post';
  /** A datetime-local value, or '' for no closing time. */
  readonly expires: string;
  readonly lrsEndpoint: string;
  readonly lrsToken: string;
  readonly lrsTokenExpires: string;
  readonly lrsActivityBase: string;
}

/** What signing produced: the link to hand out, its QR code, and what the residents will see. */
export interface SetupOutput {
  readonly title: string;
  readonly fingerprint: string;
  readonly joinAddress: string;
  /** SVG markup of the join address's QR code (made by delivery/ from the address only), or null when too long. */
  readonly qrSvg: string | null;
  readonly qrProblem: string | null;
  readonly isPack: boolean;
  readonly warnings: readonly string[];
}

export interface SetupState {
  readonly draft: SetupDraft;
  /** The instructor key kept in this browser (public part), or null before one is made. */
  readonly key: { readonly name: string; readonly fingerprint: string } | null;
  readonly busy: boolean;
  readonly problem: string | null;
  readonly output: SetupOutput | null;
  readonly confirmNewKey: boolean;
  /** The join code shown large, for the projector. */
  readonly bigCode: boolean;
}

/** A session as a resident's game read it from a link or a bundle, before and after joining. */
export interface JoinView {
  /** 'done': the reader finished it; 'stopped': they left it before its end. Either way it is not started again (the
   * reader may have seen the truth of the cases answered): only the result file is offered. */
  readonly status: 'checking' | 'ready' | 'refused' | 'needs-bundle' | 'done' | 'stopped';
  /** Why the session cannot be joined (a refusal of the link or bundle, in words), or null. */
  readonly refusal: string | null;
  readonly title: string;
  readonly instructor: string;
  readonly fingerprint: string;
  readonly issuedAt: string;
  readonly details: readonly (readonly [label: string, value: string])[];
  readonly warnings: readonly string[];
  readonly displayName: string;
  /** The reader joined before: joining again resumes (or, when finished, saves the result file again). */
  readonly joinedBefore: boolean;
  readonly problem: string | null;
}

export interface OutboxView {
  readonly host: string;
  readonly pending: number;
  readonly rejected: number;
  readonly phase: 'idle' | 'sending' | 'waiting' | 'blocked' | 'off';
  /** Why sending is off or stalled, in words (expired token, page security policy, a refusal). */
  readonly note: string | null;
}

/** The training the session in play belongs to (shown on the summary; J saves its result file). */
export interface ActiveTraining {
  readonly storedSessionId: string;
  readonly title: string;
  readonly instructor: string;
  readonly fingerprint: string;
  readonly displayName: string;
  readonly readerFingerprint: string;
  readonly savedAs: string | null;
  readonly outbox: OutboxView | null;
}

export interface DashboardReader {
  /** The reader's display name (unique), or their key fingerprint for answers read from an LRS. */
  readonly name: string;
  readonly fingerprint: string;
  readonly source: string;
  readonly figures: ReaderFigures;
}

export interface DashboardCase extends CaseFooling {
  /** Artifact ids of the case's tells (empty for a real image). */
  readonly tells: readonly string[];
  readonly level: string | null;
}

export interface DashboardSession {
  readonly title: string;
  readonly instructor: string;
  readonly fingerprint: string;
  readonly deck: string;
  readonly settings: string;
  readonly pairing: string | null;
  readonly hasLrs: boolean;
  readonly lrsEndpoint: string | null;
}

export interface DashboardState {
  /** What is being done now (reading files, checking marks), or null. */
  readonly busy: string | null;
  readonly files: number;
  readonly session: DashboardSession | null;
  readonly readers: readonly DashboardReader[];
  readonly group: GroupFigures | null;
  readonly cases: readonly DashboardCase[];
  readonly missRates: MissRates | null;
  readonly prePost: (PrePostChange & { readonly preTitle: string; readonly postTitle: string }) | null;
  readonly refused: readonly { readonly name: string; readonly reason: string; readonly message: string }[];
  readonly superseded: readonly { readonly name: string; readonly keptName: string }[];
  readonly notes: readonly string[];
  /** Marks are checked against the tells once the fakes are made again; until then the figure is pending. */
  readonly localisation: 'pending' | 'done' | 'none';
  readonly anonymise: boolean;
  readonly projector: boolean;
  /** The case opened in the viewer with its tells drawn. */
  readonly shown: { readonly caseId: string; readonly truth: CaseTruth } | null;
  readonly lrsBusy: boolean;
  readonly lrsMessage: string | null;
}

export interface TrainingState {
  readonly setup: SetupState;
  readonly join: JoinView | null;
  readonly active: ActiveTraining | null;
  readonly dashboard: DashboardState;
}
