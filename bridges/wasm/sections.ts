/**
 * Minimal reader for the core WebAssembly binary format: just enough to find sections,
 * memory limits, import descriptors and function types. It does not validate a module;
 * callers validate with `new WebAssembly.Module(bytes)` first and use this for the details
 * the JS API does not expose.
 *
 *   readSections(bytes)            -> Section[]          every section with its byte range (custom ones named)
 *   readLimits(bytes, pos)         -> Read<Limits>       memory limits (flags 0..7: max, shared, memory64)
 *   encodeLimits(limits)           -> number[]
 *   readMemorySection(bytes, sec)  -> Limits[]           limits of the module's own (defined) memories
 *   readImportSection(bytes, sec)  -> ImportDesc[]       kind + type index (func) / limits (memory)
 *   readTypeSection(bytes, sec)    -> FuncType[] | null  null when the section uses GC-proposal forms
 *   readExportSection(bytes, sec)  -> ExportEntry[]       name, kind byte, index
 *
 * Everything throws WasmParseError on malformed input.
 */
import { type Read, WasmParseError, encodeU32, encodeU64, readU32, readU64 } from "./leb128.ts";

export { WasmParseError };

export const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

export const SectionId = {
  custom: 0,
  type: 1,
  import: 2,
  function: 3,
  table: 4,
  memory: 5,
  global: 6,
  export: 7,
  start: 8,
  element: 9,
  code: 10,
  data: 11,
  dataCount: 12,
  tag: 13,
} as const;

export interface Section {
  id: number;
  /** offset of the section id byte */
  start: number;
  /** offset of the first content byte (after id and size) */
  contentStart: number;
  /** offset just past the section */
  end: number;
  /** name of a custom section (id 0) */
  name?: string;
}

export interface Limits {
  min: number;
  max: number | null;
  shared: boolean;
  memory64: boolean;
}

export type ImportDesc =
  | { kind: "function"; typeIndex: number }
  | { kind: "table" }
  | { kind: "memory"; limits: Limits }
  | { kind: "global" }
  | { kind: "tag"; typeIndex: number };

export interface ImportEntry {
  module: string;
  name: string;
  desc: ImportDesc;
}

export interface FuncType {
  params: string[];
  results: string[];
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

export function readName(bytes: Uint8Array, pos: number): Read<string> {
  const len = readU32(bytes, pos);
  const end = len.next + len.value;
  if (end > bytes.length) throw new WasmParseError("name runs past end", pos);
  try {
    return { value: utf8.decode(bytes.subarray(len.next, end)), next: end };
  } catch {
    throw new WasmParseError("name is not valid UTF-8", pos);
  }
}

/** True when the bytes start with the wasm magic number. */
export function hasWasmMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && WASM_MAGIC.every((b, i) => bytes[i] === b);
}

/** Header version field: 1 for a core module; 0x0001000d for a component. */
export function headerVersion(bytes: Uint8Array): number | null {
  if (!hasWasmMagic(bytes) || bytes.length < 8) return null;
  return (bytes[4] | (bytes[5] << 8) | (bytes[6] << 16) | (bytes[7] << 24)) >>> 0;
}

export function readSections(bytes: Uint8Array): Section[] {
  if (!hasWasmMagic(bytes)) throw new WasmParseError("missing wasm magic number", 0);
  if (headerVersion(bytes) !== 1) throw new WasmParseError("not a core wasm module (version != 1)", 4);
  const sections: Section[] = [];
  let pos = 8;
  while (pos < bytes.length) {
    const start = pos;
    const id = bytes[pos];
    const size = readU32(bytes, pos + 1);
    const contentStart = size.next;
    const end = contentStart + size.value;
    if (end > bytes.length) throw new WasmParseError(`section ${id} runs past end of module`, start);
    const section: Section = { id, start, contentStart, end };
    if (id === SectionId.custom) section.name = readName(bytes, contentStart).value;
    sections.push(section);
    pos = end;
  }
  return sections;
}

export function readLimits(bytes: Uint8Array, pos: number): Read<Limits> {
  if (pos >= bytes.length) throw new WasmParseError("unexpected end of limits", pos);
  const flags = bytes[pos];
  if (flags > 0x07) throw new WasmParseError(`unsupported limits flags 0x${flags.toString(16)}`, pos);
  const memory64 = (flags & 0x04) !== 0;
  const read = memory64 ? readU64 : readU32;
  const min = read(bytes, pos + 1);
  let next = min.next;
  let max: number | null = null;
  if (flags & 0x01) {
    const m = read(bytes, next);
    max = m.value;
    next = m.next;
  }
  return { value: { min: min.value, max, shared: (flags & 0x02) !== 0, memory64 }, next };
}

