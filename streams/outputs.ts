// Outputs: a module's result -> files in the output folder (.wasm and .rs from the registry's blobs,
// report.json), and the run summary table.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { OciLayout } from "../bridges/registry/oci-layout.ts";
import type { ModuleReport } from "../operators/package/report.ts";
import type { ModuleResult } from "../schemas/events.ts";

export async function writeModuleFiles(outDir: string, stem: string, report: ModuleReport, registry: OciLayout): Promise<string[]> {
  const files: string[] = [];
  const put = async (name: string, data: Uint8Array | string) => {
    const path = join(outDir, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, data);
    files.push(path);
  };
  if (report.rustDigest) await put(`${stem}.rs`, await blobWhenStored(registry, report.rustDigest));
  if (report.wasmDigest) await put(`${stem}.wasm`, await blobWhenStored(registry, report.wasmDigest));
  return files;
}

/**
 * A registry blob, waiting for it a while: with workers elsewhere (Kafka), a module's first result may come
 * from another member, and this process's own package stage stores the same content-addressed blob shortly.
 */
async function blobWhenStored(registry: OciLayout, digest: string, timeoutMs = 120_000): Promise<Buffer> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await registry.getBlob(digest);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT" || Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export function parseReport(r: ModuleResult): ModuleReport {
  return JSON.parse(r.report) as ModuleReport;
}

/** One line saying why a module failed: path:line:col: construct: message. */
export function failureLine(report: ModuleReport): string {
  const f = report.failure;
  if (!f) return "";
  const where = f.line ? `${report.path}:${f.line}:${f.col}` : report.path;
  const construct = f.construct ? `${f.construct}: ` : "";
  return `${where}: [${f.stage}] ${construct}${f.message}`;
}

export function summaryTable(reports: ModuleReport[]): string {
  const rows = reports.map((r) => {
    const ms = r.stages.reduce((n, s) => n + s.ms, 0);
    const note =
      r.outcome === "failed" ? failureLine(r) : r.outcome === "imported" ? "linked into importers" : `${((r.validation?.size ?? 0) / 1024).toFixed(0)} KiB`;
    return [r.path, r.outcome, `${ms.toFixed(0)} ms`, note];
  });
  const head = ["module", "outcome", "time", "note"];
  const widths = head.map((h, i) => Math.min(48, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join("  ");
  return [fmt(head), fmt(widths.map((w) => "-".repeat(w))), ...rows.map(fmt)].join("\n");
}
