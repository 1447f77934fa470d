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
});
