// Runs a stage as a consumer group on a transport: consume -> process (bounded concurrency) ->
// publish outputs, failures and results -> acknowledge the input. An input is acknowledged only after
// everything it produced is stored, so a crash replays it instead of losing it (at-least-once).
//
// Errors: a translation failure (bad Python, a compile error...) is a result and goes straight to the
// failures topic. An unexpected error is retried with exponential backoff; after the last attempt the
// original record goes to the dead-letter topic and the module fails as `internal`. Records that cannot
// be decoded go to the dead-letter topic at once. Either way the stream goes on.
import { type Observable, type Subscription, from, mergeMap } from "rxjs";
import { type JoinStage, type Stage, type StageResult, failureOf } from "../operators/stage.ts";
import type { DeadLetter, FailureEvent } from "../schemas/events.ts";
import { topics } from "../topics/index.ts";
import type { TopicDef } from "../topics/topic.ts";
import type { Delivery, SubscribeOptions, Transport } from "../topics/transport.ts";

export interface RetryPolicy {
  attempts: number;
  backoffMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, backoffMs: 200 };

export async function publishResults<O>(transport: Transport, output: TopicDef<O>, results: StageResult<O>[]): Promise<void> {
  for (const r of results) {
    if ("ok" in r) await transport.publish(output, [{ value: r.ok }]);
    else if ("failure" in r) await transport.publish(topics.failures, [{ value: r.failure }]);
    else await transport.publish(topics.results, [{ value: r.result }]);
  }
}

function deadLetter(stage: string, d: Delivery<unknown>, error: string, attempts: number): DeadLetter {
  return { stage, topic: d.topic, partition: d.partition, offset: d.offset, key: d.key, payload: d.raw, error, attempts, at: Date.now() };
}

/** The module a record belongs to, from its key (`run/module`), for records whose value is unusable. */
function failureFromKey(stage: string, d: Delivery<unknown>, message: string): FailureEvent {
  const value = d.value as Partial<FailureEvent> | undefined;
  const [runId = "", moduleId = d.key] = d.key.split("/");
  const ev = {
    runId: value?.runId ?? runId,
    moduleId: value?.moduleId ?? moduleId,
    path: value?.path ?? "",
    contentHash: value?.contentHash ?? "",
    timings: value?.timings ?? [],
  };
  return failureOf(ev, stage, Date.now(), { kind: "internal", message });
}

const isInternal = (r: StageResult<unknown>) => "failure" in r && r.failure.kind === "internal";

async function processWithRetry<O>(
  step: () => Promise<StageResult<O>[]>,
  policy: RetryPolicy,
): Promise<{ results: StageResult<O>[] } | { error: string; attempts: number }> {
  let last = "";
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    try {
      const results = await step();
      const internal = results.find(isInternal);
      if (!internal) return { results };
      last = "failure" in internal ? internal.failure.message : "internal failure";
    } catch (e) {
      last = (e as Error).message;
    }
    if (attempt < policy.attempts) await new Promise((r) => setTimeout(r, policy.backoffMs * 2 ** (attempt - 1)));
  }
  return { error: last, attempts: policy.attempts };
}

async function handle<O>(transport: Transport, stage: Stage<unknown, O>, d: Delivery<unknown>, policy: RetryPolicy): Promise<void> {
  try {
    if (d.value === null) {
      // A tombstone (a deletion): no stage has work for it.
    } else if (d.value === undefined) {
      const why = `undecodable record on ${d.topic} at ${d.partition}:${d.offset}: ${d.error?.message}`;
      await transport.publish(topics.deadLetters, [{ value: deadLetter(stage.name, d, why, 0) }]);
      await transport.publish(topics.failures, [{ value: failureFromKey(stage.name, d, why) }]);
    } else {
      const outcome = await processWithRetry(() => stage.process(d.value), policy);
      if ("results" in outcome) await publishResults(transport, stage.output, outcome.results);
      else {
        const why = `stage ${stage.name} failed ${outcome.attempts} times: ${outcome.error}`;
        await transport.publish(topics.deadLetters, [{ value: deadLetter(stage.name, d, outcome.error, outcome.attempts) }]);
        // Failures themselves are not failed again (that could loop): the dead letter is enough.
        if (d.topic !== topics.failures.name) await transport.publish(topics.failures, [{ value: failureFromKey(stage.name, d, why) }]);
      }
    }
  } catch (e) {
    process.stderr.write(`portalis: stage ${stage.name} could not publish the outcome of ${d.topic}:${d.partition}:${d.offset}: ${(e as Error).message}\n`);
    return; // not acknowledged: redelivered after a restart
  }
  d.ack();
}

