// Cross-runtime check: the node:wasi sandbox and wasmtime (PyPI `wasmtime`, see wasmtime.ts) must agree
// on stdout and exit code. Skipped when python3 cannot import wasmtime (CI: `pip install wasmtime`).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { echoStdinModule, exitModule, helloModule, loopForeverModule, memoryBombModule, writeModule } from "../wasm/fixtures.ts";
import { closeDefaultPool, runWasi } from "./run-wasi.ts";
import { compileRust, findWasiRustc } from "./test-support.ts";
import { runWithWasmtime, wasmtimeAvailable } from "./wasmtime.ts";

const haveWasmtime = await wasmtimeAvailable();
let dir = "";

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "portalis-wasmtime-test-"));
});
afterAll(async () => {
  await closeDefaultPool();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function save(name: string, bytes: Uint8Array): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}

describe("wasmtime cross-check", () => {
  it("has the wasmtime Python package (npm test installs it)", () => {
    expect(haveWasmtime, "python3 -c 'import wasmtime' failed: run `npm test` (deploy/ensure-deps.sh installs it)").toBe(true);
  });

  it("agrees with node:wasi on hand-built modules", async () => {
    const cases: [string, Uint8Array, string?][] = [
      ["hello.wasm", helloModule()],
      ["exit3.wasm", exitModule(3)],
      ["stderr.wasm", writeModule("err\n", { fd: 2, exitCode: 9 })],
      ["echo.wasm", echoStdinModule(), "some input\n"],
    ];
    for (const [name, bytes, stdin] of cases) {
      const [node, wt] = await Promise.all([runWasi(bytes, { stdin }), runWithWasmtime(save(name, bytes), { stdin })]);
      expect({ name, exit: wt.exitCode, out: wt.stdout.toString(), err: wt.stderr.toString() }).toEqual({
        name,
        exit: node.exitCode,
        out: node.stdout.toString(),
        err: node.stderr.toString(),
      });
    }
  });

  it("reports timeouts and traps", async () => {
    const loop = await runWithWasmtime(save("loop.wasm", loopForeverModule()), { timeoutMs: 200 });
    expect(loop).toMatchObject({ exitCode: null, timedOut: true });
    const bomb = await runWithWasmtime(save("bomb.wasm", memoryBombModule()), { memoryBytes: 64 << 20 });
    expect(bomb.exitCode).toBeNull();
    expect(bomb.trap).toMatch(/unreachable/);
  });

  it("agrees byte-exact on a Rust program", async () => {
    const src = `fn main() {
      let args: Vec<String> = std::env::args().skip(1).collect();
      println!("args={:?}", args);
      println!("env={}", std::env::vars().count());
      for i in 0..5u64 { println!("{} {}", i, (i * 7919) % 13); }
      print!("ünïcode end");
      std::process::exit(4);
    }`;
    const p = compileRust(src, path.join(dir, "prog.wasm"));
    const [node, wt] = await Promise.all([runWasi(fs.readFileSync(p), { args: ["x", "y z"] }), runWithWasmtime(p, { args: ["x", "y z"] })]);
    expect(wt.exitCode).toBe(4);
    expect(node.exitCode).toBe(4);
    expect(Buffer.compare(node.stdout, wt.stdout)).toBe(0);
    expect(wt.stdout.toString()).toContain('args=["x", "y z"]\nenv=0\n');
  });
});
