// Runs a stage as a consumer group on a transport: consume -> process (bounded concurrency) ->
// publish outputs, failures and results -> acknowledge the input. An input is acknowledged only
// after everything it produced is stored, so a crash replays it instead of losing it.
import { type Subscription, concatMap, from, merge, mergeMap } from "rxjs";
import { type JoinStage, type Stage, type StageResult, failureOf } from "../operators/stage.ts";
import type { FailureEvent } from "../schemas/events.ts";
import { topics } from "../topics/index.ts";
import type { TopicDef } from "../topics/topic.ts";
import type { Delivery, Transport } from "../topics/transport.ts";

export async function publishResults<O>(transport: Transport, output: TopicDef<O>, results: StageResult<O>[]): Promise<void> {
  for (const r of results) {
    if ("ok" in r) await transport.publish(output, [{ value: r.ok }]);
    else if ("failure" in r) await transport.publish(topics.failures, [{ value: r.failure }]);
    else await transport.publish(topics.results, [{ value: r.result }]);
  }
}

/** A record that cannot be decoded becomes a failure of its module (from the key) and is skipped. */
function poison(stage: string, d: Delivery<unknown>): FailureEvent {
  const [runId = "", moduleId = d.key] = d.key.split("/");
  const ev = { runId, moduleId, path: "", contentHash: "", timings: [] };
  return failureOf(ev, stage, Date.now(), { kind: "internal", message: `undecodable record on ${d.topic} at ${d.partition}:${d.offset}: ${d.error?.message}` });
}

async function handle<O>(
  transport: Transport,
  name: string,
  output: TopicDef<O>,
  d: Delivery<unknown>,
  step: (v: unknown) => Promise<StageResult<O>[]> | StageResult<O>[],
): Promise<void> {
  try {
    const results = d.value === undefined ? [{ failure: poison(name, d) }] : await step(d.value);
    await publishResults(transport, output, results);
  } catch (e) {
    process.stderr.write(`portalis: stage ${name} could not publish the outcome of ${d.topic}:${d.partition}:${d.offset}: ${(e as Error).message}\n`);
    return; // not acknowledged: redelivered after a restart
  }
  d.ack();
}

export function runStage<I, O>(transport: Transport, stage: Stage<I, O>, group = `portalis.${stage.name}`): Subscription {
  return transport
    .subscribe(stage.input, { group, maxInFlight: stage.concurrency * 2 })
    .pipe(mergeMap((d) => handle(transport, stage.name, stage.output, d as Delivery<unknown>, (v) => stage.process(v as I)), stage.concurrency))
    .subscribe({ error: (e) => process.stderr.write(`portalis: stage ${stage.name} stopped: ${e}\n`) });
}

/** Join stages see their inputs one event at a time, in arrival order (their state is not shared). */
export function runJoinStage<O>(transport: Transport, stage: JoinStage<O>, group = `portalis.${stage.name}`): Subscription {
  const inputs = stage.inputs.map((t) => transport.subscribe(t, { group, maxInFlight: 64 }));
  return merge(...inputs)
    .pipe(concatMap((d) => from(handle(transport, stage.name, stage.output, d, (v) => stage.process(d.topic, v)))))
    .subscribe({ error: (e) => process.stderr.write(`portalis: stage ${stage.name} stopped: ${e}\n`) });
}