export interface RunOptions {
  /** The consumer group (default `portalis.<stage>`). */
  group?: string;
  /** Where the group starts when it has no committed offset: the oldest record (default) or the end. */
  fromBeginning?: boolean;
  /** Called when the stage's subscription fails for good (the stage has stopped). */
  onStopped?: (error: unknown) => void;
  concurrency?: number;
  retry?: RetryPolicy;
}

/** A running stage. `drain()` stops taking new records, lets in-flight ones finish and be acknowledged, then leaves the group. */
export interface RunningStage {
  /** Resolves once the stage's subscription has fixed its starting positions (see SubscribeOptions.onReady). */
  ready: Promise<void>;
  drain(): Promise<void>;
}

/** Subscribe options for a stage, and a promise of its readiness. */
interface Readiness {
  ready: Promise<void>;
  onStopped?: (error: unknown) => void;
  /** Rejects `ready` (the subscription failed before it was ready); no-op once ready. */
  fail(e: unknown): void;
}

function subscription(opts: RunOptions, name: string, maxInFlight: number): { options: SubscribeOptions; readiness: Readiness } {
  let onReady = () => {};
  let fail: (e: unknown) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    onReady = resolve;
    fail = reject;
  });
  ready.catch(() => {}); // observed by whoever awaits it
  return {
    options: { group: opts.group ?? `portalis.${name}`, maxInFlight, fromBeginning: opts.fromBeginning ?? true, onReady },
    readiness: { ready, fail, onStopped: opts.onStopped },
  };
}

function drainable<T>(
  source: Observable<Delivery<T>>,
  name: string,
  work: (d: Delivery<T>) => Promise<unknown>,
  concurrency: number,
  readiness: Readiness,
): RunningStage {
  let draining = false;
  let inFlight = 0;
  let idle: (() => void) | undefined;
  const sub: Subscription = source
    .pipe(
      mergeMap(async (d) => {
        if (draining) return; // left unacknowledged: another member gets it after we leave
        inFlight++;
        try {
          await work(d);
        } finally {
          if (--inFlight === 0) idle?.();
        }
      }, concurrency),
    )
    .subscribe({
      error: (e) => {
        readiness.fail(e);
        process.stderr.write(`portalis: stage ${name} stopped: ${e}\n`);
        readiness.onStopped?.(e);
      },
    });
  return {
    ready: readiness.ready,
    async drain() {
      draining = true;
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          idle = resolve;
        });
      }
      sub.unsubscribe();
    },
  };
}

export function runStage<I, O>(transport: Transport, stage: Stage<I, O>, opts: RunOptions = {}): RunningStage {
  const concurrency = opts.concurrency ?? stage.concurrency;
  const policy = opts.retry ?? DEFAULT_RETRY;
  const { options, readiness } = subscription(opts, stage.name, concurrency * 2);
  const source = transport.subscribe(stage.input, options);
  return drainable(source, stage.name, (d) => handle(transport, stage as Stage<unknown, O>, d as Delivery<unknown>, policy), concurrency, readiness);
}

/** Joins process one record at a time and acknowledge a run's records once the join says it settled. */
export function runJoinStage<I, O>(transport: Transport, stage: JoinStage<I, O>, opts: RunOptions = {}): RunningStage {
  const held = new Map<string, Delivery<I>[]>();
  const step = async (d: Delivery<I>) => {
    if (d.value === null) {
      d.ack(); // a tombstone: nothing to join
      return;
    }
    if (d.value === undefined) {
      const why = `undecodable record on ${d.topic} at ${d.partition}:${d.offset}: ${d.error?.message}`;
      await transport.publish(topics.deadLetters, [{ value: deadLetter(stage.name, d as Delivery<unknown>, why, 0) }]);
      d.ack();
      return;
    }
    const run = stage.runOf(d.value);
    held.set(run, [...(held.get(run) ?? []), d]);
    let out: ReturnType<JoinStage<I, O>["process"]>;
    try {
      out = stage.process(d.value);
    } catch (e) {
      await transport.publish(topics.deadLetters, [{ value: deadLetter(stage.name, d as Delivery<unknown>, (e as Error).message, 1) }]);
      return;
    }
    await publishResults(transport, stage.output, out.results);
    for (const settled of out.settled) {
      for (const h of held.get(settled) ?? []) h.ack();
      held.delete(settled);
    }
  };
  const { options, readiness } = subscription(opts, stage.name, 1_000_000);
  const source = transport.subscribe(stage.input, options);
  const work = (d: Delivery<I>) => step(d).catch((e) => process.stderr.write(`portalis: stage ${stage.name}: ${(e as Error).message}\n`));
  return drainable(source, stage.name, work, 1, readiness);
}
