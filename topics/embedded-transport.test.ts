import { describe, expect, it } from "vitest";
import { EmbeddedTransport } from "./embedded-transport.ts";
import { topics } from "./index.ts";
import { failure, transportContract } from "./transport-contract.ts";

transportContract("embedded", () => new EmbeddedTransport());

describe("embedded transport", () => {
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

  it("does not let a group without members block publishers", async () => {
    const t = new EmbeddedTransport(2);
    t.subscribe(topics.failures, { group: "gone" }).subscribe().unsubscribe();
    for (let i = 0; i < 10; i++) await t.publish(topics.failures, [{ value: failure("k") }]);
  });

  it("lets a member resume after another member's acknowledgements committed past its position", async () => {
    const t = new EmbeddedTransport();
    const held: { ack(): void; value?: { message: string } }[] = [];
    const a = t.subscribe(topics.failures, { group: "g", maxInFlight: 100 }).subscribe((d) => held.push(d as never));
    for (let i = 0; i < 10; i++) await t.publish(topics.failures, [{ value: failure("same", String(i)) }]);
    await new Promise((r) => setTimeout(r, 10));
    for (const i of [0, 1, 2, 4, 5]) held[i].ack();
    a.unsubscribe();
    const seen: string[] = [];
    const b = t.subscribe(topics.failures, { group: "g", maxInFlight: 100 }).subscribe((d) => {
      seen.push(d.value?.message ?? "");
      d.ack();
    });
    await new Promise((r) => setTimeout(r, 20));
    b.unsubscribe();
    expect(seen).toEqual(["3", "6", "7", "8", "9"]);
  });
});
