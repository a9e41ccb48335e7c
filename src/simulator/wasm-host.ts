/**
 * The WebAssembly JS API as the simulator's kernels use it (tube-memory.ts, film-blur.ts, film-kernels.ts): Node and
 * every browser worker have it, but it is not part of the ECMAScript library the pure layers are typed against
 * (src/tsconfig.pure.json), nor is atob. Modules are compiled synchronously from the base64 that `npm run build:wasm`
 * writes: a few kilobytes, compiled in about a millisecond, with no fetch.
 */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
  readonly Memory: new (descriptor: { initial: number }) => WasmMemory;
}
const host = globalThis as unknown as { readonly WebAssembly: WasmApi; atob(b64: string): string };

export const WASM_PAGE = 65_536;

/** A module compiled from base64. */
function compileWasm(base64: string): object {
  return new host.WebAssembly.Module(Uint8Array.from(host.atob(base64), (c) => c.charCodeAt(0)));
}

/** A fresh, zeroed memory of at least `bytes`. */
export function wasmMemory(bytes: number): WasmMemory {
  return new host.WebAssembly.Memory({ initial: Math.ceil(bytes / WASM_PAGE) });
}

/** An instance of `module` working in `memory` (the modules import their memory as env.memory). */
function instantiate(module: object, memory: WasmMemory): Record<string, unknown> {
  return new host.WebAssembly.Instance(module, { env: { memory } }).exports;
}

const modules = new Map<string, object>();
const instances = new WeakMap<WasmMemory, Map<string, Record<string, unknown>>>();

/** The exports of the module in `base64` working in `memory`: compiled once, instantiated once per memory. */
export function kernelsIn<T>(base64: string, memory: WasmMemory): T {
  let byModule = instances.get(memory);
  if (!byModule) {
    byModule = new Map();
    instances.set(memory, byModule);
  }
  let exports = byModule.get(base64);
  if (!exports) {
    let module = modules.get(base64);
    if (!module) {
      module = compileWasm(base64);
      modules.set(base64, module);
    }
    exports = instantiate(module, memory);
    byModule.set(base64, exports);
  }
  return exports as unknown as T;
}
