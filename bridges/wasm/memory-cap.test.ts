import { describe, expect, it } from "vitest";
import { assemble } from "./assemble.ts";
import { helloModule, reactorModule, writeModule } from "./fixtures.ts";
import { wasmInfo } from "./inspect.ts";
import { MemoryCapError, capMemory } from "./memory-cap.ts";

const MiB = 1024 * 1024;

describe("capMemory", () => {
  it("adds a maximum when there is none and keeps the module valid", () => {
    const capped = capMemory(helloModule(), 64 * MiB);
    expect(WebAssembly.validate(capped as BufferSource)).toBe(true);
    expect(wasmInfo(capped).memory).toMatchObject({ initialPages: 1, maximumPages: 1024, maximumBytes: 64 * MiB });
    // everything else unchanged
    const before = wasmInfo(helloModule());
    const after = wasmInfo(capped);
    expect(after.imports).toEqual(before.imports);
    expect(after.exports).toEqual(before.exports);
  });

  it("lowers a larger maximum and keeps a smaller one", () => {
    const m = reactorModule(); // min 2, max 10 pages, followed by more sections
    expect(wasmInfo(capMemory(m, 5 * 65536)).memory).toMatchObject({ maximumPages: 5 });
    expect(capMemory(m, 64 * MiB)).toBe(m);
  });

  it("handles a maximum whose LEB128 encoding changes length (section size is re-encoded)", () => {
    const big = assemble({ types: [], memory: { min: 1, max: 65536 }, custom: [{ name: "after", bytes: [1, 2, 3] }] });
    const capped = capMemory(big, 2 * 65536);
    expect(capped.length).toBeLessThan(big.length);
    expect(wasmInfo(capped).memory).toMatchObject({ maximumPages: 2 });
    expect(wasmInfo(capped).customSections).toEqual(["after"]);
    const grown = capMemory(assemble({ types: [], memory: { min: 1 } }), 4096 * MiB);
    expect(wasmInfo(grown).memory).toMatchObject({ maximumPages: 65536 });
  });

  it("rejects a module whose initial memory exceeds the cap", () => {
    const m = writeModule("x".repeat(3 * 65536)); // needs 4 pages
    expect(() => capMemory(m, 2 * 65536)).toThrow(MemoryCapError);
    expect(() => capMemory(m, 2 * 65536)).toThrow(/starts at 4 pages .* above the cap of 2 pages/);
  });

  it("leaves modules without a defined memory unchanged", () => {
    const imported = assemble({ types: [], imports: [{ module: "env", name: "m", kind: "memory", min: 100 }] });
    expect(capMemory(imported, 65536)).toBe(imported);
  });

  it("throws on non-wasm input", () => {
    expect(() => capMemory(new TextEncoder().encode("print(1)"), MiB)).toThrow(/magic/);
  });
});
