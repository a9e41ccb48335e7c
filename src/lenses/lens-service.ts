import type { GrayImage } from '../imaging/index.js';
import type { LensReply, LensRequest } from './lens-worker-protocol.js';

/**
 * Forensic lens images, computed in a worker and kept for the few most recent views, so toggling a lens back and
 * forth or flickering is instant. Keyed by the image id the viewer asks for.
 */
export interface LensService {
  lens(key: string, lensId: string, source: () => Promise<GrayImage>): Promise<GrayImage>;
  dispose(): void;
}

export function createWorkerLensService(capacity = 6): LensService {
  // Started at the first lens asked for, not with the page: its code (about 90 KB gzip) and its start would compete
  // with the first case for the network and the cores.
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (g: GrayImage) => void; reject: (e: Error) => void }>();
  const cache = new Map<string, Promise<GrayImage>>();
  const start = (): Worker => {
    const w = new Worker(new URL('./lens.worker.ts', import.meta.url), { type: 'module', name: 'lenses' });
    w.onmessage = (e: MessageEvent<LensReply>) => {
      const p = pending.get(e.data.requestId);
      if (!p) return;
      pending.delete(e.data.requestId);
      if (e.data.ok) p.resolve(e.data.image);
      else p.reject(new Error(e.data.error));
    };
    w.onerror = (e: ErrorEvent) => {
      for (const p of pending.values()) p.reject(new Error(`The lens worker stopped (${e.message || 'error'}). Reload to try again.`));
      pending.clear();
    };
    return w;
  };
  const compute = (lensId: string, image: GrayImage): Promise<GrayImage> =>
    new Promise((resolve, reject) => {
      const requestId = nextId++;
      pending.set(requestId, { resolve, reject });
      // Copied, not transferred: the case image stays on screen and in the case library.
      const msg: LensRequest = { requestId, lensId, image };
      worker ??= start();
      worker.postMessage(msg);
    });
  return {
    lens: (key, lensId, source) => {
      const hit = cache.get(key);
      if (hit) return hit;
      const p = source().then((img) => compute(lensId, img));
      p.catch(() => cache.delete(key));
      cache.set(key, p);
      while (cache.size > capacity) cache.delete(cache.keys().next().value as string);
      return p;
    },
    dispose: () => {
      worker?.terminate();
      worker = null;
      cache.clear();
    },
  };
}
