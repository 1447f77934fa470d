// The transport contract against a real broker (PORTALIS_KAFKA_BROKERS, a testcontainers Kafka when Docker
// answers, else deploy/kafka/kafka.sh's local KRaft broker), plus a broker restart in the middle of a run.
// Never skipped: when no broker can be started, beforeAll fails and so does every test here.
import { type ConsumerConfig, Kafka, KafkaJSNonRetriableError } from "kafkajs";
import { firstValueFrom, take, timeout } from "rxjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BuiltProgram } from "../../schemas/events.ts";
import { partitionFor } from "../../topics/partitioner.ts";
import { byModule, topic } from "../../topics/topic.ts";
import { failure, freshTopic, transportContract, waitFor } from "../../topics/transport-contract.ts";
import { type BrokerHandle, ensureBroker } from "./broker.ts";
import { KafkaTransport, SCHEMA_HEADER } from "./kafka-transport.ts";
import { quietLogCreator } from "./quiet-log.ts";

let broker: BrokerHandle;

beforeAll(async () => {
  const t0 = Date.now();
  broker = await ensureBroker();
  process.stderr.write(`kafka test: ${broker.kind} broker at ${broker.brokers.join(",")} ready in ${Date.now() - t0} ms\n`);
}, 240_000);

afterAll(async () => {
  if (!broker) return;
  // Drop this run's topics (and those of runs that died before this point) so the broker's data stays small.
  const admin = new Kafka({ clientId: "portalis-test", brokers: broker.brokers, logCreator: quietLogCreator }).admin();
  try {
    await admin.connect();
    const ours = (await admin.listTopics()).filter((n) => n.startsWith("portalis.test."));
    if (ours.length) await admin.deleteTopics({ topics: ours, timeout: 10_000 });
  } catch (e) {
    process.stderr.write(`kafka test: could not delete test topics: ${(e as Error).message}\n`);
  } finally {
    await admin.disconnect();
  }
  const t0 = Date.now();
  await broker.stop();
  process.stderr.write(`kafka test: broker stopped in ${Date.now() - t0} ms\n`);
}, 60_000);

const transport = () => new KafkaTransport({ brokers: broker.brokers });

transportContract("kafka", transport, { timeoutMs: 20_000, settleMs: 1_000 });

