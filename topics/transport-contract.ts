// The behavioural contract every Transport meets, as a vitest suite: run it with a factory for the
// transport under test (topics/embedded-transport.test.ts, bridges/kafka/kafka-transport.test.ts).
// Every test declares its own topic with a random suffix, so reruns against a broker never see old data.
import { randomUUID } from "node:crypto";
import { firstValueFrom, take, timeout, toArray } from "rxjs";
import { describe, expect, it } from "vitest";
import type { FailureEvent } from "../schemas/events.ts";
import { partitionFor } from "./partitioner.ts";
import { type TopicDef, byModule, topic } from "./topic.ts";
import type { Delivery, Transport } from "./transport.ts";

/** A transport with a way to store raw bytes (poison records) next to encoded ones. */
export interface ContractTransport extends Transport {
  publishRaw(topic: TopicDef<unknown>, key: string, raw: Buffer): Promise<void>;
}

export interface ContractOptions {
  /** Longest wait for a delivery the test expects (ms). */
  timeoutMs?: number;
  /** How long the test watches that nothing more arrives, where that matters (ms). */
  settleMs?: number;
}

export const failure = (moduleId: string, message = "m"): FailureEvent => ({
  runId: "r",
  moduleId,
  path: `${moduleId}.py`,
  contentHash: "h",
  stage: "ingest",
  kind: "syntax",
  line: 1,
  col: 2,
  construct: "",
  message,
  detail: "",
  timings: [],
});

