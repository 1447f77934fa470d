// Real compiler output through the sandbox. Skipped when no Rust compiler with a WASI target exists
// (rustup `rustc --target wasm32-wasip1`, or Debian `/usr/bin/rustc --target wasm32-wasi`).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wasmInfo } from "../wasm/inspect.ts";
import { closeDefaultPool, runWasi } from "./run-wasi.ts";
import { compileRust, findWasiRustc } from "./test-support.ts";

const toolchain = findWasiRustc();
let dir = "";

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "portalis-rust-test-"));
});
afterAll(async () => {
  await closeDefaultPool();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const PRINT_LINES = `
use std::io::Write;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    println!("argc={}", args.len());
    for a in &args[1..] { println!("arg:{}", a); }
    println!("env={}", std::env::vars().count());
    println!("unicode: héllo wörld ✓");
    for i in 0..3 { println!("line {}", i * i); }
    print!("no newline");
    std::io::stdout().flush().unwrap();
    eprintln!("to stderr");
    let fs_ok = std::fs::read_dir("/").is_ok();
    eprint!("fs={}", fs_ok);
    let mut input = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut input).unwrap();
    if !input.is_empty() { print!("|stdin={}", input.to_uppercase()); }
    std::process::exit(if args.len() > 1 { 7 } else { 0 });
}
`;

const BOMB = `
fn main() {
    let mut v: Vec<Vec<u8>> = Vec::new();
    loop { v.push(vec![1u8; 1 << 20]); }
}
`;

const GROW_THEN_PANIC = `
fn main() {
    let v: Vec<u8> = vec![7u8; 200 << 20];
    println!("allocated {}", v.len());
    let idx = (std::env::args().count() + 300) << 20;
    println!("{}", v[idx]);
}
`;

describe(
  `Rust-built modules (${toolchain ? `${toolchain.rustc} --target ${toolchain.target}` : "no toolchain"})`,
  () => {
    it("has a Rust compiler with a WASI target (npm test installs one)", () => {
      expect(toolchain, "no rustc with wasm32-wasip1/wasm32-wasi: run `npx portalis setup`").toBeTruthy();
    });
    it("prints lines byte-exact, passes args, empty env, no filesystem", async () => {
      const wasm = fs.readFileSync(compileRust(PRINT_LINES, path.join(dir, "lines.wasm")));
      expect(wasmInfo(wasm).wasi.kind).toBe("command");
      const r = await runWasi(wasm, { args: ["a b", "ç"] });
      expect(r.stdout.toString("utf8")).toBe("argc=3\narg:a b\narg:ç\nenv=0\nunicode: héllo wörld ✓\nline 0\nline 1\nline 4\nno newline");
      expect(r.stderr.toString()).toBe("to stderr\nfs=false");
      expect(r.exitCode).toBe(7);
      const r2 = await runWasi(wasm, { stdin: "piped" });
      expect(r2.exitCode).toBe(0);
      expect(r2.stdout.toString()).toMatch(/no newline\|stdin=PIPED$/);
    });

    it("an allocation bomb aborts under the memory cap, quickly", async () => {
      const wasm = fs.readFileSync(compileRust(BOMB, path.join(dir, "bomb.wasm")));
      const t0 = performance.now();
      const r = await runWasi(wasm, { memoryBytes: 64 << 20 });
      expect(performance.now() - t0).toBeLessThan(1000);
      expect(r.exitCode).toBeNull();
      expect(r.trap).toBe("RuntimeError: unreachable");
      expect(r.stderr.toString()).toMatch(/memory allocation of \d+ bytes failed/);
    });

    it("a panic after growing memory to 200 MiB leaves the host process alive", async () => {
      const wasm = fs.readFileSync(compileRust(GROW_THEN_PANIC, path.join(dir, "grow.wasm")));
      for (let i = 0; i < 3; i++) {
        const r = await runWasi(wasm, { memoryBytes: 512 << 20 });
        expect(r.stdout.toString()).toBe("allocated 209715200\n");
        expect(r.stderr.toString()).toMatch(/index out of bounds/);
        expect(r.trap).toBe("RuntimeError: unreachable");
      }
      expect(process.memoryUsage().rss).toBeGreaterThan(0);
    });

    it("worker.mjs survives repeated grow-then-trap runs on ONE worker (no recycling), in a child process", () => {
      // Without the JS-closure wrapping of the WASI imports this segfaulted the whole process on the
      // second run (measured: SIGSEGV, exit 139). Run in a child so a regression cannot kill vitest.
      const wasm = compileRust(GROW_THEN_PANIC, path.join(dir, "grow2.wasm"));
      const worker = fileURLToPath(new URL("./worker.mjs", import.meta.url));
      const driver = `
      import { Worker } from 'node:worker_threads';
      import fs from 'node:fs';
      const [workerPath, wasmPath] = process.argv.slice(1);
      const w = new Worker(workerPath, { execArgv: [] });
      const out = fs.openSync('/dev/null', 'w');
      const inp = fs.openSync('/dev/null', 'r');
      const bytes = fs.readFileSync(wasmPath);
      let n = 0;
      const go = () => w.postMessage({ type: 'run', id: ++n, bytes, args: ['x'], stdin: inp, stdout: out, stderr: out });
      w.on('message', (m) => {
        if (m.type !== 'done') return;
        console.log(m.trap);
        if (n < 6) go(); else w.terminate();
      });
      go();`;
      const stdout = execFileSync(process.execPath, ["--input-type=module", "-e", driver, worker, wasm], {
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(stdout.trim().split("\n")).toEqual(Array(6).fill("RuntimeError: unreachable"));
    });
  },
);