describe("kafka transport", () => {
  it("stores the shared Avro bytes on the partition of partitionFor, with the schema name in a header", async () => {
    const t = transport();
    const kafka = new Kafka({ clientId: "portalis-test", brokers: broker.brokers, logCreator: quietLogCreator });
    const consumer = kafka.consumer({ groupId: `raw.${Date.now()}`, maxWaitTimeInMs: 200 });
    try {
      const tp = freshTopic("headers");
      await t.ensureTopics([tp]);
      await t.ensureTopics([tp]); // idempotent
      await t.publish(tp, [{ value: failure("h1") }, { value: failure("h2") }]);
      const seen: { partition: number; key: string; schema: string; magic: number }[] = [];
      await consumer.connect();
      await consumer.subscribe({ topics: [tp.name], fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ partition, message }) => {
          seen.push({ partition, key: String(message.key), schema: String(message.headers?.[SCHEMA_HEADER]), magic: message.value?.[0] ?? -1 });
        },
      });
      await waitFor(() => seen.length === 2, "2 records", 20_000);
      for (const s of seen) expect(s).toEqual({ partition: s.partition, key: s.key, schema: "failure-event", magic: 0x50 });
      for (const s of seen) expect(s.partition).toBe(partitionFor(s.key, 4));
    } finally {
      await consumer.disconnect();
      await t.close();
    }
  });

  it("carries a WASM-sized record (10 MiB) and rejects one over the broker's 16 MiB limit at once", async () => {
    const t = transport();
    try {
      const tp = topic<BuiltProgram>(`portalis.test.large.${Date.now().toString(36)}`, "built-program", 4, byModule);
      await t.ensureTopics([tp]);
      const built = (moduleId: string, size: number): BuiltProgram => ({
        ...{ runId: "r", moduleId, path: `${moduleId}.py`, root: "/", contentHash: "h", mode: "script", lines: 1, modules: [moduleId] },
        ...{ rust: "", wit: "", rustHash: "", toolchain: "", wasm: Buffer.alloc(size, 7), wasmDigest: "", timings: [] },
      });
      await t.publish(tp, [{ value: built("ten", 10 * 1024 * 1024) }]);
      const d = await firstValueFrom(t.subscribe(tp, { group: `${tp.name}.group` }).pipe(take(1), timeout(20_000)));
      d.ack();
      expect(d.value?.wasm.length).toBe(10 * 1024 * 1024);
      await expect(t.publish(tp, [{ value: built("seventeen", 17 * 1024 * 1024) }])).rejects.toThrow(/larger than the max message size/);
    } finally {
      await t.close();
    }
  });

  it("restarts a consumer that kafkajs gives up on (a non-retriable crash, as a coordinator still loading after a restart)", async () => {
    const t = transport();
    // Fault injection on the real client: the first batch fetched raises the error kafkajs raised in CI when the
    // broker came back with its group coordinator not ready; kafkajs then stops the consumer for good.
    const crashes: boolean[] = [];
    const kafka = (t as unknown as { kafka: Kafka }).kafka;
    const consumer = kafka.consumer.bind(kafka);
    kafka.consumer = (cfg: ConsumerConfig) => {
      const c = consumer(cfg);
      c.on(c.events.CRASH, ({ payload }) => void crashes.push(payload.restart));
      const run = c.run.bind(c);
      c.run = (cfg) =>
        run({
          ...cfg,
          eachBatch: async (p) => {
            if (!crashes.length && p.batch.messages.length) throw new KafkaJSNonRetriableError("Failed to find group coordinator");
            await cfg?.eachBatch?.(p);
          },
        });
      return c;
    };
    try {
      const tp = freshTopic("crash");
      await t.ensureTopics([tp]);
      const received = new Set<string>();
      const sub = t.subscribe(tp, { group: `${tp.name}.group` }).subscribe({
        next: (d) => {
          received.add(d.value?.moduleId ?? "?");
          d.ack();
        },
        error: (e) => received.add(`error: ${e}`),
      });
      await t.publish(
        tp,
        Array.from({ length: 20 }, (_, i) => ({ value: failure(`c${i}`) })),
      );
      await waitFor(() => received.size >= 20, `20 records (have ${[...received].join(" ")})`, 30_000);
      sub.unsubscribe();
      expect(crashes).toEqual([false]);
      expect([...received].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `c${i}`).sort());
    } finally {
      await t.close();
    }
  });

  it("survives a broker restart in the middle of a run: nothing published is lost", async () => {
    const t = transport();
    try {
      const tp = freshTopic("restart");
      await t.ensureTopics([tp]);
      const received = new Map<string, number>();
      const sub = t.subscribe(tp, { group: `${tp.name}.group`, maxInFlight: 32 }).subscribe((d) => {
        const id = d.value?.moduleId ?? "?";
        received.set(id, (received.get(id) ?? 0) + 1);
        setTimeout(() => d.ack(), 1);
      });
      const publishRange = async (from: number, to: number) => {
        for (let i = from; i < to; i += 10) {
          await t.publish(
            tp,
            Array.from({ length: Math.min(10, to - i) }, (_, j) => ({ value: failure(`m${i + j}`) })),
          );
        }
      };
      await publishRange(0, 50);
      await waitFor(() => received.size === 50, "the first 50 records", 20_000);
      // Keep publishing while the broker goes down and comes back: those sends wait and retry.
      const during = publishRange(50, 100);
      await broker.restart();
      await publishRange(100, 150);
      await during;
      await waitFor(() => received.size === 150, `all 150 records (have ${received.size})`, 60_000);
      sub.unsubscribe();
      const missing = Array.from({ length: 150 }, (_, i) => `m${i}`).filter((id) => !received.has(id));
      expect(missing).toEqual([]);
      const redelivered = [...received.values()].reduce((n, c) => n + c - 1, 0);
      process.stderr.write(`broker restart: 150 records received, ${redelivered} redelivered (at-least-once)\n`);
    } finally {
      await t.close();
    }
  }, 120_000);
});
