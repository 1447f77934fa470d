/**
 * A tiny hand-assembler for core wasm modules, so tests (and tools) can build real modules
 * without a compiler. It encodes exactly what it is given; `new WebAssembly.Module` validates.
 *
 *   assemble(spec: ModuleSpec) -> Uint8Array
 *   op.*                          instruction byte helpers (i32Const, call, br, ...), bodies are number[]
 *
 * Spec fields: types (func signatures), imports (functions or a memory), functions (type index,
 * locals, body WITHOUT the final `end`), memory (one defined memory), exports, data segments
 * (active, memory 0, i32 offset), custom sections (emitted last).
 */
import { encodeS32, encodeU32 } from "./leb128.ts";
import { encodeLimits } from "./sections.ts";

export type ValType = "i32" | "i64" | "f32" | "f64";
const VAL: Record<ValType, number> = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c };

export interface ModuleSpec {
  types: { params: ValType[]; results: ValType[] }[];
  imports?: (
    | { module: string; name: string; kind: "function"; type: number }
    | { module: string; name: string; kind: "memory"; min: number; max?: number }
  )[];
  functions?: { type: number; locals?: ValType[]; body: number[] }[];
  memory?: { min: number; max?: number };
  exports?: { name: string; kind: "function" | "memory"; index: number }[];
  data?: { offset: number; bytes: Uint8Array | number[] | string }[];
  custom?: { name: string; bytes?: Uint8Array | number[] }[];
}

const enc = new TextEncoder();

/** Concatenate byte lists without spreading (data segments can be large). */
function cat(...parts: ArrayLike<number>[]): number[] {
  const out: number[] = [];
  for (const p of parts) for (let i = 0; i < p.length; i++) out.push(p[i]);
  return out;
}

function name(s: string): number[] {
  const b = enc.encode(s);
  return cat(encodeU32(b.length), b);
}

function vec(items: ArrayLike<number>[]): number[] {
  return cat(encodeU32(items.length), ...items);
}

function section(id: number, content: number[]): number[] {
  return cat([id], encodeU32(content.length), content);
}

const limits = (min: number, max?: number) => encodeLimits({ min, max: max ?? null, shared: false, memory64: false });

export function assemble(spec: ModuleSpec): Uint8Array {
  const parts: number[][] = [[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]];
  parts.push(section(1, vec(spec.types.map((t) => cat([0x60], vec(t.params.map((p) => [VAL[p]])), vec(t.results.map((r) => [VAL[r]])))))));
  if (spec.imports?.length) {
    const entries = spec.imports.map((imp) =>
      imp.kind === "function"
        ? cat(name(imp.module), name(imp.name), [0x00], encodeU32(imp.type))
        : cat(name(imp.module), name(imp.name), [0x02], limits(imp.min, imp.max)),
    );
    parts.push(section(2, vec(entries)));
  }
  const funcs = spec.functions ?? [];
  if (funcs.length) parts.push(section(3, vec(funcs.map((f) => encodeU32(f.type)))));
  if (spec.memory) parts.push(section(5, vec([limits(spec.memory.min, spec.memory.max)])));
  if (spec.exports?.length) {
    parts.push(section(7, vec(spec.exports.map((e) => cat(name(e.name), [e.kind === "function" ? 0x00 : 0x02], encodeU32(e.index))))));
  }
  if (funcs.length) {
    const bodies = funcs.map((f) => {
      const body = cat(vec((f.locals ?? []).map((l) => [0x01, VAL[l]])), f.body, [0x0b]);
      return cat(encodeU32(body.length), body);
    });
    parts.push(section(10, vec(bodies)));
  }
  if (spec.data?.length) {
    const segments = spec.data.map((d) => {
      const bytes = typeof d.bytes === "string" ? enc.encode(d.bytes) : d.bytes;
      return cat([0x00, 0x41], encodeS32(d.offset), [0x0b], encodeU32(bytes.length), bytes);
    });
    parts.push(section(11, vec(segments)));
  }
  for (const c of spec.custom ?? []) parts.push(section(0, cat(name(c.name), c.bytes ?? [])));
  return Uint8Array.from(cat(...parts));
}

/** Instruction encoders (each gives the bytes of one instruction). */
export const op = {
  unreachable: [0x00],
  nop: [0x01],
  loop: (blockType = 0x40) => [0x03, blockType],
  block: (blockType = 0x40) => [0x02, blockType],
  if: (blockType = 0x40) => [0x04, blockType],
  else: [0x05],
  end: [0x0b],
  br: (depth: number) => [0x0c, ...encodeU32(depth)],
  brIf: (depth: number) => [0x0d, ...encodeU32(depth)],
  return: [0x0f],
  call: (index: number) => [0x10, ...encodeU32(index)],
  drop: [0x1a],
  localGet: (i: number) => [0x20, ...encodeU32(i)],
  localSet: (i: number) => [0x21, ...encodeU32(i)],
  localTee: (i: number) => [0x22, ...encodeU32(i)],
  i32Load: (offset = 0) => [0x28, 0x02, ...encodeU32(offset)],
  i32Store: (offset = 0) => [0x36, 0x02, ...encodeU32(offset)],
  memorySize: [0x3f, 0x00],
  memoryGrow: [0x40, 0x00],
  i32Const: (n: number) => [0x41, ...encodeS32(n)],
  i32Eqz: [0x45],
  i32Eq: [0x46],
  i32LtS: [0x48],
  i32Add: [0x6a],
  i32Sub: [0x6b],
  i32Mul: [0x6c],
};
