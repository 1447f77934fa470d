// `portalis setup`: makes sure a Rust compiler with a WASI target exists (see deploy/setup-toolchain.sh).
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { findToolchain } from "./toolchain.ts";

export async function setupToolchain(): Promise<void> {
  const before = await findToolchain();
  if (before) {
    process.stdout.write(`toolchain: ${before.version} (${before.target})\n`);
    return;
  }
  const script = join(dirname(fileURLToPath(import.meta.url)), "../../deploy/setup-toolchain.sh");
  const r = spawnSync("bash", [script], { stdio: "inherit" });
  if (r.status !== 0) throw new Error("could not install a Rust compiler with a WASI target (see the output above)");
  process.stdout.write("toolchain installed\n");
}
