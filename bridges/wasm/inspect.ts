/**
 * Validation and inspection of core wasm modules.
 *
 *   validateWasm(bytes) -> { valid: true } | { valid: false; error: string; hint?: string }
 *     `error` is the engine's own message from `new WebAssembly.Module(bytes as BufferSource)` (V8's CompileError text),
 *     for any input: a .py file, random bytes, a truncated module. `hint` is added for inputs that are
 *     recognisably something else (a WebAssembly component, empty input).
 *   wasmInfo(bytes) -> WasmInfo
 *     Throws WebAssembly.CompileError on invalid input (validate first for a message).
 *     imports/exports come from WebAssembly.Module.imports/exports; memory limits, function signatures
 *     and custom section names from the small section reader in sections.ts.
 *
 * WASI classification: `wasi.kind` is 'command' when the module exports a `_start` function,
 * 'reactor' when it has no `_start` but exports `_initialize` or imports WASI functions, else null.
 * `wasi.version` is 'preview1' for `wasi_snapshot_preview1` imports ('unstable' for the old
 * `wasi_unstable` name), null when there are none. `wasi.functions` lists the imported WASI functions.
 */
import { WASM_PAGE_BYTES } from "./memory-cap.ts";
import {
  type FuncType,
  type ImportEntry,
  type Limits,
  SectionId,
  headerVersion,
  readExportSection,
  readImportSection,
  readMemorySection,
  readSections,
  readTypeSection,
} from "./sections.ts";

export type ValidateResult = { valid: true } | { valid: false; error: string; hint?: string };

export type ExternKind = "function" | "table" | "memory" | "global" | "tag";

export interface ImportInfo {
  module: string;
  name: string;
  kind: ExternKind;
  /** function imports only, when the type section is plain (no GC-proposal types) */
  signature?: FuncType;
}

export interface ExportInfo {
  name: string;
  kind: ExternKind;
}

export interface MemoryInfo {
  /** index in the memory index space (imports first) */
  index: number;
  imported: boolean;
  /** for an imported memory: where it comes from */
  import?: { module: string; name: string };
  exportedAs: string[];
  initialPages: number;
  maximumPages: number | null;
  initialBytes: number;
  maximumBytes: number | null;
  shared: boolean;
  memory64: boolean;
}

export interface WasmInfo {
  size: number;
  imports: ImportInfo[];
  exports: ExportInfo[];
  /** memory 0, or null when the module has no memory */
  memory: MemoryInfo | null;
  memories: MemoryInfo[];
  customSections: string[];
  wasi: {
    kind: "command" | "reactor" | null;
    version: "preview1" | "unstable" | null;
    functions: string[];
  };
}

const COMPONENT_VERSION = 0x0001000d;

export function validateWasm(bytes: Uint8Array): ValidateResult {
  try {
    new WebAssembly.Module(bytes as BufferSource);
    return { valid: true };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    if (bytes.length === 0) return { valid: false, error, hint: "the input is empty" };
    if (headerVersion(bytes) === COMPONENT_VERSION) {
      return { valid: false, error, hint: "this is a WebAssembly component (WASI 0.2), not a core module" };
    }
    return { valid: false, error };
  }
}

/** "(i32, i32) -> i32" */
export function formatSignature(sig: FuncType): string {
  const results = sig.results.length === 0 ? "()" : sig.results.length === 1 ? sig.results[0] : `(${sig.results.join(", ")})`;
  return `(${sig.params.join(", ")}) -> ${results}`;
}

export function wasmInfo(bytes: Uint8Array): WasmInfo {
  const module = new WebAssembly.Module(bytes as BufferSource);
  const apiImports = WebAssembly.Module.imports(module);
  const apiExports = WebAssembly.Module.exports(module);
  const sections = readSections(bytes);

  // Details the JS API does not give: best effort for signatures, required for memory limits.
  const typeSec = sections.find((s) => s.id === SectionId.type);
  const importSec = sections.find((s) => s.id === SectionId.import);
  const memorySec = sections.find((s) => s.id === SectionId.memory);
  const types = typeSec ? readTypeSection(bytes, typeSec) : [];
  const parsedImports: ImportEntry[] = importSec ? readImportSection(bytes, importSec) : [];

  const imports: ImportInfo[] = apiImports.map((imp, i) => {
    const info: ImportInfo = { module: imp.module, name: imp.name, kind: imp.kind as ExternKind };
    const desc = parsedImports[i]?.desc;
    if (desc?.kind === "function" && types && types[desc.typeIndex]) info.signature = types[desc.typeIndex];
    return info;
  });
  const exports: ExportInfo[] = apiExports.map((e) => ({ name: e.name, kind: e.kind as ExternKind }));

  const exportSec = sections.find((s) => s.id === SectionId.export);
  const memoryExports = new Map<number, string[]>();
  for (const e of exportSec ? readExportSection(bytes, exportSec) : []) {
    if (e.kind === 0x02) memoryExports.set(e.index, [...(memoryExports.get(e.index) ?? []), e.name]);
  }

  const memLimits: { limits: Limits; import?: { module: string; name: string } }[] = [];
  for (const imp of parsedImports) {
    if (imp.desc.kind === "memory") memLimits.push({ limits: imp.desc.limits, import: { module: imp.module, name: imp.name } });
  }
  if (memorySec) for (const limits of readMemorySection(bytes, memorySec)) memLimits.push({ limits });

  const memories: MemoryInfo[] = memLimits.map((m, index) => ({
    index,
    imported: m.import !== undefined,
    ...(m.import ? { import: m.import } : {}),
    exportedAs: memoryExports.get(index) ?? [],
    initialPages: m.limits.min,
    maximumPages: m.limits.max,
    initialBytes: m.limits.min * WASM_PAGE_BYTES,
    maximumBytes: m.limits.max === null ? null : m.limits.max * WASM_PAGE_BYTES,
    shared: m.limits.shared,
    memory64: m.limits.memory64,
  }));

  const wasiPreview1 = imports.filter((i) => i.module === "wasi_snapshot_preview1");
  const wasiUnstable = imports.filter((i) => i.module === "wasi_unstable");
  const wasiImports = wasiPreview1.length ? wasiPreview1 : wasiUnstable;
  const hasStart = exports.some((e) => e.name === "_start" && e.kind === "function");
  const hasInitialize = exports.some((e) => e.name === "_initialize" && e.kind === "function");
  const kind = hasStart ? "command" : hasInitialize || wasiImports.length ? "reactor" : null;

  return {
    size: bytes.length,
    imports,
    exports,
    memory: memories[0] ?? null,
    memories,
    customSections: sections.filter((s) => s.id === SectionId.custom).map((s) => s.name ?? ""),
    wasi: {
      kind,
      version: wasiPreview1.length ? "preview1" : wasiUnstable.length ? "unstable" : null,
      functions: wasiImports.map((i) => i.name),
    },
  };
}
