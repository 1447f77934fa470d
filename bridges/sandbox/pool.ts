/**
 * SandboxPool: warm worker_threads Workers that run WASI preview1 command modules (worker.mjs).
 *
 *   const pool = new SandboxPool({ size?: number = os.availableParallelism(), maxRunsPerWorker?: 100 })
 *   pool.run(bytes, opts?: RunOptions): Promise<RunResult>   (rejects with SandboxError, see types.ts)
 *   pool.stats()  -> { size, workers, idle, busy, queued, spawned, recycled }
 *   pool.close(): Promise<void>    terminates all workers; queued and running runs reject (phase 'pool')
 *
 * Per run: the module's memory is capped by rewriting its memory section (capMemory), the guest
 * gets argv [name, ...args], an empty env, no preopens, and three anonymous temp-file fds
 * (capture-files.ts). A wall-clock timer terminates the worker (timedOut: true). A worker that
 * timed out, trapped, crashed or served maxRunsPerWorker runs is terminated and replaced lazily.
 * Idle workers are unref()'d so the pool never keeps the process alive.
 */
import os from "node:os";
import { Worker } from "node:worker_threads";
import { validateWasm } from "../wasm/inspect.ts";
import { MemoryCapError, capMemory } from "../wasm/memory-cap.ts";
import { type Capture, openInput, openOutput } from "./capture-files.ts";
import {
  DEFAULT_MAX_OUTPUT_BYTES,
  DEFAULT_MEMORY_BYTES,
  DEFAULT_TIMEOUT_MS,
  type RunOptions,
  type RunResult,
  SandboxError,
} from "./types.ts";

const WORKER_URL = new URL("./worker.mjs", import.meta.url);
const OUTPUT_POLL_MS = 50;

interface Job {
  bytes: Uint8Array;
  args: string[];
  stdin: string | Uint8Array | undefined;
  timeoutMs: number;
  maxOutputBytes: number;
  resolve: (r: RunResult) => void;
  reject: (e: Error) => void;
}

interface WorkerDone {
  type: "done";
  id: number;
  exitCode?: number | null;
  trap?: string;
  error?: { phase: "compile" | "link" | "start"; message: string };
}

interface Slot {
  worker: Worker;
  runs: number;
  dead: boolean;
  /** called with the worker's reply, an error, or the exit of the worker */
  onEvent: ((ev: { done?: WorkerDone; crash?: string }) => void) | null;
}

export interface PoolOptions {
  size?: number;
  maxRunsPerWorker?: number;
}

export class SandboxPool {
  readonly size: number;
  private readonly maxRuns: number;
  private readonly slots = new Set<Slot>();
  private idle: Slot[] = [];
  private queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  private spawned = 0;
  private recycled = 0;

  constructor(opts: PoolOptions = {}) {
    this.size = Math.max(1, opts.size ?? os.availableParallelism());
    this.maxRuns = Math.max(1, opts.maxRunsPerWorker ?? 100);
  }

  run(bytes: Uint8Array, opts: RunOptions = {}): Promise<RunResult> {
    if (this.closed) return Promise.reject(new SandboxError("pool", "sandbox pool is closed"));
    let capped: Uint8Array;
    try {
      capped = capMemory(bytes, opts.memoryBytes ?? DEFAULT_MEMORY_BYTES);
    } catch (err) {
      if (err instanceof MemoryCapError) return Promise.reject(new SandboxError("memory-cap", err.message));
      const v = validateWasm(bytes);
      const message = v.valid ? (err as Error).message : v.error + (v.hint ? ` (${v.hint})` : "");
      return Promise.reject(new SandboxError("compile", message));
    }
    return new Promise<RunResult>((resolve, reject) => {
      this.queue.push({
        bytes: capped,
        args: [opts.name ?? "main.wasm", ...(opts.args ?? [])],
        stdin: opts.stdin,
        timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        maxOutputBytes: opts.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
        resolve,
        reject,
      });
      this.pump();
    });
  }

  stats() {
    const busy = [...this.slots].filter((s) => s.onEvent !== null).length;
    return {
      size: this.size,
      workers: this.slots.size,
      idle: this.idle.length,
      busy,
      queued: this.queue.length,
      spawned: this.spawned,
      recycled: this.recycled,
    };
  }

