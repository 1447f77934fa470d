// Publish+consume throughput of the Kafka transport (and the embedded one, for scale), as JSON:
//   npx tsx bridges/kafka/measure.ts            (uses PORTALIS_KAFKA_BROKERS, Docker, or deploy/kafka/kafka.sh)
// Per case: one subscriber (acks at once) is joined first with a warm-up record, then N records are
// published one per call (as the stage runner does) or in batches, and the clock stops at the last delivery.
import { randomBytes } from "node:crypto";
import type { BuiltProgram, FailureEvent } from "../../schemas/events.ts";
import { encodeValue } from "../../topics/codec.ts";
import { EmbeddedTransport } from "../../topics/embedded-transport.ts";
import { type TopicDef, byModule, topic } from "../../topics/topic.ts";
import type { Transport } from "../../topics/transport.ts";
import { ensureBroker } from "./broker.ts";
import { KafkaTransport } from "./kafka-transport.ts";

const suffix = Date.now().toString(36);
const small = topic<FailureEvent>(`portalis.measure.small.${suffix}`, "failure-event", 4, byModule);
const large = topic<BuiltProgram>(`portalis.measure.large.${suffix}`, "built-program", 4, byModule);

const failure = (moduleId: string): FailureEvent => ({
  runId: "bench",
  moduleId,
  path: `${moduleId}.py`,
  contentHash: "h",
  stage: "build",
  kind: "compile",
  line: 3,
  col: 1,
  construct: "call",
  message: "an error",
  detail: "",
  timings: [],
});

const wasm = randomBytes(500 * 1024);
const built = (moduleId: string): BuiltProgram => ({
  runId: "bench",
  moduleId,
  path: `${moduleId}.py`,
  root: "/r",
  contentHash: "h",
  mode: "script",
  lines: 10,
  modules: [moduleId],
  rust: "fn main() {}",
  wit: "",
  rustHash: "r",
  toolchain: "rustc",
  wasm,
  wasmDigest: "d",
  timings: [],
});

/** batch: records per publish call; publishers: concurrent publishing loops (stage workers). */
async function measure<T>(t: Transport, tp: TopicDef<T>, make: (id: string) => T, n: number, batch: number, label: string, publishers = 1) {
  let seen = 0;
  let warm = false;
  let resolveAll: () => void = () => {};
  const all = new Promise<void>((r) => {
    resolveAll = r;
  });
  const group = `${tp.name}.${label}`;
  const sub = t.subscribe(tp, { group, maxInFlight: 64 }).subscribe((d) => {
    d.ack();
    if ((d.value as { moduleId?: string } | undefined)?.moduleId === `${label}-warm`) warm = true;
    else if (++seen === n) resolveAll();
  });
  await t.publish(tp, [{ value: make(`${label}-warm`) }]);
  while (!warm) await new Promise((r) => setTimeout(r, 5));
  process.stderr.write(`measure: ${t.kind} ${label}: subscriber joined\n`);
  const t0 = performance.now();
  for (let i = 0; i < n; i += batch)
    await t.publish(
      tp,
      Array.from({ length: Math.min(batch, n - i) }, (_, j) => ({ value: make(`${label}-${i + j}`) })),
    );
  const published = performance.now() - t0;
  await all;
  const total = performance.now() - t0;
  sub.unsubscribe();
  process.stderr.write(`measure: ${t.kind} ${label}: ${Math.round(total)} ms\n`);
  const bytes = encodeValue(tp, make("x")).length;
  return {
    case: label,
    records: n,
    recordBytes: bytes,
    publishPerCall: batch,
    publishers,
    publishMs: Math.round(published),
    endToEndMs: Math.round(total),
    recordsPerSec: Math.round((n / total) * 1000),
    mbPerSec: Number(((n * bytes) / 1e6 / (total / 1000)).toFixed(1)),
  };
}

/** Each case on transport(): the Kafka one is shared; the embedded one is fresh per case (an embedded group
 * without members still holds records back from publishers, so an earlier case's group would block a later one). */
async function run(transport: () => Transport) {
  const cases = [
    (t: Transport) => measure(t, small, failure, 1000, 1, "small-1000-one-per-call"),
    (t: Transport) => measure(t, small, failure, 1000, 1, "small-1000-one-per-call-16-publishers", 16),
    (t: Transport) => measure(t, small, failure, 1000, 100, "small-1000-batches-of-100"),
    (t: Transport) => measure(t, large, built, 50, 1, "large-50x500KB-one-per-call"),
    (t: Transport) => measure(t, large, built, 50, 1, "large-50x500KB-one-per-call-4-publishers", 4),
    (t: Transport) => measure(t, large, built, 50, 10, "large-50x500KB-batches-of-10"),
  ];
  const out = [];
  for (const c of cases) {
    const t = transport();
    await t.ensureTopics([small, large]);
    out.push(await c(t));
  }
  return out;
}

const t0 = performance.now();
const broker = await ensureBroker();
const brokerReadyMs = Math.round(performance.now() - t0);
const kafka = new KafkaTransport({ brokers: broker.brokers });
try {
  const results = {
    broker: { kind: broker.kind, brokers: broker.brokers, readyMs: brokerReadyMs },
    kafka: await run(() => kafka),
    embedded: await run(() => new EmbeddedTransport()),
  };
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
} finally {
  await kafka.close();
  await broker.stop();
}
