// Starts the stages of the topology on a transport (all of them, or a worker's `--stages`);
// stop() unsubscribes them all.
import { closeDefaultPool } from "../bridges/sandbox/run-wasi.ts";
import { allTopics } from "../topics/index.ts";
import type { Transport } from "../topics/transport.ts";
import { type RunOptions, runJoinStage, runStage } from "./stage-runner.ts";
import { type TopologyConfig, topology } from "./topology.ts";

export interface PipelineOptions extends TopologyConfig {
  /** Stage names to run; all when absent. */
  stages?: readonly string[];
  /** Overrides each stage's own concurrency. */
  concurrency?: number;
  retry?: RunOptions["retry"];
}

export interface RunningPipeline {
  stop(): Promise<void>;
}

export async function startPipeline(transport: Transport, cfg: PipelineOptions): Promise<RunningPipeline> {
  await transport.ensureTopics(allTopics);
  const topo = topology(cfg);
  const wanted = (name: string) => !cfg.stages || cfg.stages.includes(name);
  const opts = { concurrency: cfg.concurrency, retry: cfg.retry };
  const subs = [
    ...topo.stages.filter((s) => wanted(s.name)).map((s) => runStage(transport, s, opts)),
    ...topo.joins.filter((j) => wanted(j.name)).map((j) => runJoinStage(transport, j, opts)),
  ];
  return {
    /** Graceful: in-flight records finish and are acknowledged (committed) before the groups are left. */
    async stop() {
      await Promise.all(subs.map((s) => s.drain()));
      await closeDefaultPool();
    },
  };
}
