// Starts the stages of the topology on a transport (all of them, or a worker's `--stages`), each as a
// member of its stage's consumer group; stop() drains them all.
import { closeDefaultPool } from "../bridges/sandbox/run-wasi.ts";
import { allTopics } from "../topics/index.ts";
import type { Transport } from "../topics/transport.ts";
import { type RunOptions, runJoinStage, runStage } from "./stage-runner.ts";
import { STAGE_NAMES, type TopologyConfig, topology } from "./topology.ts";

export interface PipelineOptions extends TopologyConfig {
  /** Stage names to run; all when absent. */
  stages?: readonly string[];
  /** Overrides each stage's own concurrency. */
  concurrency?: number;
  retry?: RunOptions["retry"];
  /** Consumer groups are `<group>.<stage>` (default `portalis`): workers with the same prefix share the work. */
  group?: string;
  /** Where groups without committed offsets start: the oldest retained record (default) or the end of each topic. */
  fromBeginning?: boolean;
  /** Called when a stage's subscription fails for good (that stage no longer runs). */
  onStageStopped?: (stage: string, error: unknown) => void;
}

export interface RunningPipeline {
  stop(): Promise<void>;
}

/** Throws on stage names the topology does not have. */
export function checkStages(stages: readonly string[]): void {
  const unknown = stages.filter((s) => !(STAGE_NAMES as readonly string[]).includes(s));
  if (unknown.length) throw new Error(`unknown stage${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")} (stages: ${STAGE_NAMES.join(", ")})`);
  if (!stages.length) throw new Error(`no stages given (stages: ${STAGE_NAMES.join(", ")})`);
}

/** Resolves once every stage has joined its group and fixed its starting positions. */
export async function startPipeline(transport: Transport, cfg: PipelineOptions): Promise<RunningPipeline> {
  if (cfg.stages) checkStages(cfg.stages);
  await transport.ensureTopics(allTopics);
  const topo = topology(cfg);
  const wanted = (name: string) => !cfg.stages || cfg.stages.includes(name);
  const prefix = cfg.group ?? "portalis";
  const opts = (name: string): RunOptions => ({
    concurrency: cfg.concurrency,
    retry: cfg.retry,
    group: `${prefix}.${name}`,
    fromBeginning: cfg.fromBeginning,
    onStopped: (e) => cfg.onStageStopped?.(name, e),
  });
  const subs = [
    ...topo.stages.filter((s) => wanted(s.name)).map((s) => runStage(transport, s, opts(s.name))),
    ...topo.joins.filter((j) => wanted(j.name)).map((j) => runJoinStage(transport, j, opts(j.name))),
  ];
  const stop = async () => {
    await Promise.all(subs.map((s) => s.drain()));
    await closeDefaultPool();
  };
  await Promise.all(subs.map((s) => s.ready));
  return {
    /** Graceful: in-flight records finish and are acknowledged (committed) before the groups are left. */
    stop,
  };
}
