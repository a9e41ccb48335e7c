/**
 * The case-packs screen's state: the stored packs (summaries only: manifests and pixels stay in IndexedDB), the
 * highlighted row, a build in progress, and the last build's report lines.
 */
export interface PackListEntry {
  readonly id: string;
  readonly title: string;
  readonly author: string;
  readonly licence: string;
  readonly cases: number;
  readonly fakes: number;
  readonly flaggedCases: number;
  readonly reviewed: boolean;
}

export interface PackBuildStatus {
  readonly phase: string;
  readonly done: number;
  readonly total: number;
}

/** A dropped folder (or zip) whose images the instructor must label before a build (authoring's DropRoot). */
export interface PendingDropRoot {
  readonly name: string;
  readonly files: number;
  /** Files no real/ or synthetic/ folder name labels. */
  readonly unlabelled: number;
  readonly isZip: boolean;
}

/** What the packs panel asks before building from a drop: a label per unlabelled root, and the title. */
export interface PendingDrop {
  readonly roots: readonly PendingDropRoot[];
  readonly hasLabelsCsv: boolean;
  readonly hasPackJson: boolean;
  readonly titleSuggestion: string | null;
  readonly titleWarning: string | null;
  /** What the last answer lacked, in words. */
  readonly problem: string | null;
}

export interface PacksState {
  readonly list: readonly PackListEntry[];
  /** The highlighted row; 0 is the built-in demo deck, 1.. the stored packs. */
  readonly index: number;
  readonly busy: PackBuildStatus | null;
  readonly report: readonly string[] | null;
  readonly confirmDelete: boolean;
  /** After a failed leak audit: the properties the instructor may accept by building again (A). */
  readonly pendingLeaks: readonly string[] | null;
  /** A drop waiting for the instructor's answers (nothing has been read yet). */
  readonly pendingDrop: PendingDrop | null;
}

export interface PacksActions {
  /** Forgets the last build's report and pending leaks (when the packs screen closes). */
  clearPackReport(): void;
  setPackList(list: readonly PackListEntry[]): void;
  setPackIndex(i: number): void;
  setPackBusy(busy: PackBuildStatus | null): void;
  setPackReport(lines: readonly string[] | null): void;
  setPackConfirmDelete(on: boolean): void;
  setPendingLeaks(names: readonly string[] | null): void;
  setPendingDrop(drop: PendingDrop | null): void;
}

export const FRESH_PACKS: PacksState = { list: [], index: 0, busy: null, report: null, confirmDelete: false, pendingLeaks: null, pendingDrop: null };

export function packsActions(get: () => { packs: PacksState }, set: (p: { packs: PacksState }) => void): PacksActions {
  const patch = (p: Partial<PacksState>): void => set({ packs: { ...get().packs, ...p } });
  return {
    clearPackReport: () => patch({ confirmDelete: false, report: null, pendingLeaks: null, pendingDrop: null }),
    setPackList: (list) => patch({ list, index: Math.min(get().packs.index, list.length) }),
    setPackIndex: (i) => patch({ index: Math.max(0, Math.min(i, get().packs.list.length)), confirmDelete: false }),
    setPackBusy: (busy) => patch({ busy }),
    setPackReport: (report) => patch({ report }),
    setPackConfirmDelete: (confirmDelete) => patch({ confirmDelete }),
    setPendingLeaks: (pendingLeaks) => patch({ pendingLeaks }),
    setPendingDrop: (pendingDrop) => patch({ pendingDrop }),
  };
}
