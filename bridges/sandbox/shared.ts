// One sandbox pool per process, created on first use and closed when the pipeline shuts down.
import { SandboxPool } from "./pool.ts";

let pool: SandboxPool | undefined;

export function sharedSandbox(): SandboxPool {
  pool ??= new SandboxPool();
  return pool;
}

export async function closeSharedSandbox(): Promise<void> {
  const p = pool;
  pool = undefined;
  await p?.close();
}
