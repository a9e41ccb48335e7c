import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWorkerPackDecoder } from '../../../src/decks/index.js';
import type { PackDecodeReply, PackDecodeRequest } from '../../../src/decks/pack-decode.js';
import { createGrayImage } from '../../../src/imaging/index.js';

/** A stand-in for the browser's Worker: records what it is sent and lets the test answer, fail or garble replies. */
class FakeWorker {
  static made: FakeWorker[] = [];
  sent: PackDecodeRequest[] = [];
  terminated = false;
  refuse = false;
  onmessage: ((e: { data: PackDecodeReply }) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  onerror: ((e: { message: string; preventDefault(): void }) => void) | null = null;
  constructor(readonly url: URL) {
    FakeWorker.made.push(this);
  }
  postMessage(msg: PackDecodeRequest): void {
    if (this.refuse) throw new Error('could not be cloned');
    this.sent.push(msg);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(i: number, width = 4): void {
    const { requestId } = this.sent[i] as PackDecodeRequest;
    this.onmessage?.({ data: { requestId, ok: true, image: createGrayImage(width, 2, 12) } });
  }
}

const bytes = (n: number): Uint8Array => new Uint8Array([n]);

describe('the pack image decoder workers', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeWorker.made = [];
  });

  it('starts a worker only when an image is asked for, at most two, and answers each request with its own image', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const decoder = createWorkerPackDecoder(2);
    expect(FakeWorker.made).toHaveLength(0);
    const a = decoder.decode(bytes(1), 12);
    const b = decoder.decode(bytes(2), 12);
    const c = decoder.decode(bytes(3), 12);
    expect(FakeWorker.made).toHaveLength(2);
    expect(String(FakeWorker.made[0]?.url)).toMatch(/pack-decode\.worker\.ts$/);
    const [w1, w2] = FakeWorker.made as [FakeWorker, FakeWorker];
    expect(w1.sent.map((m) => m.bytes[0])).toEqual([1, 3]);
    expect(w2.sent.map((m) => m.bytes[0])).toEqual([2]);
    w2.answer(0, 8);
    w1.answer(1, 6);
    w1.onmessage?.({ data: { requestId: w1.sent[0]?.requestId as number, ok: false, error: 'not a PNG' } });
    expect((await b).width).toBe(8);
    expect((await c).width).toBe(6);
    await expect(a).rejects.toThrow('not a PNG');
  });

  it('fails the images of a worker that stops, with what to do, and starts a new worker for the next image', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const decoder = createWorkerPackDecoder(2);
    const a = decoder.decode(bytes(1), 12);
    const b = decoder.decode(bytes(2), 12);
    const [w1, w2] = FakeWorker.made as [FakeWorker, FakeWorker];
    w1.onerror?.({ message: 'script error', preventDefault: () => undefined });
    await expect(a).rejects.toThrow(/The pack image decoder stopped \(script error\)\. Reload the page/);
    expect(w1.terminated).toBe(true);
    // A second report from the same worker changes nothing for the others.
    w1.onerror?.({ message: 'again', preventDefault: () => undefined });
    w2.onmessageerror?.();
    await expect(b).rejects.toThrow(/could not be received/);
    const c = decoder.decode(bytes(3), 12);
    expect(FakeWorker.made).toHaveLength(3);
    FakeWorker.made[2]?.answer(0);
    expect((await c).width).toBe(4);
    decoder.dispose();
    expect(FakeWorker.made[2]?.terminated).toBe(true);
  });

  it('rejects what is waiting when disposed, and an image it cannot hand over without keeping the worker busy', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const decoder = createWorkerPackDecoder(1);
    const a = decoder.decode(bytes(1), 12);
    const w = FakeWorker.made[0] as FakeWorker;
    w.answer(0);
    await a;
    w.refuse = true;
    await expect(decoder.decode(bytes(2), 12)).rejects.toThrow(/could not be handed to its decoder: could not be cloned/);
    w.refuse = false;
    const b = decoder.decode(bytes(3), 12);
    expect(FakeWorker.made).toHaveLength(1);
    expect(w.sent).toHaveLength(2);
    decoder.dispose();
    expect(w.terminated).toBe(true);
    await expect(b).rejects.toThrow('The pack image decoder was closed.');
  });
});
