/**
 * Memory cap by rewriting the module: the one limit on wasm memory that works under node:wasi
 * (Worker resourceLimits do not bound wasm memory; see field notes).
 *
 *   capMemory(bytes, maxBytes) -> Uint8Array
 *     Sets the maximum of every memory the module DEFINES (memory section) to
 *     min(existing maximum, floor(maxBytes / 64 KiB)) pages, adding a maximum when there is none.
 *     Imported memories are left alone (the host creates those). A module without a memory
 *     section is returned unchanged (same bytes, not copied).
 *     Throws MemoryCapError when a memory's initial size already exceeds the cap, and
 *     WasmParseError when the bytes are not a well-formed core module.
 *     memory.grow beyond the cap then returns -1 inside the guest (allocators abort -> trap).
 */
import { encodeU32 } from "./leb128.ts";
import { type Limits, SectionId, encodeLimits, readMemorySection, readSections } from "./sections.ts";

export const WASM_PAGE_BYTES = 65536;

export class MemoryCapError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MemoryCapError";
  }
}

export function capMemory(bytes: Uint8Array, maxBytes: number): Uint8Array {
  if (!Number.isFinite(maxBytes) || maxBytes < 0) throw new RangeError(`invalid memory cap: ${maxBytes}`);
  const capPages = Math.floor(maxBytes / WASM_PAGE_BYTES);
  const section = readSections(bytes).find((s) => s.id === SectionId.memory);
  if (!section) return bytes;
  const memories = readMemorySection(bytes, section);
  const capped: Limits[] = memories.map((m, i) => {
    if (m.min > capPages) {
      throw new MemoryCapError(
        `memory ${i} starts at ${m.min} pages (${m.min * WASM_PAGE_BYTES} bytes), above the cap of ${capPages} pages (${capPages * WASM_PAGE_BYTES} bytes)`,
      );
    }
    return { ...m, max: m.max === null ? capPages : Math.min(m.max, capPages) };
  });
  if (capped.every((m, i) => m.max === memories[i].max)) return bytes;
  const content = [...encodeU32(capped.length), ...capped.flatMap(encodeLimits)];
  const header = [SectionId.memory, ...encodeU32(content.length)];
  const out = new Uint8Array(section.start + header.length + content.length + (bytes.length - section.end));
  out.set(bytes.subarray(0, section.start), 0);
  out.set(header, section.start);
  out.set(content, section.start + header.length);
  out.set(bytes.subarray(section.end), section.start + header.length + content.length);
  return out;
}
