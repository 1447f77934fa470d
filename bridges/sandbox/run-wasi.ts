/**
 * runWasi: run a WASI preview1 command module in the shared sandbox pool.
 *
 *   runWasi(bytes, opts?: RunOptions): Promise<RunResult>
 *     args -> argv [name ?? "main.wasm", ...args]; stdin (string | bytes, default empty);
 *     timeoutMs default 10 000; memoryBytes default 256 MiB. No preopens, empty env.
 *     Resolves with exitCode (0 / proc_exit code), or exitCode null + trap message, or timedOut.
 *     Rejects with SandboxError for modules that cannot start (compile, memory-cap, link, start).
 *   defaultPool(): SandboxPool          created on first use, size = available cores
 *   closeDefaultPool(): Promise<void>   terminate its workers (idle workers never hold the process open)
 */
import { SandboxPool } from "./pool.ts";
import type { RunOptions, RunResult } from "./types.ts";

export { SandboxPool } from "./pool.ts";
export * from "./types.ts";

let shared: SandboxPool | null = null;

export function defaultPool(): SandboxPool {
  shared ??= new SandboxPool();
  return shared;
}

export async function closeDefaultPool(): Promise<void> {
  const pool = shared;
  shared = null;
  await pool?.close();
}

export function runWasi(bytes: Uint8Array, opts: RunOptions = {}): Promise<RunResult> {
  return defaultPool().run(bytes, opts);
}
