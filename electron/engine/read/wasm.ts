/**
 * Instantiating the engine's WebAssembly modules (compiled in by `npm run build:wasm`). Node's type
 * definitions do not declare the WebAssembly global, so the part used here is spelled out.
 */
interface WasmRuntime {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}

/** The module's exports, or null where this runtime cannot run it (no WebAssembly, or no SIMD). */
export function instantiate<Exports>(base64: string): Exports | null {
  const runtime = (globalThis as { WebAssembly?: WasmRuntime }).WebAssembly;
  const bytes = Buffer.from(base64, 'base64');
  if (!runtime?.validate(bytes)) return null;
  return new runtime.Instance(new runtime.Module(bytes)).exports as Exports;
}
