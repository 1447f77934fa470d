// The pipeline as a declaration: which stage reads which topic and writes which, in order.
//
//   source ─ingest→ parsed ─analyze→ analyzed ─specgen→ specs ─transpile→ joins ─link→ programs
//   programs ─build→ built ─validate→ validated ─test→ tested ─package→ artifacts (+ OCI registry)
//   failures ─results→ results           (link and package also write results directly)
//   failures ─failure-join→ joins        (failures before link settle the run at the join)
//   any stage ─(undecodable, or failing after retries)→ dead-letters
import { analyze } from "../operators/analyze/index.ts";
import { build } from "../operators/build/index.ts";
import { ingest } from "../operators/ingest/index.ts";
import { failureJoin } from "../operators/link/failure-join.ts";
import { createLink } from "../operators/link/index.ts";
import { createPackage } from "../operators/package/index.ts";
import { results } from "../operators/results/index.ts";
import { specgen } from "../operators/specgen/index.ts";
import type { JoinStage, Stage } from "../operators/stage.ts";
import { test } from "../operators/test/index.ts";
import { transpile } from "../operators/transpile/stage.ts";
import { validate } from "../operators/validate/index.ts";

export interface TopologyConfig {
  registryDir: string;
}

export interface Topology {
  stages: Stage<unknown, unknown>[];
  joins: JoinStage<unknown, unknown>[];
}

export function topology(cfg: TopologyConfig): Topology {
  const stages = [ingest, analyze, specgen, transpile, build, validate, test, createPackage(cfg.registryDir), results, failureJoin];
  return { stages: stages as unknown as Stage<unknown, unknown>[], joins: [createLink() as unknown as JoinStage<unknown, unknown>] };
}

/** Every stage name a worker can run (`--stages`). */
export const STAGE_NAMES = ["ingest", "analyze", "specgen", "transpile", "link", "build", "validate", "test", "package", "results", "failure-join"] as const;
