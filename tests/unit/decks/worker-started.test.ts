import { afterEach, describe, expect, it, vi } from 'vitest';
import { workerStarted } from '../../../src/decks/index.js';

/** A stand-in for a Worker: the page's first script only listens to it. */
const fakeWorker = (): EventTarget & Worker => new EventTarget() as EventTarget & Worker;
const settled = async (p: Promise<void>): Promise<boolean> => {
  let done = false;
  void p.then(() => { done = true; });
  await vi.advanceTimersByTimeAsync(0);
  return done;
};

describe('waiting for the case worker before loading the game (boot.ts)', () => {
  afterEach(() => vi.useRealTimers());

  it('goes on when the worker says it started, not on a case reply', async () => {
    vi.useFakeTimers();
    const w = fakeWorker();
    const p = workerStarted(w, 1500);
    w.dispatchEvent(new MessageEvent('message', { data: { requestId: 1, ok: false, error: 'x' } }));
    expect(await settled(p)).toBe(false);
    w.dispatchEvent(new MessageEvent('message', { data: { started: true, makingFirst: true } }));
    expect(await settled(p)).toBe(true);
  });

  it('goes on when the worker fails to load, or after the time allowed', async () => {
    vi.useFakeTimers();
    const failed = fakeWorker();
    const p1 = workerStarted(failed, 1500);
    failed.dispatchEvent(new Event('error'));
    expect(await settled(p1)).toBe(true);
    const silent = fakeWorker();
    const p2 = workerStarted(silent, 1500);
    await vi.advanceTimersByTimeAsync(1499);
    expect(await settled(p2)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(p2)).toBe(true);
  });
});
