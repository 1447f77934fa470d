/**
 * Types shared by the WASI sandbox (pool.ts, run-wasi.ts).
 *
 *   RunOptions  args (argv after the program name), name (argv[0], default "main.wasm"), stdin,
 *               timeoutMs (wall clock, default 10 000; Infinity disables), memoryBytes (cap on the
 *               module's own memory, default 256 MiB), maxOutputBytes (stdout and stderr each,
 *               default 64 MiB; checked every 50 ms, the run is killed when exceeded).
 *   RunResult   exitCode: the guest's exit code (0 when _start returns, n for proc_exit(n)),
 *               null when the run did not finish normally; then `trap` says why (engine message
 *               such as "RuntimeError: unreachable", "output limit exceeded ...") or timedOut is true.
 *               durationMs: wall time from dispatch to a worker until the result (compile + run, plus the
 *               ~25 ms worker start when no warm worker was free); queue wait is not counted, and the
 *               timeout clock also starts at dispatch.
 *   SandboxError  rejected (not resolved) when the module cannot run at all:
 *               phase 'compile' (engine message), 'memory-cap' (initial memory above the cap),
 *               'link' (imports other than wasi_snapshot_preview1), 'start' (no _start / memory export),
 *               'pool' (pool closed).
 */

export interface RunOptions {
  args?: string[];
  name?: string;
  stdin?: string | Uint8Array;
  timeoutMs?: number;
  memoryBytes?: number;
  maxOutputBytes?: number;
}

export interface RunResult {
  exitCode: number | null;
  stdout: Buffer;
  stderr: Buffer;
  timedOut: boolean;
  trap?: string;
  durationMs: number;
}

export type SandboxPhase = "compile" | "memory-cap" | "link" | "start" | "pool";

export class SandboxError extends Error {
  constructor(
    readonly phase: SandboxPhase,
    message: string,
  ) {
    super(message);
    this.name = "SandboxError";
  }
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MEMORY_BYTES = 256 * 1024 * 1024;
export const DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024 * 1024;
