// The topology's topics, one per stage output, in pipeline order.
import type * as E from "../schemas/events.ts";
import { byModule, topic } from "./topic.ts";

const PARTITIONS = 4;

export const topics = {
  source: topic<E.SourceEvent>("portalis.source", "source-event", PARTITIONS, byModule),
  parsed: topic<E.ParsedModule>("portalis.parsed", "parsed-module", PARTITIONS, byModule),
  analyzed: topic<E.AnalyzedModule>("portalis.analyzed", "analyzed-module", PARTITIONS, byModule),
  specs: topic<E.SpecModule>("portalis.specs", "spec-module", PARTITIONS, byModule),
  /** Keyed by run: the link join needs all of a run's events on one partition. */
  joins: topic<E.JoinEvent>("portalis.joins", "join-event", PARTITIONS, (v) => v.runId),
  programs: topic<E.Program>("portalis.programs", "program", PARTITIONS, byModule),
  built: topic<E.BuiltProgram>("portalis.built", "built-program", PARTITIONS, byModule),
  validated: topic<E.ValidatedProgram>("portalis.validated", "validated-program", PARTITIONS, byModule),
  tested: topic<E.TestedProgram>("portalis.tested", "tested-program", PARTITIONS, byModule),
  artifacts: topic<E.ArtifactEvent>("portalis.artifacts", "artifact-event", PARTITIONS, byModule),
  failures: topic<E.FailureEvent>("portalis.failures", "failure-event", PARTITIONS, byModule),
  results: topic<E.ModuleResult>("portalis.results", "module-result", PARTITIONS, byModule),
  deadLetters: topic<E.DeadLetter>("portalis.dead-letters", "dead-letter", 1, (v) => v.key),
} as const;

export type Topics = typeof topics;
export const allTopics = Object.values(topics);
