// Drives runs through a pipeline, wherever its workers are: publishRun announces the manifest (on the
// join topic, keyed by run) and publishes one source event per module; awaitResults collects exactly one
// result per module of the run (results arrive at least once: duplicates are dropped here).
import { randomUUID } from "node:crypto";
import { type Subscription, filter, take, tap, toArray } from "rxjs";
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

/** Publishes a run: its manifest first, then the modules' source events. Returns once they are stored. */
export async function publishRun(transport: Transport, req: Omit<RunRequest, "onResult">): Promise<void> {
  const { runId, modules } = req;
  if (!modules.length) return;
  const manifest = { runId, mode: req.mode, root: req.root, modules: modules.map((m) => m.moduleId), createdAt: Date.now() };
  await transport.publish(topics.joins, [{ value: { runId, manifest, module: null, failure: null } }]);
  for (const m of modules) {
    await transport.publish(topics.source, [{ value: await sourceEvent(runId, req.root, m, req.mode) }]);
  }
}

export interface ResultWatch {
  /** Resolves once results published from now on are seen: publish the run after this. */
  ready: Promise<void>;
  /** One result per expected module, in arrival order. */
  results: Promise<ModuleResult[]>;
  /** Stops watching (results then never resolves). */
  cancel(): void;
}

/** Watches the results topic for one result per module of a run (from a private group, starting at the end). */
export function awaitResults(transport: Transport, runId: string, moduleIds: readonly string[], onResult?: (r: ModuleResult) => void): ResultWatch {
  if (!moduleIds.length) return { ready: Promise.resolve(), results: Promise.resolve([]), cancel: () => {} };
  const expected = new Set(moduleIds);
  const seen = new Set<string>();
  let markReady = () => {};
  const readyP = new Promise<void>((r) => {
    markReady = r;
  });
  let sub: Subscription | undefined;
  const results = new Promise<ModuleResult[]>((resolve, reject) => {
    const group = `portalis.driver.${runId}.${randomUUID().slice(0, 8)}`;
    const stream = transport.subscribe(topics.results, { group, fromBeginning: false, maxInFlight: 1024, onReady: () => markReady() }).pipe(
      tap((d) => d.ack()),
      filter((d) => !!d.value && d.value.runId === runId && expected.has(d.value.moduleId) && !seen.has(d.value.moduleId)),
      tap((d) => {
        const r = d.value as ModuleResult;
        seen.add(r.moduleId);
        onResult?.(r);
      }),
      take(expected.size),
      toArray(),
    );
    sub = stream.subscribe({ next: (ds) => resolve(ds.map((d) => d.value as ModuleResult)), error: reject });
  });
  // A subscription that fails before it is ready rejects `ready` too.
  const ready = Promise.race([readyP, results.then(() => undefined)]);
  return { ready, results, cancel: () => sub?.unsubscribe() };
}

/** Publishes a run and waits for its results. */
export async function runModules(transport: Transport, req: RunRequest): Promise<ModuleResult[]> {
  const watch = awaitResults(
    transport,
    req.runId,
    req.modules.map((m) => m.moduleId),
    req.onResult,
  );
  await watch.ready;
  await publishRun(transport, req);
  return watch.results;
}
