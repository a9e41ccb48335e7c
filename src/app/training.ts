/**
 * Training sessions for a cohort (issue 14), as one port for the key map and the buttons: the instructor's setup,
 * a resident's join (link or bundle), the signed result file, the LRS queue, and the debrief dashboard. The parts
 * are in training-*.ts and dashboard-*.ts; this file routes intents and drops to them.
 */
import type { DroppedItem } from '../authoring/index.js';
import { BUNDLE_SESSION_PATH } from '../delivery/index.js';
import type { TrainingIntent, TrainingPort } from '../input/index.js';
import { openZip } from '../pack-format/index.js';
import { dashToggleWords } from '../presenters/index.js';
import { createDashboardActions } from './dashboard-actions.js';
import { readBlob, type PickPurpose, type TrainingDeps } from './training-deps.js';
import { createJoinActions } from './training-join.js';
import { createLrsLink } from './training-lrs.js';
import { createResultActions } from './training-results.js';
import { createSetupActions } from './training-setup.js';

export interface Training extends TrainingPort {
  /** After start-up (and on a new fragment): the session resumed, if a training one, and a join link's page. */
  afterStart(hash: string): Promise<void>;
  openFromHash(hash: string): Promise<void>;
  /** Takes a drop meant for training (result files on the dashboard, a session bundle); false leaves it to the packs. */
  routeDrop(items: readonly DroppedItem[]): Promise<boolean>;
  /** A training screen is on top, so a drop is welcome. */
  wantsDrop(): boolean;
  /** Files chosen in one of the training screens' file dialogs. */
  received(what: PickPurpose, items: readonly DroppedItem[]): Promise<void>;
  /** "Delete my data": reader keys, display names, the instructor key and the queue. */
  deleteAll(): Promise<void>;
}

export function createTraining(d: TrainingDeps, flush: () => Promise<void>, print: () => void): Training {
  const st = () => d.store.getState();
  const lrs = createLrsLink(d);
  const setup = createSetupActions(d);
  const results = createResultActions(d, flush);
  const join = createJoinActions(d, lrs, (id) => {
    const index = st().history.past.findIndex((p) => p.id === id);
    void results.saveResult(index >= 0 ? index : undefined);
  });
  const dash = createDashboardActions(d);

  const isBundle = async (item: DroppedItem): Promise<Uint8Array | null> => {
    if (!/\.zip$/i.test(item.path)) return null;
    const bytes = await readBlob(item);
    try {
      return openZip(bytes).names.includes(BUNDLE_SESSION_PATH) ? bytes : null;
    } catch {
      return null;
    }
  };

  const close = (): void => {
    const name = st().screen.name;
    if (name === 'session-join') st().setJoin(null);
    if (name === 'dashboard') st().patchDashboard({ shown: null });
    st().closeScreen();
  };

  const handle = (i: TrainingIntent): void => {
    const dash0 = st().training.dashboard;
    switch (i.kind) {
      case 'openSetup': return void setup.open();
      case 'openDashboard': return dash.open(st().screen.name === 'session-setup' ? setup.signed() : null);
      case 'close': return close();
      case 'setupField': return st().patchDraft({ [i.field]: i.value });
      case 'setupToggle': {
        const list = st().training.setup.draft[i.field];
        return st().patchDraft({ [i.field]: list.includes(i.value) ? list.filter((x) => x !== i.value) : [...list, i.value] });
      }
      case 'sign': return void setup.sign();
      case 'saveSession': return setup.saveSession();
      case 'saveBundle': return void setup.saveBundle();
      case 'saveQr': return setup.saveQr();
      case 'copyLink': return void setup.copyLink();
      case 'bigCode': return st().patchSetup({ bigCode: !st().training.setup.bigCode });
      case 'saveKey': return void setup.saveKey();
      case 'loadKey': return d.pick('key');
      case 'newKey': return void setup.newKey();
      case 'joinName': return st().patchJoin({ displayName: i.value, problem: null });
      case 'join': return void join.join();
      case 'pickBundle': return d.pick('bundle');
      case 'saveResult':
        if (st().screen.name === 'session-join' && ['done', 'stopped'].includes(st().training.join?.status ?? '')) return void join.join();
        return void results.saveResult(i.index);
      case 'retryLrs': return lrs.retry();
      case 'dashFiles': return d.pick('results');
      case 'dashFolder': return d.pick('results-folder');
      case 'dashNames':
        st().patchDashboard({ anonymise: !dash0.anonymise });
        return d.say(dashToggleWords('names', !dash0.anonymise));
      case 'dashProjector':
        st().patchDashboard({ projector: !dash0.projector });
        return d.say(dashToggleWords('projector', !dash0.projector));
      case 'dashPrint': return print();
      case 'dashExport': return dash.export(i.format);
      case 'dashShow': return void dash.show(i.caseId === dash0.shown?.caseId ? null : i.caseId);
      case 'dashClear': return dash.clear();
      case 'dashLrs': return void dash.readLrs(i.endpoint, i.credentials);
    }
  };

  return {
    handle,
    afterStart: async (hash) => {
      await join.restoreActive();
      void lrs.flushLeftovers();
      await join.openFromHash(hash);
    },
    openFromHash: (hash) => join.openFromHash(hash),
    routeDrop: async (items) => {
      if (st().screen.name === 'dashboard') {
        await dash.add(items);
        return true;
      }
      const bundle = items.length === 1 && items[0] ? await isBundle(items[0]) : null;
      if (bundle) await join.openBundle(bundle);
      return bundle !== null;
    },
    received: async (what, items) => {
      const [first] = items;
      if (what === 'results' || what === 'results-folder') return dash.add(items);
      if (!first) return;
      if (what === 'bundle') return join.openBundle(await readBlob(first));
      return setup.loadKey(first);
    },
    wantsDrop: () => ['dashboard', 'session-join'].includes(st().screen.name),
    deleteAll: async () => {
      lrs.stop();
      await d.repo.deleteAll();
      st().setActiveTraining(null);
    },
  };
}
