// The pipeline as a declaration: which stage reads which topic and writes which, in order.
//
//   source ─ingest→ parsed ─analyze→ analyzed ─specgen→ specs ─transpile→ transpiled ┐
//   runs ──────────────────────────────────────────────────────────────────────────────┼─link→ programs
//   failures ──────────────────────────────────────────────────────────────────────────┘
//   programs ─build→ built ─validate→ validated ─test→ tested ─package→ artifacts (+ registry)
//   failures ─results→ results      (package and link also write results directly)
import { analyze } from "../operators/analyze/index.ts";
import { build } from "../operators/build/index.ts";
import { ingest } from "../operators/ingest/index.ts";
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
  stages: Stage<never, unknown>[];
  joins: JoinStage<unknown>[];
}

export function topology(cfg: TopologyConfig): Topology {
  const stages = [ingest, analyze, specgen, transpile, build, validate, test, createPackage(cfg.registryDir), results];
  return { stages: stages as unknown as Stage<never, unknown>[], joins: [createLink() as JoinStage<unknown>] };
}

export const STAGE_NAMES = ["ingest", "analyze", "specgen", "transpile", "link", "build", "validate", "test", "package"] as const;
