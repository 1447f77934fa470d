/**
 * Test helpers: find a Rust compiler that targets WASI preview1 and compile small programs.
 *
 *   findWasiRustc(): { rustc, target } | null
 *     tries `rustc --target wasm32-wasip1` (rustup toolchains) then `/usr/bin/rustc --target wasm32-wasi`
 *     (Debian's 1.63 with libstd-rust-dev-wasm32), by compiling a one-line program. Cached.
 *     PORTALIS_WASI_RUSTC="RUSTC TARGET" (e.g. "/usr/bin/rustc wasm32-wasi") tries that pair only.
 *   compileRust(source, outPath, extraArgs?) -> outPath     (-O, no debug info)
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface WasiRustc {
  rustc: string;
  target: string;
}

let cached: WasiRustc | null | undefined;

function tryCompile(rustc: string, target: string, src: string, out: string, extra: string[] = []): boolean {
  try {
    execFileSync(rustc, ["--edition", "2018", "--target", target, "-O", "-C", "strip=debuginfo", ...extra, src, "-o", out], {
      stdio: "pipe",
      timeout: 60_000,
    });
    return true;
  } catch {
    return false;
  }
}

export function findWasiRustc(): WasiRustc | null {
  if (cached !== undefined) return cached;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portalis-rustc-probe-"));
  try {
    const src = path.join(dir, "probe.rs");
    fs.writeFileSync(src, 'fn main() { println!("ok"); }\n');
    const forced = process.env.PORTALIS_WASI_RUSTC?.trim().split(/\s+/);
    const candidates: [string, string][] =
      forced?.length === 2
        ? [[forced[0], forced[1]]]
        : [
            ["rustc", "wasm32-wasip1"],
            ["/usr/bin/rustc", "wasm32-wasi"],
          ];
    for (const [rustc, target] of candidates) {
      if (tryCompile(rustc, target, src, path.join(dir, "probe.wasm"))) {
        cached = { rustc, target };
        return cached;
      }
    }
    cached = null;
    return null;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function compileRust(source: string, outPath: string, extraArgs: string[] = []): string {
  const tc = findWasiRustc();
  if (!tc) throw new Error("no Rust compiler with a WASI target");
  const src = outPath.replace(/\.wasm$/, "") + ".rs";
  fs.writeFileSync(src, source);
  execFileSync(tc.rustc, ["--edition", "2018", "--target", tc.target, "-O", "-C", "strip=debuginfo", ...extraArgs, src, "-o", outPath], {
    stdio: "pipe",
    timeout: 60_000,
  });
  return outPath;
}
