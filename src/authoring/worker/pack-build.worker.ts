/**
 * Web Worker entry: builds or imports a case pack from files dropped on the page, with the same pipeline as the
 * command line. Inputs are read one at a time from the Blobs the page passed (never all at once); zips are opened
 * with the zip-slip and zip-bomb checks; the finished pack is posted back (transferred, not copied) for the page to
 * store. The wasm codecs are served by the game itself: nothing is fetched from anywhere else.
 */
import openjpegWasm from '@cornerstonejs/codec-openjpeg/decodewasm?url';
import charlsWasm from '@cornerstonejs/codec-charls/decodewasm?url';
import jpegWasm from '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasm?url';
import { buildPack, type PackInputs } from '../build/index.js';
import { createCodecSet } from '../ingest/codecs.js';
import { expandInputs } from '../pack-inputs.js';
import type { PackBuildReply, PackBuildRequest } from './pack-build-protocol.js';
import { TOOL_VERSION } from '../build/version.js';

interface WorkerScope {
  onmessage: ((e: MessageEvent<PackBuildRequest>) => void) | null;
  postMessage(message: PackBuildReply, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

const WASM: Readonly<Record<string, string>> = {
  'openjpegwasm_decode.wasm': openjpegWasm,
  'charlswasm_decode.wasm': charlsWasm,
  'libjpegturbowasm_decode.wasm': jpegWasm,
};
const codecs = createCodecSet({ locateWasm: (file) => WASM[file.split('/').pop() ?? file] ?? file });

scope.onmessage = (e) => {
  void run(e.data).catch((err: unknown) => {
    scope.postMessage({ type: 'failed', error: `The pack could not be built: ${(err as Error).message ?? String(err)}`, report: null }, []);
  });
};

async function run(req: PackBuildRequest): Promise<void> {
  const expanded = await expandInputs(req.items);
  const send = (path: string, bytes: Uint8Array): void => {
    // A view on a larger buffer is copied first, so only its own bytes are transferred.
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    scope.postMessage({ type: 'file', path, bytes: own }, [own.buffer as ArrayBuffer]);
  };
  if (expanded.kind === 'pack') {
    for (const [path, bytes] of expanded.files) send(path, bytes);
    scope.postMessage({ type: 'done', how: 'imported', manifest: expanded.manifest, report: null }, []);
    return;
  }
  const inputs: PackInputs = { paths: expanded.paths, read: expanded.read };
  const result = await buildPack(
    inputs,
    {
      ...req.options,
      ...(expanded.suggestedTitle ? { title: expanded.suggestedTitle } : {}),
      ...expanded.settings,
      // Leaks accepted on the packs screen (A) add to those pack.json accepts.
      acceptLeaks: [...new Set([...(expanded.settings.acceptLeaks ?? []), ...req.options.acceptLeaks])],
      id: req.options.id ?? expanded.settings.id ?? expanded.suggestedId,
      labels: expanded.labels,
      toolVersion: TOOL_VERSION,
    },
    {
      codecs,
      sink: { write: async (path, bytes) => send(path, bytes) },
      onProgress: (progress) => scope.postMessage({ type: 'progress', progress }, []),
      now: () => Date.now(),
    },
  );
  if (!result.ok) {
    scope.postMessage({ type: 'failed', error: result.error, report: result.report }, []);
    return;
  }
  scope.postMessage({ type: 'done', how: 'built', manifest: result.manifest, report: result.report }, []);
}
