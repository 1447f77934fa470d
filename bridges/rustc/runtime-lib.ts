// Builds the pyrt runtime (runtime/src) into an rlib once per (runtime source, toolchain); every
// program links against it, so a program build compiles only its own code.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { pylibInputs, pylibRust } from "../../operators/transpile/pylib.ts";
import { cacheRoot, sha256 } from "./cache.ts";
import type { Toolchain } from "./toolchain.ts";

const run = promisify(execFile);
export const runtimeSrc = resolve(dirname(fileURLToPath(import.meta.url)), "../../runtime/src");

/** Hash of the runtime's Rust sources and of what the Rust of its Python-written modules is generated from. */
export async function runtimeHash(): Promise<string> {
  const files = (await readdir(runtimeSrc)).filter((f) => f.endsWith(".rs")).sort();
  const parts: string[] = [];
  for (const f of files) parts.push(f, await readFile(join(runtimeSrc, f), "utf8"));
  parts.push("pylib", ...pylibInputs());
  return sha256(...parts);
}

export interface RuntimeLib {
  dir: string;
  rlib: string;
  hash: string;
}

const building = new Map<string, Promise<RuntimeLib>>();

export const RUSTC_FLAGS = ["--edition", "2021", "-O", "-C", "debuginfo=0", "-C", "codegen-units=4", "--cap-lints", "allow"];

export function runtimeLib(tc: Toolchain): Promise<RuntimeLib> {
  const key = tc.id;
  let p = building.get(key);
  if (!p) {
    p = buildRuntime(tc);
    building.set(key, p);
    p.catch(() => building.delete(key));
  }
  return p;
}

async function buildRuntime(tc: Toolchain): Promise<RuntimeLib> {
  const hash = sha256(await runtimeHash(), tc.id, RUSTC_FLAGS.join(" "));
  const dir = join(cacheRoot(), "pyrt", hash.slice(0, 24));
  const rlib = join(dir, "libpyrt.rlib");
  if (existsSync(rlib)) return { dir, rlib, hash };
  await mkdir(dirname(dir), { recursive: true });
  const tmp = await mkdtemp(join(cacheRoot(), "pyrt-build-"));
  try {
    const pylib = join(tmp, "pylib.rs");
    await writeFile(pylib, await pylibRust());
    const args = [...RUSTC_FLAGS, "--cfg", "pyrt_pylib", "--crate-type", "rlib", "--crate-name", "pyrt", "--target", tc.target];
    await run(tc.rustc, [...args, join(runtimeSrc, "lib.rs"), "--out-dir", tmp], {
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, PYRT_PYLIB: pylib },
    });
    try {
      await rename(tmp, dir);
    } catch {
      // another process won the race: its rlib is identical
    }
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`the pyrt runtime failed to compile with ${tc.version}:\n${(err.stderr ?? err.message).slice(0, 4000)}`);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return { dir, rlib, hash };
}
