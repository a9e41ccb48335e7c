import type { GrayImage } from '../imaging/index.js';

/**
 * Decoding a pack's served PNGs. In the browser it runs in workers: inflating and unfiltering a large 16-bit PNG is a
 * long task, and the next case is prepared while the reader is reading this one, so on the page's thread every
 * prepared case would freeze the viewer (a window/level drag, the countdown). Two workers let a forged case's image
 * and its original decode side by side. Node code decodes on its own thread (pack-decode-inline.ts); the page's
 * code never imports that, so it cannot decode a served PNG on the page's thread by mistake.
 */
export interface PackImageDecoder {
  decode(bytes: Uint8Array, bitsStored: number): Promise<GrayImage>;
  dispose(): void;
}

export interface PackDecodeRequest {
  readonly requestId: number;
  readonly bytes: Uint8Array;
  readonly bitsStored: number;
}

export type PackDecodeReply =
  | { readonly requestId: number; readonly ok: true; readonly image: GrayImage }
  | { readonly requestId: number; readonly ok: false; readonly error: string };

interface Slot {
  readonly worker: Worker;
  busy: number;
}

/** Up to `size` module workers, started at the first image asked for (a demo-only session never starts one). */
export function createWorkerPackDecoder(size = 2): PackImageDecoder {
  let nextId = 1;
  const slots: Slot[] = [];
  const pending = new Map<number, { resolve: (g: GrayImage) => void; reject: (e: Error) => void; slot: Slot }>();
  const start = (): Slot => {
    const worker = new Worker(new URL('./pack-decode.worker.ts', import.meta.url), { type: 'module', name: 'pack-images' });
    const slot: Slot = { worker, busy: 0 };
    worker.onmessage = (e: MessageEvent<PackDecodeReply>) => {
      const p = pending.get(e.data.requestId);
      if (!p) return;
      pending.delete(e.data.requestId);
      p.slot.busy--;
      if (e.data.ok) p.resolve(e.data.image);
      else p.reject(new Error(e.data.error));
    };
    worker.onmessageerror = () => fail(slot, 'a decoded image could not be received');
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      fail(slot, e.message || 'worker error');
    };
    slots.push(slot);
    return slot;
  };
  /** A worker that stopped or garbled a reply: its images fail with the reason, and the next image starts a new one. */
  const fail = (slot: Slot, why: string): void => {
    for (const [id, p] of pending) {
      if (p.slot !== slot) continue;
      pending.delete(id);
      p.reject(new Error(`The pack image decoder stopped (${why}). Reload the page to try again.`));
    }
    slot.busy = 0;
    slot.worker.terminate();
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
  };
  const pick = (): Slot => {
    const idle = slots.find((s) => s.busy === 0);
    if (idle) return idle;
    if (slots.length < size) return start();
    return slots.reduce((a, b) => (b.busy < a.busy ? b : a));
  };
  return {
    decode: (bytes, bitsStored) =>
      new Promise<GrayImage>((resolve, reject) => {
        const slot = pick();
        const requestId = nextId++;
        // Copied, not transferred: the bytes may belong to the pack reader's own buffers.
        const msg: PackDecodeRequest = { requestId, bytes, bitsStored };
        try {
          slot.worker.postMessage(msg);
        } catch (err) {
          reject(new Error(`The pack image could not be handed to its decoder: ${(err as Error).message}`));
          return;
        }
        slot.busy++;
        pending.set(requestId, { resolve, reject, slot });
      }),
    dispose: () => {
      for (const s of slots) s.worker.terminate();
      slots.length = 0;
      for (const p of pending.values()) p.reject(new Error('The pack image decoder was closed.'));
      pending.clear();
    },
  };
}