export function encodeLimits(limits: Limits): number[] {
  const flags = (limits.max !== null ? 0x01 : 0) | (limits.shared ? 0x02 : 0) | (limits.memory64 ? 0x04 : 0);
  const enc = limits.memory64 ? encodeU64 : encodeU32;
  const out = [flags, ...enc(limits.min)];
  if (limits.max !== null) out.push(...enc(limits.max));
  return out;
}

export function readMemorySection(bytes: Uint8Array, section: Section): Limits[] {
  let pos = section.contentStart;
  const count = readU32(bytes, pos);
  pos = count.next;
  const out: Limits[] = [];
  for (let i = 0; i < count.value; i++) {
    const l = readLimits(bytes, pos);
    out.push(l.value);
    pos = l.next;
  }
  if (pos !== section.end) throw new WasmParseError("memory section size mismatch", section.start);
  return out;
}

const VALTYPES = new Map<number, string>([
  [0x7f, "i32"],
  [0x7e, "i64"],
  [0x7d, "f32"],
  [0x7c, "f64"],
  [0x7b, "v128"],
  [0x70, "funcref"],
  [0x6f, "externref"],
]);

/** Skip a table type: single-byte reftype + limits (GC-style reftypes are not supported). */
function skipTableType(bytes: Uint8Array, pos: number): number {
  const ref = bytes[pos];
  if (ref !== 0x70 && ref !== 0x6f) throw new WasmParseError("unsupported table reftype", pos);
  return readLimits(bytes, pos + 1).next;
}

export function readImportSection(bytes: Uint8Array, section: Section): ImportEntry[] {
  let pos = section.contentStart;
  const count = readU32(bytes, pos);
  pos = count.next;
  const out: ImportEntry[] = [];
  for (let i = 0; i < count.value; i++) {
    const mod = readName(bytes, pos);
    const name = readName(bytes, mod.next);
    pos = name.next;
    const kind = bytes[pos++];
    let desc: ImportDesc;
    switch (kind) {
      case 0x00: {
        const t = readU32(bytes, pos);
        desc = { kind: "function", typeIndex: t.value };
        pos = t.next;
        break;
      }
      case 0x01:
        pos = skipTableType(bytes, pos);
        desc = { kind: "table" };
        break;
      case 0x02: {
        const l = readLimits(bytes, pos);
        desc = { kind: "memory", limits: l.value };
        pos = l.next;
        break;
      }
      case 0x03:
        if (!VALTYPES.has(bytes[pos])) throw new WasmParseError("unsupported global type", pos);
        pos += 2; // valtype + mutability
        desc = { kind: "global" };
        break;
      case 0x04: {
        const t = readU32(bytes, pos + 1); // attribute byte, then type index
        desc = { kind: "tag", typeIndex: t.value };
        pos = t.next;
        break;
      }
      default:
        throw new WasmParseError(`unknown import kind 0x${kind?.toString(16)}`, pos - 1);
    }
    out.push({ module: mod.value, name: name.value, desc });
  }
  if (pos !== section.end) throw new WasmParseError("import section size mismatch", section.start);
  return out;
}

export function readTypeSection(bytes: Uint8Array, section: Section): FuncType[] | null {
  let pos = section.contentStart;
  const count = readU32(bytes, pos);
  pos = count.next;
  const out: FuncType[] = [];
  const readVec = (): string[] | null => {
    const n = readU32(bytes, pos);
    pos = n.next;
    const types: string[] = [];
    for (let j = 0; j < n.value; j++) {
      const t = VALTYPES.get(bytes[pos++]);
      if (t === undefined) return null;
      types.push(t);
    }
    return types;
  };
  for (let i = 0; i < count.value; i++) {
    if (bytes[pos++] !== 0x60) return null; // rec / sub / struct / array (GC proposal)
    const params = readVec();
    if (params === null) return null;
    const results = readVec();
    if (results === null) return null;
    out.push({ params, results });
  }
  return out;
}

export interface ExportEntry {
  name: string;
  /** 0 function, 1 table, 2 memory, 3 global, 4 tag */
  kind: number;
  index: number;
}

export function readExportSection(bytes: Uint8Array, section: Section): ExportEntry[] {
  let pos = section.contentStart;
  const count = readU32(bytes, pos);
  pos = count.next;
  const out: ExportEntry[] = [];
  for (let i = 0; i < count.value; i++) {
    const name = readName(bytes, pos);
    const kind = bytes[name.next];
    const index = readU32(bytes, name.next + 1);
    out.push({ name: name.value, kind, index: index.value });
    pos = index.next;
  }
  if (pos !== section.end) throw new WasmParseError("export section size mismatch", section.start);
  return out;
}
