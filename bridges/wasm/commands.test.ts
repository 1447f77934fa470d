import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDefaultPool } from "../sandbox/run-wasi.ts";
import { runWasmCommand, validateWasmCommand, wasmInfoCommand } from "./commands.ts";
import { echoStdinModule, helloModule, loopForeverModule, reactorModule, unreachableModule, writeModule } from "./fixtures.ts";

let dir = "";
const file = (name: string, bytes: Uint8Array | string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "portalis-wasm-cmd-"));
});
afterAll(async () => {
  await closeDefaultPool();
  fs.rmSync(dir, { recursive: true, force: true });
});

function sink() {
  const chunks: Buffer[] = [];
  return { write: (c: Uint8Array) => chunks.push(Buffer.from(c)), text: () => Buffer.concat(chunks).toString() };
}

describe("validateWasmCommand", () => {
  it("exits 0 on a good module; --json lists imports, exports, memory, size", async () => {
    const p = file("hello.wasm", helloModule());
    const plain = await validateWasmCommand(p);
    expect(plain.code).toBe(0);
    expect(plain.out).toMatch(/valid core wasm module \(\d+ bytes, 4 imports, 2 exports\)/);
    const json = await validateWasmCommand(p, { json: true });
    const j = JSON.parse(json.out);
    expect(j).toMatchObject({ valid: true, size: helloModule().length, memory: { initialPages: 1, maximumPages: null } });
    expect(j.imports[0]).toMatchObject({ module: "wasi_snapshot_preview1", name: "fd_write", kind: "function" });
    expect(j.exports).toEqual([
      { name: "memory", kind: "memory" },
      { name: "_start", kind: "function" },
    ]);
  });

  it("exits non-zero with the engine message on a .py file, and 2 on a missing file", async () => {
    const p = file("prog.py", 'print("hello")\n');
    const r = await validateWasmCommand(p);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/invalid: WebAssembly\.Module\(\): expected magic word/);
    const j = await validateWasmCommand(p, { json: true });
    expect(j.code).toBe(1);
    expect(JSON.parse(j.out)).toMatchObject({ valid: false, error: expect.stringMatching(/magic/) });
    expect((await validateWasmCommand(path.join(dir, "nope.wasm"))).code).toBe(2);
  });
});

describe("wasmInfoCommand", () => {
  it("prints a table", async () => {
    const r = await wasmInfoCommand(file("reactor.wasm", reactorModule()));
    expect(r.code).toBe(0);
    expect(r.out).toContain("kind      WASI preview1 reactor");
    expect(r.out).toContain('memory    2 pages (128 KiB) initial, max 10 pages (640 KiB), defined, exported as "memory"');
    expect(r.out).toContain("custom    producers");
    expect(r.out).toMatch(/wasi_snapshot_preview1\.fd_write\s+function\s+\(i32, i32, i32, i32\) -> i32/);
    expect(r.out).toMatch(/exports \(2\)\n\s+memory\s+memory\n\s+_initialize\s+function/);
    const bad = await wasmInfoCommand(file("bad.wasm", new Uint8Array([0, 0x61, 0x73])));
    expect(bad.code).toBe(1);
  });
});

describe("runWasmCommand", () => {
  it("writes the guest output and returns its exit code", async () => {
    const out = sink();
    const err = sink();
    expect(await runWasmCommand(file("h.wasm", helloModule()), [], { io: { stdout: out, stderr: err } })).toEqual({ code: 0, out: "" });
    expect(out.text()).toBe("hi\n");
    const r = await runWasmCommand(file("e.wasm", writeModule("bad\n", { fd: 2, exitCode: 42 })), [], { io: { stdout: out, stderr: err } });
    expect(r.code).toBe(42);
    expect(err.text()).toBe("bad\n");
    const echo = sink();
    await runWasmCommand(file("echo.wasm", echoStdinModule()), [], { stdin: "in", io: { stdout: echo, stderr: err } });
    expect(echo.text()).toBe("in");
  });

  it("maps traps to 1 and timeouts to 124 with a one-line error", async () => {
    const io = { stdout: sink(), stderr: sink() };
    const trap = await runWasmCommand(file("u.wasm", unreachableModule()), [], { io });
    expect(trap.code).toBe(1);
    expect(trap.err).toMatch(/^error: .*u\.wasm: trap: RuntimeError: unreachable\n$/);
    const to = await runWasmCommand(file("l.wasm", loopForeverModule()), [], { io, timeoutMs: 100 });
    expect(to.code).toBe(124);
    expect(to.err).toMatch(/timed out after \d+ ms\n$/);
    const notCommand = await runWasmCommand(file("r.wasm", reactorModule()), [], { io });
    expect(notCommand.code).toBe(1);
    expect(notCommand.err).toMatch(/start: module is not a WASI command/);
  });
});
