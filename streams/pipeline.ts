// Starts every stage of the topology on a transport; stop() unsubscribes them all.
import { closeDefaultPool } from "../bridges/sandbox/run-wasi.ts";
import { allTopics } from "../topics/index.ts";
import type { Transport } from "../topics/transport.ts";
import { runJoinStage, runStage } from "./stage-runner.ts";
import { type TopologyConfig, topology } from "./topology.ts";

export interface RunningPipeline {
  stop(): Promise<void>;
}

export async function startPipeline(transport: Transport, cfg: TopologyConfig): Promise<RunningPipeline> {
  await transport.ensureTopics(allTopics);
  const topo = topology(cfg);
  const subs = [...topo.stages.map((s) => runStage(transport, s)), ...topo.joins.map((j) => runJoinStage(transport, j))];
  return {
    async stop() {
      for (const s of subs) s.unsubscribe();
      await closeDefaultPool();
    },
  };
}