/** A fresh 4-partition topic of failure events, keyed by run/module like the pipeline's topics. */
export const freshTopic = (label: string): TopicDef<FailureEvent> =>
  topic<FailureEvent>(`portalis.test.${label}.${randomUUID().slice(0, 8)}`, "failure-event", 4, byModule);

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function waitFor(cond: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

export function transportContract(name: string, make: () => ContractTransport | Promise<ContractTransport>, options: ContractOptions = {}): void {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const settleMs = options.settleMs ?? 50;
  const until = (cond: () => boolean, what: string) => waitFor(cond, what, timeoutMs);

  /** A transport, a fresh topic and a group name for one test; the transport is closed afterwards whatever happens. */
  async function withTopic(label: string, fn: (t: ContractTransport, tp: TopicDef<FailureEvent>, group: string) => Promise<void>): Promise<void> {
    const t = await make();
    try {
      const tp = freshTopic(label);
      await t.ensureTopics([tp]);
      await fn(t, tp, `${tp.name}.group`);
    } finally {
      await t.close();
    }
  }

  describe(`${name} transport contract`, () => {
    it("round-trips Avro-encoded records with keys and partitions", () =>
      withTopic("roundtrip", async (t, tp, group) => {
        const ids = ["a", "b", "c", "d", "e", "f", "g", "h"];
        const got = firstValueFrom(t.subscribe(tp, { group }).pipe(take(ids.length), toArray(), timeout(timeoutMs)));
        await t.publish(
          tp,
          ids.map((id) => ({ value: failure(id) })),
        );
        const ds = await got;
        expect(ds.map((d) => d.value?.moduleId).sort()).toEqual(ids);
        for (const d of ds) {
          expect(d.key).toBe(`r/${d.value?.moduleId}`);
          expect(d.partition).toBe(partitionFor(d.key, tp.partitions));
          expect(d.raw[0]).toBe(0x50);
          expect(d.error).toBeUndefined();
          expect(d.value).toEqual(failure(d.value?.moduleId ?? ""));
          d.ack();
        }
        expect(new Set(ds.map((d) => d.partition)).size).toBeGreaterThan(1);
      }));

    it("keeps a key's records in order", () =>
      withTopic("order", async (t, tp, group) => {
        const seen: string[] = [];
        const other: string[] = [];
        const sub = t.subscribe(tp, { group, maxInFlight: 1 }).subscribe((d) => {
          (d.value?.moduleId === "same" ? seen : other).push(d.value?.message ?? "");
          d.ack();
        });
        try {
          for (let i = 0; i < 5; i++) await t.publish(tp, [{ value: failure("same", String(i)) }, { value: failure("other", String(i)) }]);
          await until(() => seen.length >= 5 && other.length >= 5, "10 records");
          expect(seen).toEqual(["0", "1", "2", "3", "4"]);
          expect(other).toEqual(["0", "1", "2", "3", "4"]);
        } finally {
          sub.unsubscribe();
        }
      }));

    it("holds at most maxInFlight unacknowledged deliveries and resumes as they are acknowledged", () =>
      withTopic("backpressure", async (t, tp, group) => {
        const held: Delivery<FailureEvent>[] = [];
        let received = 0;
        let maxHeld = 0;
        const sub = t.subscribe(tp, { group, maxInFlight: 3 }).subscribe((d) => {
          received++;
          held.push(d);
          maxHeld = Math.max(maxHeld, held.length);
        });
        try {
          await t.publish(
            tp,
            Array.from({ length: 10 }, (_, i) => ({ value: failure(`k${i % 2}`, String(i)) })),
          );
          await until(() => received === 3, "the first 3 deliveries");
          await sleep(settleMs);
          expect(received).toBe(3);
          held.shift()?.ack();
          await until(() => received === 4, "a 4th delivery after one ack");
          await sleep(settleMs);
          expect(received).toBe(4);
          while (received < 10 || held.length) {
            held.shift()?.ack();
            await until(() => held.length > 0 || received === 10, "more deliveries");
          }
          expect(maxHeld).toBe(3);
        } finally {
          sub.unsubscribe();
        }
      }));

    it("commits up to the highest contiguous acknowledgement: a later member resumes after it", () =>
      withTopic("commit", async (t, tp, group) => {
        const a: Delivery<FailureEvent>[] = [];
        const subA = t.subscribe(tp, { group, maxInFlight: 100 }).subscribe((d) => a.push(d));
        await t.publish(
          tp,
          Array.from({ length: 10 }, (_, i) => ({ value: failure("one", String(i)) })),
        );
        await until(() => a.length === 10, "10 deliveries to the first member");
        expect(a.map((d) => d.value?.message)).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);
        for (const i of [0, 1, 2, 4, 5]) a[i].ack(); // 3 stays unacknowledged
        subA.unsubscribe();
        const b: string[] = [];
        // Acks after the delivery callback has returned, as the stage runner does (once its outputs are stored).
        const subB = t.subscribe(tp, { group }).subscribe((d) => {
          b.push(d.value?.message ?? "");
          setTimeout(() => d.ack(), 0);
        });
        try {
          await until(() => b.includes("9"), "redelivery from offset 3 up to the last record");
          await sleep(settleMs);
          // Resumes at the lowest unacknowledged offset; 4 and 5 were acknowledged, so seeing them again is allowed.
          expect(b[0]).toBe("3");
          expect(b.filter((m) => !["4", "5"].includes(m))).toEqual(["3", "6", "7", "8", "9"]);
        } finally {
          subB.unsubscribe();
        }
      }));

    it("shares partitions between members of a group and hands a leaving member's unacknowledged records to the others", () =>
      withTopic("share", async (t, tp, group) => {
        const a: string[] = [];
        const b: string[] = [];
        const published: string[] = [];
        const subA = t.subscribe(tp, { group, maxInFlight: 1000 }).subscribe((d) => a.push(d.value?.moduleId ?? "")); // never acks
        const subB = t.subscribe(tp, { group, maxInFlight: 1000 }).subscribe((d) => {
          b.push(d.value?.moduleId ?? "");
          d.ack();
        });
        try {
          // Publish rounds of 8 keys (over all 4 partitions) until both members have been given some.
          for (let round = 0; !(a.length && b.length); round++) {
            if (round * 100 > timeoutMs) throw new Error(`members did not share the partitions within ${timeoutMs} ms: a=${a.length} b=${b.length}`);
            const ids = Array.from({ length: 8 }, (_, i) => `m${round}.${i}`);
            published.push(...ids);
            await t.publish(
              tp,
              ids.map((id) => ({ value: failure(id) })),
            );
            await sleep(100);
          }
          await until(() => new Set([...a, ...b]).size === published.length, "every record at one member");
          subA.unsubscribe(); // a "crash": it committed nothing
          await until(() => new Set(b).size === published.length, "the leaving member's records at the other");
          expect([...new Set(b)].sort()).toEqual([...published].sort());
        } finally {
          subA.unsubscribe();
          subB.unsubscribe();
        }
      }));

    it("redelivers unacknowledged records to the next member of the group", () =>
      withTopic("redeliver", async (t, tp, group) => {
        const a: string[] = [];
        const subA = t.subscribe(tp, { group, maxInFlight: 100 }).subscribe((d) => a.push(d.value?.moduleId ?? "")); // never acks
        for (let i = 0; i < 20; i++) await t.publish(tp, [{ value: failure(`m${i}`) }]);
        await until(() => a.length >= 20, "20 deliveries");
        expect(new Set(a).size).toBe(20);
        subA.unsubscribe(); // a "crash": nothing was committed
        const b: string[] = [];
        const subB = t.subscribe(tp, { group }).subscribe((d) => {
          b.push(d.value?.moduleId ?? "");
          d.ack();
        });
        try {
          await until(() => b.length >= 20, "20 redeliveries");
          await sleep(settleMs);
          expect(b.sort()).toEqual([...new Set(a)].sort());
        } finally {
          subB.unsubscribe();
        }
      }));

    it("delivers a tombstone (null value) with its key, as a value of null rather than a poison record", () =>
      withTopic("tombstone", async (t, tp, group) => {
        const got = firstValueFrom(t.subscribe(tp, { group }).pipe(take(2), toArray(), timeout(timeoutMs)));
        await t.publish(tp, [{ key: "r/gone", value: null }, { value: failure("kept") }]);
        const ds = await got;
        const tomb = ds.find((d) => d.key === "r/gone");
        expect(tomb?.value).toBeNull();
        expect(tomb?.error).toBeUndefined();
        expect(tomb?.raw.length).toBe(0);
        expect(tomb?.partition).toBe(partitionFor("r/gone", tp.partitions));
        expect(ds.find((d) => d.key === "r/kept")?.value?.moduleId).toBe("kept");
        for (const d of ds) d.ack();
      }));

    it("starts a new group at the end when fromBeginning is false: it gets what is published after onReady, not before", () =>
      withTopic("latest", async (t, tp, group) => {
        await t.publish(tp, [{ value: failure("before") }]);
        const seen: string[] = [];
        let ready = false;
        const sub = t
          .subscribe(tp, {
            group,
            fromBeginning: false,
            onReady: () => {
              ready = true;
            },
          })
          .subscribe((d) => {
            seen.push(d.value?.moduleId ?? "");
            d.ack();
          });
        try {
          await until(() => ready, "onReady");
          await t.publish(tp, [{ value: failure("after") }]);
          await until(() => seen.includes("after"), "the record published after onReady");
          await sleep(settleMs);
          expect(seen).toEqual(["after"]);
        } finally {
          sub.unsubscribe();
        }
      }));

    it("delivers undecodable bytes as a poison record instead of failing the stream", () =>
      withTopic("poison", async (t, tp, group) => {
        const got = firstValueFrom(t.subscribe(tp, { group }).pipe(take(2), toArray(), timeout(timeoutMs)));
        await t.publishRaw(tp as TopicDef<unknown>, "r/x", Buffer.from("garbage"));
        await t.publish(tp, [{ value: failure("ok") }]);
        const [first, second] = await got;
        const poison = [first, second].find((d) => d.value === undefined);
        expect(poison?.error?.message).toMatch(/no Portalis Avro header/);
        expect(poison?.raw.toString()).toBe("garbage");
        expect(poison?.partition).toBe(partitionFor("r/x", tp.partitions));
        expect([first, second].some((d) => d.value?.moduleId === "ok")).toBe(true);
      }));
  });
}
