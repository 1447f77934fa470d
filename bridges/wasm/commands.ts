/**
 * CLI-facing commands for wasm modules. Each returns text and an exit code; the CLI prints
 * `out` to stdout and `err` (when present) to stderr, then exits with `code`.
 *
 *   validateWasmCommand(path, { json? })  code 0 valid, 1 invalid (engine's message), 2 unreadable file.
 *       --json: {"valid":true,"imports":[...],"exports":[...],"memory":{...}|null,"size":N}
 *               or {"valid":false,"error":"...","hint"?:"..."}
 *   wasmInfoCommand(path, { json? })      human-readable table (or the full WasmInfo as JSON); 1 invalid, 2 unreadable.
 *   runWasmCommand(path, args, opts?)     runs the module in the sandbox; the guest's stdout/stderr bytes are
 *       written to opts.io (default process.stdout/stderr) after the run; code = the guest's exit code
 *       (values outside 0..255 become 1). Trap / cannot start -> one-line `err`, code 1; timeout -> code 124.
 *       opts: timeoutMs, memoryBytes, stdin (the CLI decides whether to forward its own stdin).
 */
import { readFile } from "node:fs/promises";
import { runWasi } from "../sandbox/run-wasi.ts";
import { SandboxError } from "../sandbox/types.ts";
import { type WasmInfo, formatSignature, validateWasm, wasmInfo } from "./inspect.ts";

export interface CommandResult {
  code: number;
  out: string;
  err?: string;
}

interface Sink {
  write(chunk: Uint8Array): unknown;
}

async function load(path: string): Promise<Uint8Array | CommandResult> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    return { code: 2, out: "", err: `error: cannot read ${path}: ${(e as Error).message}\n` };
  }
}

export async function validateWasmCommand(path: string, opts: { json?: boolean } = {}): Promise<CommandResult> {
  const bytes = await load(path);
  if (!(bytes instanceof Uint8Array)) return bytes;
  const v = validateWasm(bytes);
  if (!v.valid) {
    if (opts.json) return { code: 1, out: `${JSON.stringify(v)}\n` };
    return { code: 1, out: "", err: `${path}: invalid: ${v.error}${v.hint ? ` (${v.hint})` : ""}\n` };
  }
  const info = wasmInfo(bytes);
  if (opts.json) {
    const { imports, exports, memory, size } = info;
    return { code: 0, out: `${JSON.stringify({ valid: true, imports, exports, memory, size })}\n` };
  }
  return {
    code: 0,
    out: `${path}: valid core wasm module (${info.size} bytes, ${info.imports.length} imports, ${info.exports.length} exports)\n`,
  };
}

function mib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) ? 2 : 0)} MiB` : `${bytes / 1024} KiB`;
}

const pages = (n: number) => `${n} page${n === 1 ? "" : "s"}`;

export function formatInfo(path: string, info: WasmInfo): string {
  const lines: string[] = [];
  const row = (k: string, v: string) => lines.push(`${k.padEnd(9)} ${v}`);
  row("file", path);
  row("size", `${info.size} bytes`);
  const kind =
    info.wasi.kind === null
      ? "plain module (no WASI)"
      : `${info.wasi.version ? `WASI ${info.wasi.version}` : "no WASI imports,"} ${info.wasi.kind}`;
  row("kind", kind);
  if (info.memories.length === 0) row("memory", "none");
  for (const m of info.memories) {
    const max = m.maximumPages === null ? "no maximum" : `max ${pages(m.maximumPages)} (${mib(m.maximumBytes as number)})`;
    const origin = m.import ? `imported from ${m.import.module}.${m.import.name}` : "defined";
    const exported = m.exportedAs.length ? `, exported as ${m.exportedAs.map((n) => JSON.stringify(n)).join(", ")}` : "";
    const flags = `${m.shared ? ", shared" : ""}${m.memory64 ? ", memory64" : ""}`;
    row(
      info.memories.length > 1 ? `memory ${m.index}` : "memory",
      `${pages(m.initialPages)} (${mib(m.initialBytes)}) initial, ${max}, ${origin}${exported}${flags}`,
    );
  }
  row("custom", info.customSections.length ? info.customSections.join(", ") : "none");
  lines.push(`imports (${info.imports.length})`);
  const iw = Math.max(0, ...info.imports.map((i) => i.module.length + i.name.length + 1));
  for (const i of info.imports) {
    lines.push(
      `  ${`${i.module}.${i.name}`.padEnd(iw)}  ${i.kind.padEnd(8)}  ${i.signature ? formatSignature(i.signature) : ""}`.trimEnd(),
    );
  }
  lines.push(`exports (${info.exports.length})`);
  const ew = Math.max(0, ...info.exports.map((e) => e.name.length));
  for (const e of info.exports) lines.push(`  ${e.name.padEnd(ew)}  ${e.kind}`);
  return `${lines.join("\n")}\n`;
}

export async function wasmInfoCommand(path: string, opts: { json?: boolean } = {}): Promise<CommandResult> {
  const bytes = await load(path);
  if (!(bytes instanceof Uint8Array)) return bytes;
  const v = validateWasm(bytes);
  if (!v.valid) return { code: 1, out: "", err: `${path}: invalid: ${v.error}${v.hint ? ` (${v.hint})` : ""}\n` };
  const info = wasmInfo(bytes);
  return { code: 0, out: opts.json ? `${JSON.stringify(info, null, 2)}\n` : formatInfo(path, info) };
}

export interface RunCommandOptions {
  timeoutMs?: number;
  memoryBytes?: number;
  stdin?: string | Uint8Array;
  io?: { stdout: Sink; stderr: Sink };
}

export async function runWasmCommand(path: string, args: string[] = [], opts: RunCommandOptions = {}): Promise<CommandResult> {
  const bytes = await load(path);
  if (!(bytes instanceof Uint8Array)) return bytes;
  const io = opts.io ?? { stdout: process.stdout, stderr: process.stderr };
  try {
    const r = await runWasi(bytes, {
      args,
      name: path.split("/").pop() || "main.wasm",
      stdin: opts.stdin,
      timeoutMs: opts.timeoutMs,
      memoryBytes: opts.memoryBytes,
    });
    if (r.stdout.length) io.stdout.write(r.stdout);
    if (r.stderr.length) io.stderr.write(r.stderr);
    if (r.timedOut) return { code: 124, out: "", err: `error: ${path}: timed out after ${Math.round(r.durationMs)} ms\n` };
    if (r.exitCode === null) return { code: 1, out: "", err: `error: ${path}: trap: ${r.trap ?? "unknown"}\n` };
    return { code: r.exitCode >= 0 && r.exitCode <= 255 ? r.exitCode : 1, out: "" };
  } catch (e) {
    const msg = e instanceof SandboxError ? `${e.phase}: ${e.message}` : (e as Error).message;
    return { code: 1, out: "", err: `error: ${path}: ${msg}\n` };
  }
}
