// `portalis worker`: this process joins the consumer group of each of its stages on the brokers and
// processes what the group assigns it, until SIGTERM/SIGINT: then it drains (stops taking records,
// finishes and acknowledges the in-flight ones), commits, leaves the groups and exits 0. Workers started
// anywhere with the same group prefix share each stage's partitions.
import { OciLayout } from "../bridges/registry/oci-layout.ts";
import { defaultRegistry } from "./commands.ts";
import { type RunningPipeline, checkStages, startPipeline } from "./pipeline.ts";
import { STAGE_NAMES } from "./topology.ts";
import { transportFor } from "./transports.ts";

export interface WorkerOptions {
  brokers: string;
  stages?: string;
  concurrency?: string;
  registry?: string;
  group?: string;
  latest?: boolean;
}

const log = (line: string) => process.stderr.write(`portalis worker[${process.pid}]: ${line}\n`);

export async function runWorker(o: WorkerOptions): Promise<void> {
  const stages = o.stages
    ? o.stages
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [...STAGE_NAMES];
  checkStages(stages);
  const concurrency = o.concurrency === undefined ? undefined : Number(o.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency > 0))
    throw new Error(`--concurrency must be a positive integer, got '${o.concurrency}'`);
  const registryDir = o.registry ?? defaultRegistry();
  await new OciLayout(registryDir).init();
  const transport = await transportFor(o.brokers, `portalis-worker-${process.pid}`);
  const group = o.group ?? "portalis";

  let stopping: Promise<void> | undefined;
  const running: { pipeline?: RunningPipeline } = {};
  const shutdown = (why: string, exitCode: number) => {
    stopping ??= (async () => {
      const t0 = Date.now();
      let code = exitCode;
      log(`${why}: draining`);
      try {
        await running.pipeline?.stop();
        await transport.close();
        log(`drained and left the groups in ${Date.now() - t0} ms`);
      } catch (e) {
        log(`shutdown: ${(e as Error).message}`);
        code = code || 1;
      }
      process.exit(code);
    })();
    return stopping;
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM", 0));
  process.on("SIGINT", () => void shutdown("SIGINT", 0));

  const t0 = Date.now();
  running.pipeline = await startPipeline(transport, {
    registryDir,
    stages,
    concurrency,
    group,
    fromBeginning: !o.latest,
    // A stage whose subscription failed for good leaves the worker half-working: exit so a supervisor restarts it.
    onStageStopped: (stage) => void shutdown(`stage ${stage} stopped`, 1),
  });
  if (stopping) return;
  log(`ready in ${Date.now() - t0} ms: stages ${stages.join(",")} in groups ${group}.<stage> on ${o.brokers}; registry ${registryDir}`);
  await new Promise<void>(() => {}); // runs until a signal
}
