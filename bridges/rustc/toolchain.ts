// Finds a Rust compiler that can target WASI preview1: rustup's `wasm32-wasip1` first, then Debian's
// rustc (1.63) with `wasm32-wasi`. `deploy/setup-toolchain.sh` installs one when neither is present.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface Toolchain {
  rustc: string;
  target: "wasm32-wasip1" | "wasm32-wasi";
  version: string;
  /** Identity for cache keys: compiler version + target. */
  id: string;
}

async function probe(rustc: string, targets: Toolchain["target"][]): Promise<Toolchain | null> {
  try {
    const { stdout: version } = await run(rustc, ["--version"]);
    const { stdout: sysroot } = await run(rustc, ["--print", "sysroot"]);
    for (const target of targets) {
      if (existsSync(join(sysroot.trim(), "lib", "rustlib", target, "lib"))) {
        const v = version.trim();
        return { rustc, target, version: v, id: `${v} ${target}` };
      }
    }
  } catch {
    // not installed
  }
  return null;
}

let found: Promise<Toolchain | null> | undefined;

export function findToolchain(): Promise<Toolchain | null> {
  found ??= (async () => {
    const override = process.env.PORTALIS_RUSTC;
    if (override) return probe(override, ["wasm32-wasip1", "wasm32-wasi"]);
    return (await probe("rustc", ["wasm32-wasip1", "wasm32-wasi"])) ?? (await probe("/usr/bin/rustc", ["wasm32-wasi", "wasm32-wasip1"]));
  })();
  return found;
}

export async function requireToolchain(): Promise<Toolchain> {
  const tc = await findToolchain();
  if (!tc)
    throw new Error(
      "no Rust compiler with a WASI target found: run `npx portalis setup` (rustup target add wasm32-wasip1, else apt-get install rustc libstd-rust-dev-wasm32 lld)",
    );
  return tc;
}
