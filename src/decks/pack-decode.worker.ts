import { decodeServedPng } from '../pack-format/index.js';
import type { PackDecodeReply, PackDecodeRequest } from './pack-decode.js';

/** Web Worker entry: decodes a case pack's served PNGs off the page's thread (pack-decode.ts says why). */
interface WorkerScope {
  onmessage: ((e: MessageEvent<PackDecodeRequest>) => void) | null;
  postMessage(message: PackDecodeReply, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const { requestId, bytes, bitsStored } = e.data;
  try {
    const image = decodeServedPng(bytes, bitsStored);
    scope.postMessage({ requestId, ok: true, image }, [image.data.buffer as ArrayBuffer]);
  } catch (err) {
    scope.postMessage({ requestId, ok: false, error: (err as Error).message }, []);
  }
};
