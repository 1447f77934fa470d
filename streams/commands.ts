// The CLI's jobs: convert one script, translate a library — on the embedded transport, or on Kafka with
// in-process workers (`--brokers`).
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { OciLayout } from "../bridges/registry/oci-layout.ts";
import type { ModuleReport } from "../operators/package/report.ts";
import type { ModuleResult } from "../schemas/events.ts";
import { EmbeddedTransport } from "../topics/embedded-transport.ts";
import type { Transport } from "../topics/transport.ts";
import { failureLine, parseReport, summaryTable, writeModuleFiles } from "./outputs.ts";
import { startPipeline } from "./pipeline.ts";
import { runModules } from "./run.ts";
import { listPythonFiles, moduleOf, newRunId, scriptModule } from "./sources.ts";

export function defaultRegistry(): string {
  return resolve(process.env.PORTALIS_REGISTRY ?? ".portalis/registry");
}

export interface JobOptions {
  registryDir?: string;
  /** Runs on this transport (left open); a private EmbeddedTransport otherwise. */
  transport?: Transport;
  /**
   * Consumer-group prefix of the in-process stages (default `portalis`). On a shared broker, a private
   * prefix with `fromBeginning: false` keeps the job self-contained: its stages take only records published
   * after they started, and the groups of other workers never take its records away.
   */
  group?: string;
  fromBeginning?: boolean;
  onResult?: (r: ModuleResult) => void;
}

async function withPipeline<T>(opts: JobOptions, fn: (t: Transport, registry: OciLayout) => Promise<T>): Promise<T> {
  const registryDir = opts.registryDir ?? defaultRegistry();
  const transport = opts.transport ?? new EmbeddedTransport();
  const registry = new OciLayout(registryDir);
  await registry.init();
  const pipeline = await startPipeline(transport, { registryDir, group: opts.group, fromBeginning: opts.fromBeginning });
  try {
    return await fn(transport, registry);
  } finally {
    await pipeline.stop();
    if (!opts.transport) await transport.close();
  }
}

export interface ConvertOutcome {
  ok: boolean;
  report: ModuleReport;
  files: string[];
}

export async function convertFile(file: string, outDir: string, opts: JobOptions = {}): Promise<ConvertOutcome> {
  const { root, module } = scriptModule(file);
  return withPipeline(opts, async (transport, registry) => {
    const [result] = await runModules(transport, { runId: newRunId(), mode: "script", root, modules: [module], onResult: opts.onResult });
    const report = parseReport(result);
    const stem = module.moduleId;
    const files = await writeModuleFiles(outDir, stem, report, registry);
    const reportPath = join(outDir, `${stem}.report.json`);
    await mkdir(outDir, { recursive: true });
    await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    return { ok: report.outcome === "packaged", report, files: [...files, reportPath] };
  });
}

async function countLines(root: string, paths: string[]): Promise<number> {
  let n = 0;
  for (const p of paths) n += (await readFile(join(root, p), "utf8")).split("\n").length;
  return n;
}

export interface LibraryOutcome {
  ok: boolean;
  reports: ModuleReport[];
  summary: string;
  modulesPerSecond: number;
  linesPerSecond: number;
  wallMs: number;
}

export async function translateLibrary(
  dir: string,
  outDir: string,
  opts: JobOptions & { onStart?: (total: number) => void; runId?: string } = {},
): Promise<LibraryOutcome> {
  const root = resolve(dir);
  const modules = (await listPythonFiles(root)).map(moduleOf);
  opts.onStart?.(modules.length);
  return withPipeline(opts, async (transport, registry) => {
    const started = performance.now();
    const results = await runModules(transport, { runId: opts.runId ?? newRunId(), mode: "library", root, modules, onResult: opts.onResult });
    const wallMs = performance.now() - started;
    const reports = results.map(parseReport).sort((a, b) => a.path.localeCompare(b.path));
    for (const r of reports) if (r.outcome !== "imported") await writeModuleFiles(outDir, r.path.replace(/\.py$/, ""), r, registry);
    const lines = await countLines(
      root,
      modules.map((m) => m.path),
    );
    const summary = summaryTable(reports);
    const ok = reports.every((r) => r.outcome !== "failed");
    const failures = reports.filter((r) => r.outcome === "failed").map(failureLine);
    await mkdir(outDir, { recursive: true });
    await writeFile(join(outDir, "report.json"), `${JSON.stringify({ root, ok, wallMs, modules: reports, failures }, null, 2)}\n`);
    return { ok, reports, summary, wallMs, modulesPerSecond: (modules.length * 1000) / wallMs, linesPerSecond: (lines * 1000) / wallMs };
  });
}
