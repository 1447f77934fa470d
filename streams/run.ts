// Drives one run through a running pipeline: announce the manifest, publish the modules, and wait
// for exactly one result per module.
import { filter, firstValueFrom, take, tap, toArray } from "rxjs";
import type { ModuleResult, RunMode } from "../schemas/events.ts";
import { topics } from "../topics/index.ts";
import type { Transport } from "../topics/transport.ts";
import { type ModuleFile, sourceEvent } from "./sources.ts";

export interface RunRequest {
  runId: string;
  mode: RunMode;
  root: string;
  modules: ModuleFile[];
  onResult?: (r: ModuleResult) => void;
}

export async function runModules(transport: Transport, req: RunRequest): Promise<ModuleResult[]> {
  const { runId, modules } = req;
  const seen = new Set<string>();
  const collected = firstValueFrom(
    transport.subscribe(topics.results, { group: `portalis.driver.${runId}`, fromBeginning: false, maxInFlight: 1024 }).pipe(
      tap((d) => d.ack()),
      filter((d) => d.value?.runId === runId && !seen.has(d.value.moduleId)),
      tap((d) => {
        seen.add((d.value as ModuleResult).moduleId);
        req.onResult?.(d.value as ModuleResult);
      }),
      take(modules.length),
      toArray(),
    ),
  );
  if (!modules.length) return [];
  const manifest = { runId, mode: req.mode, root: req.root, modules: modules.map((m) => m.moduleId), createdAt: Date.now() };
  await transport.publish(topics.joins, [{ value: { runId, manifest, module: null, failure: null } }]);
  for (const m of modules) {
    await transport.publish(topics.source, [{ value: await sourceEvent(runId, req.root, m, req.mode) }]);
  }
  const deliveries = await collected;
  return deliveries.map((d) => d.value as ModuleResult);
}