  /** Start workers ahead of time (up to `count`, default size) so the first runs are warm. */
  async warm(count = this.size): Promise<void> {
    const starting: Promise<void>[] = [];
    while (this.slots.size < Math.min(count, this.size)) {
      const slot = this.spawn();
      this.idle.push(slot);
      starting.push(
        new Promise<void>((resolve) => {
          slot.worker.ref(); // an unref'd worker would let the process exit while we wait
          const onMsg = (m: { type?: string }) => {
            if (m?.type === "ready") {
              slot.worker.off("message", onMsg);
              if (slot.onEvent === null) slot.worker.unref();
              resolve();
            }
          };
          slot.worker.on("message", onMsg);
          slot.worker.once("exit", () => resolve());
        }),
      );
    }
    await Promise.all(starting);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new SandboxError("pool", "sandbox pool closed"));
    const all = [...this.slots];
    this.slots.clear();
    this.idle = [];
    await Promise.all(all.map((s) => this.kill(s)));
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_URL, {
      execArgv: [],
      env: {},
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, runs: 0, dead: false, onEvent: null };
    worker.on("message", (m: { type?: string }) => {
      if (m?.type === "done") slot.onEvent?.({ done: m as WorkerDone });
    });
    worker.on("error", (err) => {
      slot.dead = true;
      slot.onEvent?.({ crash: `sandbox worker error: ${err instanceof Error ? err.message : String(err)}` });
    });
    worker.on("exit", (code) => {
      slot.dead = true;
      this.slots.delete(slot);
      this.idle = this.idle.filter((s) => s !== slot);
      slot.onEvent?.({ crash: `sandbox worker exited (code ${code})` });
    });
    worker.unref();
    this.slots.add(slot);
    this.spawned++;
    return slot;
  }

  private kill(slot: Slot): Promise<unknown> {
    slot.dead = true;
    this.slots.delete(slot);
    this.idle = this.idle.filter((s) => s !== slot);
    return slot.worker.terminate().catch(() => undefined);
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.idle.pop();
      while (slot?.dead) slot = this.idle.pop();
      if (!slot) {
        if (this.slots.size >= this.size) return;
        slot = this.spawn();
      }
      const job = this.queue.shift() as Job;
      this.execute(slot, job);
    }
  }

  private execute(slot: Slot, job: Job): void {
    const t0 = performance.now();
    let stdin: Capture | undefined;
    let stdout: Capture | undefined;
    let stderr: Capture | undefined;
    try {
      stdin = openInput(job.stdin);
      stdout = openOutput();
      stderr = openOutput();
    } catch (err) {
      for (const c of [stdin, stdout, stderr]) c?.close();
      this.idle.push(slot);
      job.reject(err as Error);
      queueMicrotask(() => this.pump());
      return;
    }
    const id = this.nextId++;
    let finished = false;
    let timedOut = false;
    let killedFor: string | undefined;
    let timer: NodeJS.Timeout | undefined;

    const finish = (ev: { done?: WorkerDone; crash?: string }) => {
      if (finished) return;
      if (ev.done && ev.done.id !== id) return;
      finished = true;
      slot.onEvent = null;
      if (timer) clearTimeout(timer);
      clearInterval(poll);
      const out = (stdout as Capture).read(job.maxOutputBytes);
      const err = (stderr as Capture).read(job.maxOutputBytes);
      for (const c of [stdin, stdout, stderr]) c?.close();
      const durationMs = performance.now() - t0;

      const done = ev.done;
      const failed = !done || done.error !== undefined || done.trap !== undefined || done.exitCode === null;
      slot.runs++;
      if (failed || slot.dead || slot.runs >= this.maxRuns) {
        if (!slot.dead) this.recycled++;
        void this.kill(slot);
      } else {
        slot.worker.unref();
        this.idle.push(slot);
      }
      queueMicrotask(() => this.pump());

      if (done?.error) {
        job.reject(new SandboxError(done.error.phase, done.error.message));
        return;
      }
      if (!done && this.closed && !timedOut && killedFor === undefined) {
        job.reject(new SandboxError("pool", "sandbox pool closed during the run"));
        return;
      }
      const result: RunResult = {
        exitCode: done && !done.trap ? (done.exitCode ?? null) : null,
        stdout: out,
        stderr: err,
        timedOut,
        durationMs,
      };
      const trap = timedOut ? undefined : (killedFor ?? done?.trap ?? ev.crash);
      if (trap !== undefined) result.trap = trap;
      job.resolve(result);
    };

    let stopping = false;
    const stop = (reason: "timeout" | "output") => {
      if (finished || stopping) return;
      stopping = true;
      if (reason === "timeout") timedOut = true;
      else killedFor = `output limit exceeded (more than ${job.maxOutputBytes} bytes)`;
      slot.dead = true;
      slot.onEvent = null;
      this.slots.delete(slot);
      this.recycled++;
      slot.worker.terminate().then(
        () => finish({ crash: "terminated" }),
        () => finish({ crash: "terminated" }),
      );
    };

    slot.onEvent = finish;
    if (Number.isFinite(job.timeoutMs)) timer = setTimeout(() => stop("timeout"), Math.max(0, job.timeoutMs));
    const poll = setInterval(() => {
      if ((stdout as Capture).size() > job.maxOutputBytes || (stderr as Capture).size() > job.maxOutputBytes) stop("output");
    }, OUTPUT_POLL_MS);
    poll.unref();
    slot.worker.ref();
    slot.worker.postMessage({
      type: "run",
      id,
      bytes: job.bytes,
      args: job.args,
      stdin: stdin.guestFd,
      stdout: stdout.guestFd,
      stderr: stderr.guestFd,
    });
  }
}
