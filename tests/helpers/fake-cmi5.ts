import type { LaunchParameters } from '@xapi/cmi5';

/**
 * A stand-in for @xapi/cmi5's client (vi.mock of '@xapi/cmi5/dist/Cmi5.esm.js'): it records the statements the
 * adapter sends and serves the state document, and each call can be made to fail.
 */
export interface FakeLrs {
  sent: { verb: string; arg?: unknown }[];
  state: unknown;
  launchData: { launchMode: 'Normal' | 'Browse' | 'Review'; masteryScore?: number; returnURL?: string; moveOn: string };
  /** Makes the next call of that name fail with this error. */
  failNext: Map<string, unknown>;
}

export const fakeLrs: FakeLrs = { sent: [], state: undefined, launchData: { launchMode: 'Normal', moveOn: 'CompletedAndPassed' }, failNext: new Map() };

export function resetFakeLrs(): void {
  fakeLrs.sent = [];
  fakeLrs.state = undefined;
  fakeLrs.launchData = { launchMode: 'Normal', moveOn: 'CompletedAndPassed' };
  fakeLrs.failNext = new Map();
}

export const httpError = (status: number): Error => Object.assign(new Error(`Request failed with status code ${status}`), { response: { status } });

async function call(verb: string, arg?: unknown): Promise<void> {
  const failure = fakeLrs.failNext.get(verb);
  if (failure !== undefined) {
    fakeLrs.failNext.delete(verb);
    throw failure;
  }
  fakeLrs.sent.push(arg === undefined ? { verb } : { verb, arg });
}

export class FakeCmi5 {
  constructor(readonly params: LaunchParameters) {}
  initialize = (o?: unknown) => call(o ? 'initialize(resumed)' : 'initialize');
  getAuthToken = () => 'token';
  getInitializedDate = () => new Date('2026-06-02T09:00:00Z');
  getLaunchData = () => fakeLrs.launchData;
  interaction = (test: string, question: string) => call('answered', `${test}/${question}`);
  progress = (percent: number) => call('progressed', percent);
  pass = (score: unknown) => call('passed', score);
  fail = (score: unknown) => call('failed', score);
  complete = () => call('completed');
  terminate = () => call('terminated');
  xapi = {
    getState: async () => {
      await call('getState');
      if (fakeLrs.state === undefined) throw httpError(404);
      return { data: fakeLrs.state };
    },
    setState: async (p: { state: unknown }) => {
      await call('setState');
      fakeLrs.state = JSON.parse(JSON.stringify(p.state));
    },
  };
}

export const LAUNCH: LaunchParameters = {
  endpoint: 'https://lrs.example/xapi/', fetch: 'https://lms.example/fetch/1', actor: { objectType: 'Agent', name: 'Doe, Jane', account: { homePage: 'https://lms.example', name: 'jd' } },
  registration: '6f1b7a3e-0000-4000-8000-000000000001', activityId: 'https://example.org/au/1',
} as LaunchParameters;
