import { firstValueFrom, take, toArray } from "rxjs";
import { describe, expect, it } from "vitest";
import type { FailureEvent } from "../schemas/events.ts";
import { EmbeddedTransport } from "./embedded-transport.ts";
import { topics } from "./index.ts";
import { partitionFor } from "./partitioner.ts";

const failure = (moduleId: string, message = "m"): FailureEvent => ({
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

describe("embedded transport", () => {
  it("round-trips Avro-encoded records with keys and partitions", async () => {
    const t = new EmbeddedTransport();
    const got = firstValueFrom(t.subscribe(topics.failures, { group: "g" }).pipe(take(2), toArray()));
    await t.publish(topics.failures, [{ value: failure("a") }, { value: failure("b") }]);
    const ds = await got;
    expect(ds.map((d) => d.value?.moduleId).sort()).toEqual(["a", "b"]);
    for (const d of ds) {
      expect(d.partition).toBe(partitionFor(d.key, topics.failures.partitions));
      expect(d.raw[0]).toBe(0x50);
    }
  });

  it("keeps a key's records in order", async () => {
    const t = new EmbeddedTransport();
    const seen: string[] = [];
    const done = new Promise<void>((resolve) => {
      const s = t.subscribe(topics.failures, { group: "g", maxInFlight: 1 }).subscribe((d) => {
        seen.push(d.value?.message ?? "");
        d.ack();
        if (seen.length === 5) {
          s.unsubscribe();
          resolve();
        }
      });
    });
    for (let i = 0; i < 5; i++) await t.publish(topics.failures, [{ value: failure("same", String(i)) }]);
    await done;
    expect(seen).toEqual(["0", "1", "2", "3", "4"]);
  });

  it("applies backpressure: publish waits while a group has not committed", async () => {
    const t = new EmbeddedTransport(2);
    const pending: (() => void)[] = [];
    const sub = t.subscribe(topics.failures, { group: "slow", maxInFlight: 100 }).subscribe((d) => pending.push(() => d.ack()));
    // all to one key -> one partition of capacity 2
    await t.publish(topics.failures, [{ value: failure("k") }, { value: failure("k") }]);
    let third = false;
    const p = t.publish(topics.failures, [{ value: failure("k") }]).then(() => {
      third = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(third).toBe(false);
    pending.shift()?.();
    await p;
    expect(third).toBe(true);
    sub.unsubscribe();
  });

  it("shares partitions between members of a group and redelivers unacknowledged records", async () => {
    const t = new EmbeddedTransport();
    const a: string[] = [];
    const subA = t.subscribe(topics.failures, { group: "g", maxInFlight: 100 }).subscribe((d) => a.push(d.value?.moduleId ?? "")); // never acks
    for (let i = 0; i < 20; i++) await t.publish(topics.failures, [{ value: failure(`m${i}`) }]);
    await new Promise((r) => setTimeout(r, 10));
    expect(a.length).toBe(20);
    subA.unsubscribe(); // a "crash": nothing was committed
    const b: string[] = [];
    const subB = t.subscribe(topics.failures, { group: "g" }).subscribe((d) => {
      b.push(d.value?.moduleId ?? "");
      d.ack();
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(b.sort()).toEqual(a.sort());
    subB.unsubscribe();
  });

  it("delivers undecodable bytes as a poison record instead of failing the stream", async () => {
    const t = new EmbeddedTransport();
    const got = firstValueFrom(t.subscribe(topics.failures, { group: "g" }).pipe(take(2), toArray()));
    await t.publishRaw(topics.failures, "r/x", Buffer.from("garbage"));
    await t.publish(topics.failures, [{ value: failure("ok") }]);
    const [first, second] = await got;
    const poison = [first, second].find((d) => d.value === undefined);
    expect(poison?.error?.message).toMatch(/no Portalis Avro header/);
    expect([first, second].some((d) => d.value?.moduleId === "ok")).toBe(true);
  });
});
