import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { assemble } from "./assemble.ts";
import { echoStdinModule, helloModule, loopForeverModule, reactorModule } from "./fixtures.ts";
import { formatSignature, validateWasm, wasmInfo } from "./inspect.ts";

function engineMessage(bytes: Uint8Array): string {
  try {
    new WebAssembly.Module(bytes as BufferSource);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected the engine to reject the bytes");
}

describe("validateWasm", () => {
  it("accepts a good module", () => {
    expect(validateWasm(helloModule())).toEqual({ valid: true });
  });

  it("gives the engine message for random bytes, a .py file, a truncated module, empty input", () => {
    const py = new TextEncoder().encode('def main():\n    print("hi")\n');
    const random = randomBytes(64);
    random[0] = 0xff; // never the magic number
    const good = helloModule();
    const inputs = [random, py, good.subarray(0, good.length - 5), good.subarray(0, 6), new Uint8Array(0)];
    for (const bytes of inputs) {
      const r = validateWasm(bytes);
      expect(r.valid).toBe(false);
      if (r.valid) continue;
      expect(r.error).toBe(engineMessage(bytes));
      expect(r.error).toMatch(/^WebAssembly\.Module\(\)/);
    }
    const pyResult = validateWasm(py);
    expect(pyResult.valid === false && pyResult.error).toMatch(/magic/i);
  });

  it("hints that a component is not a core module", () => {
    const component = Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00]);
    const r = validateWasm(component);
    expect(r).toMatchObject({ valid: false, hint: expect.stringMatching(/component/) });
  });

  it("reports semantic errors (type mismatch) from the engine", () => {
    const bad = assemble({
      types: [{ params: [], results: ["i32"] }],
      functions: [{ type: 0, body: [] }], // returns nothing but must return i32
    });
    const r = validateWasm(bad);
    expect(r.valid).toBe(false);
    if (!r.valid) expect(r.error).toBe(engineMessage(bad));
  });
});

describe("wasmInfo", () => {
  it("lists imports with signatures, exports, memory and WASI command kind", () => {
    const info = wasmInfo(echoStdinModule());
    expect(info.imports.map((i) => `${i.module}.${i.name}:${i.kind}`)).toEqual([
      "wasi_snapshot_preview1.fd_write:function",
      "wasi_snapshot_preview1.proc_exit:function",
      "wasi_snapshot_preview1.fd_read:function",
      "wasi_snapshot_preview1.fd_close:function",
    ]);
    expect(formatSignature(info.imports[0].signature!)).toBe("(i32, i32, i32, i32) -> i32");
    expect(formatSignature(info.imports[1].signature!)).toBe("(i32) -> ()");
    expect(info.exports).toEqual([
      { name: "memory", kind: "memory" },
      { name: "_start", kind: "function" },
    ]);
    expect(info.memory).toEqual({
      index: 0,
      imported: false,
      exportedAs: ["memory"],
      initialPages: 1,
      maximumPages: null,
      initialBytes: 65536,
      maximumBytes: null,
      shared: false,
      memory64: false,
    });
    expect(info.wasi).toEqual({ kind: "command", version: "preview1", functions: ["fd_write", "proc_exit", "fd_read", "fd_close"] });
    expect(info.size).toBe(echoStdinModule().length);
  });

  it("recognises a reactor, a maximum and custom sections", () => {
    const info = wasmInfo(reactorModule());
    expect(info.wasi.kind).toBe("reactor");
    expect(info.memory).toMatchObject({ initialPages: 2, maximumPages: 10, maximumBytes: 10 * 65536 });
    expect(info.customSections).toEqual(["producers"]);
  });

  it("reports an imported memory and a plain module", () => {
    const mod = assemble({
      types: [{ params: [], results: [] }],
      imports: [{ module: "env", name: "memory", kind: "memory", min: 3, max: 7 }],
      functions: [{ type: 0, body: [] }],
      exports: [{ name: "run", kind: "function", index: 0 }],
      custom: [{ name: "name" }, { name: "target_features" }],
    });
    const info = wasmInfo(mod);
    expect(info.memory).toMatchObject({ imported: true, import: { module: "env", name: "memory" }, initialPages: 3, maximumPages: 7 });
    expect(info.wasi).toEqual({ kind: null, version: null, functions: [] });
    expect(info.customSections).toEqual(["name", "target_features"]);
    expect(info.imports).toEqual([{ module: "env", name: "memory", kind: "memory" }]);
  });

  it("calls a module with _start but no WASI imports a command", () => {
    const info = wasmInfo(
      assemble({
        types: [{ params: [], results: [] }],
        functions: [{ type: 0, body: [] }],
        exports: [{ name: "_start", kind: "function", index: 0 }],
      }),
    );
    expect(info.wasi).toEqual({ kind: "command", version: null, functions: [] });
    expect(info.memory).toBeNull();
    expect(wasmInfo(loopForeverModule()).wasi.kind).toBe("command");
  });

  it("throws on invalid input", () => {
    expect(() => wasmInfo(new Uint8Array([1, 2, 3]))).toThrow(WebAssembly.CompileError);
  });
});
