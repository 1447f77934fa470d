// rustc -> wasm32-wasi(p1) command module, cached by content hash, at most `cores` compilers at once.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { cacheGet, cachePut, cacheRoot, sha256 } from "./cache.ts";
import { type RustError, parseRustcErrors } from "./errors.ts";
import { RUSTC_FLAGS, type RuntimeLib, runtimeLib } from "./runtime-lib.ts";
import { Semaphore } from "./semaphore.ts";
import { type Toolchain, requireToolchain } from "./toolchain.ts";

const run = promisify(execFile);
const compilers = new Semaphore(Number(process.env.PORTALIS_BUILD_JOBS) || availableParallelism());

/** WASM stack for deep Python recursion (CPython's default limit is 1000 frames). */
const STACK_BYTES = 16 * 1024 * 1024;

export type BuildOutcome =
  | { ok: true; wasm: Buffer; rustHash: string; toolchain: string; cached: boolean }
  | { ok: false; errors: RustError[]; stderr: string; rustHash: string; toolchain: string };

/** Builds in progress by hash: identical Rust submitted twice at once is compiled once. */
const inProgress = new Map<string, Promise<BuildOutcome>>();

export async function compileProgram(rust: string): Promise<BuildOutcome> {
  const tc = await requireToolchain();
  const lib = await runtimeLib(tc);
  const rustHash = sha256(rust, lib.hash);
  const hit = await cacheGet("wasm", rustHash);
  if (hit) return { ok: true, wasm: hit, rustHash, toolchain: tc.id, cached: true };
  const running = inProgress.get(rustHash);
  if (running) return { ...(await running), cached: true } as BuildOutcome;
  const build = compile(rust, rustHash, tc, lib);
  inProgress.set(rustHash, build);
  try {
    return await build;
  } finally {
    inProgress.delete(rustHash);
  }
}

async function compile(rust: string, rustHash: string, tc: Toolchain, lib: RuntimeLib): Promise<BuildOutcome> {
  return compilers.use(async () => {
    await mkdir(cacheRoot(), { recursive: true });
    const dir = await mkdtemp(join(cacheRoot(), "build-"));
    try {
      const src = join(dir, "main.rs");
      const out = join(dir, "main.wasm");
      await writeFile(src, rust);
      const args = [...RUSTC_FLAGS, "-C", "strip=debuginfo", "--target", tc.target, "--crate-type", "bin", "--crate-name", "main"];
      args.push("--extern", `pyrt=${lib.rlib}`, "-L", lib.dir, "-C", `link-arg=-zstack-size=${STACK_BYTES}`, src, "-o", out);
      try {
        await run(tc.rustc, args, { maxBuffer: 64 * 1024 * 1024 });
      } catch (e) {
        const stderr = (e as { stderr?: string }).stderr ?? String(e);
        return { ok: false as const, errors: parseRustcErrors(stderr), stderr, rustHash, toolchain: tc.id };
      }
      const wasm = await readFile(out);
      await cachePut("wasm", rustHash, wasm);
      return { ok: true as const, wasm, rustHash, toolchain: tc.id, cached: false };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}
