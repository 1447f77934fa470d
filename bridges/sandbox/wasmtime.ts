/**
 * Cross-runtime check: run a module with wasmtime (PyPI `wasmtime`, driven by wasmtime_run.py)
 * to compare against the node:wasi sandbox.
 *
 *   wasmtimeAvailable(): Promise<boolean>          python3 can `import wasmtime`
 *   runWithWasmtime(path, opts?): Promise<WasmtimeResult>
 *     opts: args, stdin (string | bytes), timeoutMs (default 10 000), memoryBytes (default 256 MiB)
 *     -> { exitCode: number | null, stdout: Buffer, stderr: Buffer, trap: string | null, timedOut }
 *     No preopens, empty env, argv ["main.wasm", ...args]. Rejects if the module cannot be loaded.
 *
 * CI: install with `pip install wasmtime` (the wheel ships its native library; no Rust toolchain).
 * The interpreter is `$PORTALIS_PYTHON`, else `python3`.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SCRIPT = fileURLToPath(new URL("./wasmtime_run.py", import.meta.url));

export interface WasmtimeOptions {
  args?: string[];
  stdin?: string | Uint8Array;
  timeoutMs?: number;
  memoryBytes?: number;
}

export interface WasmtimeResult {
  exitCode: number | null;
  stdout: Buffer;
  stderr: Buffer;
  trap: string | null;
  timedOut: boolean;
}

function python(): string {
  return process.env.PORTALIS_PYTHON || "python3";
}

function exec(args: string[], timeoutMs: number): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(python(), args, { maxBuffer: 1 << 30, timeout: timeoutMs, encoding: "utf8" }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let available: Promise<boolean> | undefined;

export function wasmtimeAvailable(): Promise<boolean> {
  available ??= exec(["-c", "import wasmtime"], 30_000).then((r) => r.code === 0);
  return available;
}

export async function runWithWasmtime(modulePath: string, opts: WasmtimeOptions = {}): Promise<WasmtimeResult> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const argv = [SCRIPT, "--timeout-ms", String(timeoutMs)];
  if (opts.memoryBytes !== undefined) argv.push("--memory-bytes", String(opts.memoryBytes));
  let stdinPath: string | undefined;
  if (opts.stdin !== undefined) {
    stdinPath = path.join(os.tmpdir(), `portalis-wasmtime-stdin-${randomBytes(6).toString("hex")}`);
    await fs.writeFile(stdinPath, opts.stdin, { mode: 0o600 });
    argv.push("--stdin", stdinPath);
  }
  argv.push("--", modulePath, ...(opts.args ?? []));
  try {
    // generous outer limit: interpreter start + compile, on top of the guest's own timeout
    const r = await exec(argv, timeoutMs + 30_000);
    if (r.code !== 0) throw new Error(`wasmtime_run.py failed (exit ${r.code}): ${r.stderr.trim()}`);
    const line = r.stdout.trim().split("\n").pop() ?? "";
    const j = JSON.parse(line) as { exitCode: number | null; stdout: string; stderr: string; trap: string | null; timedOut: boolean };
    return {
      exitCode: j.exitCode,
      stdout: Buffer.from(j.stdout, "base64"),
      stderr: Buffer.from(j.stderr, "base64"),
      trap: j.trap,
      timedOut: j.timedOut,
    };
  } finally {
    if (stdinPath) await fs.rm(stdinPath, { force: true });
  }
}
