// What every stage shares: its declaration (input topic -> output topic, concurrency, a pure async
// step) and helpers to stamp timings and build failure events.
import { hostname } from "node:os";
import { type OperatorFunction, from, mergeMap } from "rxjs";
import type { FailureEvent, FailureKind, ModuleResult, Timing } from "../schemas/events.ts";
import type { TopicDef } from "../topics/topic.ts";

/** A stage step's outputs: the next event, a failure, or a module's final result (e.g. "imported"). */
export type StageResult<O> = { ok: O } | { failure: FailureEvent } | { result: ModuleResult };

export interface Stage<I, O> {
  readonly name: string;
  readonly input: TopicDef<I>;
  readonly output: TopicDef<O>;
  readonly concurrency: number;
  /** One input event -> zero or more outputs/failures. Pure with respect to the transport. */
  process(event: I): Promise<StageResult<O>[]>;
}

/**
 * A stateful join over one topic keyed by run (link). It sees a run's events one at a time, in
 * order, and says which runs are settled: only then are that run's input records acknowledged, so a
 * worker that dies mid-run leaves them uncommitted and the next member rebuilds the state by replay.
 */
export interface JoinStage<I, O> {
  readonly name: string;
  readonly input: TopicDef<I>;
  readonly output: TopicDef<O>;
  runOf(event: I): string;
  process(event: I): { results: StageResult<O>[]; settled: string[] };
}

/** The stage as an RxJS operator with bounded concurrency, for composing chains without a transport. */
export function asOperator<I, O>(stage: Stage<I, O>): OperatorFunction<I, StageResult<O>> {
  return mergeMap((event: I) => from(stage.process(event)).pipe(mergeMap((results) => from(results))), stage.concurrency);
}

export const workerName = `${hostname()}:${process.pid}`;

export function timing(stage: string, startedAt: number, cached = false): Timing {
  return { stage, startedAt, ms: Date.now() - startedAt, worker: workerName, cached };
}

interface Identified {
  runId: string;
  moduleId: string;
  path: string;
  contentHash: string;
  timings: Timing[];
}

export interface FailureDetails {
  kind: FailureKind;
  message: string;
  line?: number;
  col?: number;
  construct?: string;
  detail?: string;
}

export function failureOf(event: Identified, stage: string, startedAt: number, d: FailureDetails): FailureEvent {
  return {
    runId: event.runId,
    moduleId: event.moduleId,
    path: event.path,
    contentHash: event.contentHash,
    stage,
    kind: d.kind,
    line: d.line ?? 0,
    col: d.col ?? 0,
    construct: d.construct ?? "",
    message: d.message,
    detail: d.detail ?? "",
    timings: [...event.timings, timing(stage, startedAt)],
  };
}

/** Runs a stage step, turning an unexpected exception into an `internal` failure (the stream goes on). */
export async function guarded<I extends Identified, O>(
  stage: string,
  event: I,
  step: (startedAt: number) => Promise<StageResult<O>[]>,
): Promise<StageResult<O>[]> {
  const startedAt = Date.now();
  try {
    return await step(startedAt);
  } catch (e) {
    const err = e as Error;
    return [{ failure: failureOf(event, stage, startedAt, { kind: "internal", message: err.message, detail: err.stack ?? "" }) }];
  }
}

export function cores(): number {
  return Math.max(1, (globalThis.navigator?.hardwareConcurrency as number | undefined) ?? 2);
}
