// Content-addressed build cache: the same Rust (for the same toolchain and runtime) is compiled once.
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";

export function cacheRoot(): string {
  return process.env.PORTALIS_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "portalis");
}

export function sha256(...parts: (string | Uint8Array)[]): string {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return h.digest("hex");
}

/** PORTALIS_NO_CACHE=1 makes every lookup miss (cold benchmarks); results are still stored. */
export async function cacheGet(kind: string, key: string): Promise<Buffer | null> {
  if (process.env.PORTALIS_NO_CACHE === "1") return null;
  try {
    return await readFile(join(cacheRoot(), kind, key.slice(0, 2), key));
  } catch {
    return null;
  }
}

/** Atomic put: write to a temp name, then rename, so concurrent builders never see half a file. */
export async function cachePut(kind: string, key: string, data: Uint8Array): Promise<void> {
  const dir = join(cacheRoot(), kind, key.slice(0, 2));
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `${key}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  await writeFile(tmp, data);
  await rename(tmp, join(dir, key));
}
