import { describe, expect, it } from "vitest";
import { helloModule, reactorModule } from "../../bridges/wasm/fixtures.ts";
import { validationProblem, validationReport } from "./index.ts";

describe("validate", () => {
  it("reports imports, exports, memory and size of a WASI command", () => {
    const r = validationReport(helloModule());
    expect(r.valid).toBe(true);
    expect(r.wasiCommand).toBe(true);
    expect(r.exports).toContain("_start");
    expect(r.imports.every((i) => i.startsWith("wasi_snapshot_preview1."))).toBe(true);
    expect(r.memoryMinBytes).toBeGreaterThan(0);
    expect(validationProblem(r)).toBeNull();
  });

  it("gives the engine's message for broken bytes and refuses non-commands", () => {
    const broken = validationReport(Buffer.from("\0asm\x01\0\0\0\x01\x05garbage"));
    expect(broken.valid).toBe(false);
    expect(validationProblem(broken)).toMatch(/WebAssembly\.Module\(\)|section|unexpected/i);
    expect(validationProblem(validationReport(reactorModule()))).toMatch(/not a WASI preview1 command/);
  });
});
