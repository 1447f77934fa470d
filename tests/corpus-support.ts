// Shared by the end-to-end corpus tests: translate a corpus tier as a library, then check every
// produced module with a second WASI runtime (wasmtime) against CPython's recorded output.
import { existsSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runWithWasmtime } from "../bridges/sandbox/wasmtime.ts";
import type { ModuleReport } from "../operators/package/report.ts";
import { translateLibrary } from "../streams/commands.ts";
import { failureLine } from "../streams/outputs.ts";

export const CORPUS = resolve(process.env.PORTALIS_CORPUS ?? join(import.meta.dirname, "../../shared/corpus"));

export interface TierResult {
  tier: string;
  total: number;
  passed: string[];
  failed: string[];
  /** passed in the pipeline and also byte-identical under wasmtime against the .expected file */
  wasmtimeAgrees: string[];
  reports: ModuleReport[];
}

export async function runTier(dir: string, label: string): Promise<TierResult> {
  const out = await mkdtemp(join(tmpdir(), `portalis-${label.replace(/\W/g, "_")}-`));
  const res = await translateLibrary(dir, out, { registryDir: join(out, ".registry") });
  const runnable = res.reports.filter((r) => r.outcome !== "imported");
  const passed = runnable.filter((r) => r.outcome === "packaged").map((r) => r.path);
  const failed = runnable.filter((r) => r.outcome === "failed").map((r) => failureLine(r));
  const wasmtimeAgrees: string[] = [];
  for (const path of passed) {
    const stem = path.replace(/\.py$/, "");
    const expectedFile = join(dir, `${stem}.expected`);
    if (!existsSync(expectedFile)) continue;
    const run = await runWithWasmtime(join(out, `${stem}.wasm`));
    // CPython's exit code (recorded by the test stage): 0, or 1 for a program ending in an uncaught exception.
    const expectedExit = res.reports.find((r) => r.path === path)?.test?.expectedExit ?? 0;
    if (run.exitCode === expectedExit && run.stdout.equals(await readFile(expectedFile))) wasmtimeAgrees.push(path);
  }
  return { tier: label, total: runnable.length, passed, failed, wasmtimeAgrees, reports: res.reports };
}
