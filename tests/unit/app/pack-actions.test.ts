/**
 * The packs screen's use cases without a browser: what the panel is told to ask, the choices reaching the build
 * worker (and kept for a rebuild that accepts leaks), and an export streamed file by file from storage.
 */
import { describe, expect, it } from 'vitest';
import { createPackActions } from '../../../src/app/pack-actions.js';
import { createGameStore } from '../../../src/store/index.js';
import { readPack, unzipPack, type PackManifest } from '../../../src/pack-format/index.js';
import { auditLeaks, PROPERTY_NAMES, type BuildReport, type PackBuildRequest, type PropertyVector } from '../../../src/authoring/index.js';
import type { PackRepository } from '../../../src/persistence/index.js';
import type { CaseLibrary } from '../../../src/decks/index.js';
import { validPackFiles } from '../pack-format/fixtures.js';

const item = (path: string) => ({ path, blob: new Blob([new Uint8Array(8)]) });

/** A build report whose leak audit fails on the mean brightness alone. */
function leakyReport(): BuildReport {
  const row = (isFake: boolean, mean: number) => ({ isFake, properties: Object.fromEntries(PROPERTY_NAMES.map((n) => [n, n === 'mean' ? mean : 1])) as PropertyVector });
  const leakAudit = auditLeaks([row(false, 1), row(false, 2), row(true, 9), row(true, 8)], { threshold: 0.75 });
  return {
    packId: 'p', inputs: 4, bad: [], skipped: [], included: { authentic: 2, synthetic: 2, forged: 0 }, policy: { size: 256, bits: 8, bitsReason: '' },
    flagged: [], reviewed: false, stripped: [], deidentifiedFiles: 0, provenance: [], warnings: [], leakAudit, seconds: 1,
  };
}

function setup() {
  const files = validPackFiles();
  const manifest = readPack(files);
  const reads: string[] = [];
  const repo = {
    list: async () => [{ id: manifest.id, title: manifest.title, author: '', licence: '', cases: 3, fakes: 2, flaggedCases: 1, reviewed: false, storedAt: 0, bytes: 0 }],
    manifest: async () => manifest,
    file: async (_id: string, path: string) => (reads.push(path), files.get(path) as Uint8Array),
    files: async () => {
      throw new Error('export must not load the whole pack');
    },
    stageFile: async () => undefined,
    commitStaged: async () => undefined,
    discardStaged: async () => undefined,
  } as unknown as PackRepository;
  const requests: PackBuildRequest[] = [];
  const downloads: { name: string; data: unknown }[] = [];
  const store = createGameStore({ now: () => 0 });
  const actions = createPackActions({
    store, repo, library: {} as CaseLibrary, say: () => undefined, now: () => 0, startDemo: () => undefined, pick: () => undefined,
    download: (name, data) => downloads.push({ name, data }),
    runBuild: async (req) => {
      requests.push(req);
      return { type: 'failed', error: 'The leak audit failed: mean (AUC 1.00) ... with --accept-leak mean.', report: leakyReport() };
    },
  });
  return { actions, store, requests, downloads, reads, manifest: manifest as PackManifest };
}

describe('the packs screen', () => {
  it('tells the panel what to ask about a plain department folder', async () => {
    const { actions, store } = setup();
    await actions.importItems([item('Smith J 2026-03/a.dcm'), item('Smith J 2026-03/b.dcm')]);
    const s = store.getState().packs.pendingDrop as NonNullable<ReturnType<typeof store.getState>['packs']['pendingDrop']>;
    expect(s.roots).toEqual([{ name: 'Smith J 2026-03', files: 2, unlabelled: 2, isZip: false }]);
    expect(s.titleSuggestion).toBe('Smith J 2026-03');
    expect(s.titleWarning).toMatch(/patient/);
  });

  it('passes the choices to the build, never a folder name as title unasked, and keeps them for a rebuild that accepts a leak', async () => {
    const { actions, store, requests } = setup();
    store.getState().openScreen('packs');
    // A plain folder dropped: nothing is built (or read) until the panel has asked.
    await actions.importItems([item('dept/a.dcm')]);
    expect(requests).toHaveLength(0);
    expect(store.getState().packs.pendingDrop).toMatchObject({ roots: [{ name: 'dept', unlabelled: 1 }], titleSuggestion: 'dept', problem: null });
    actions.answerDrop({ title: '', labels: { dept: '' } });
    expect(store.getState().packs.pendingDrop?.problem).toMatch(/Say what the 1 image in "dept" is/);
    expect(requests).toHaveLength(0);
    // Answered without a title: the folder's name is not used.
    actions.answerDrop({ title: '  ', labels: { dept: 'synthetic' } });
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().packs.pendingDrop).toBeNull();
    expect(requests[0]?.choices).toEqual({ title: null, rootLabels: { dept: 'synthetic' } });
    const choices = { title: 'Chest week 3', rootLabels: { dept: 'real' as const } };
    await actions.importItems([item('dept/a.dcm')], choices);
    expect(requests[1]?.choices).toEqual(choices);
    expect(store.getState().packs.pendingLeaks).toEqual(['mean']);
    actions.acceptLeaksAndRebuild();
    await new Promise((r) => setTimeout(r, 0));
    expect(requests[2]?.choices).toEqual(choices);
    expect(requests[2]?.options.acceptLeaks).toEqual(['mean']);
  });

  it('asks nothing of an existing pack dropped for import, and cancelling a question reads nothing', async () => {
    const { actions, store, requests } = setup();
    await actions.importItems([item('chest-pack/manifest.json'), item('chest-pack/cases/c1.png')]);
    expect(store.getState().packs.pendingDrop).toBeNull();
    expect(requests).toHaveLength(1);
    await actions.importItems([item('Smith J 2026-03/a.dcm')]);
    expect(store.getState().packs.pendingDrop?.titleWarning).toMatch(/patient/);
    actions.cancelDrop();
    expect(store.getState().packs.pendingDrop).toBeNull();
    expect(requests).toHaveLength(1);
  });

  it('exports a stored pack as a zip streamed file by file into the download', async () => {
    const { actions, store, downloads, reads, manifest } = setup();
    await actions.refresh();
    await new Promise((r) => setTimeout(r, 0));
    store.getState().setPackIndex(1);
    actions.exportSelected();
    await new Promise((r) => setTimeout(r, 10));
    expect(downloads).toHaveLength(1);
    const parts = downloads[0]?.data as Uint8Array[];
    expect(parts.length).toBeGreaterThan(1);
    const zip = new Uint8Array(await new Blob(parts as BlobPart[]).arrayBuffer());
    expect(readPack(unzipPack(zip)).id).toBe(manifest.id);
    expect(reads[0]).toBe('manifest.json');
  });
});
