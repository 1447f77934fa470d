import { describe, expect, it } from "vitest";
import { AckTracker } from "./ack-tracker.ts";

describe("contiguous acknowledgements", () => {
  it("commits only up to the lowest unacknowledged offset, per partition", () => {
    const t = new AckTracker();
    for (const o of [5, 6, 7, 8]) t.delivered(0, o);
    t.delivered(1, 0);
    expect(t.acked(0, 7)).toBeUndefined(); // 5 and 6 still out
    expect(t.acked(0, 5)).toBe(6);
    expect(t.acked(0, 5)).toBeUndefined(); // twice: no-op
    expect(t.acked(0, 6)).toBe(8);
    expect(t.pending).toBe(2);
    expect(t.acked(1, 0)).toBe(1);
    expect(t.acked(0, 8)).toBe(9);
    expect(t.pending).toBe(0);
  });

  it("skips offset gaps (compaction, transaction markers) once everything delivered is acknowledged", () => {
    const t = new AckTracker();
    t.delivered(2, 10);
    t.delivered(2, 14);
    expect(t.acked(2, 14)).toBeUndefined();
    expect(t.acked(2, 10)).toBe(15);
  });
});

describe("partition hand-over", () => {
  it("tells where a kept partition continues and forgets a revoked one", () => {
    const t = new AckTracker();
    expect(t.next(0)).toBeUndefined();
    t.delivered(0, 3);
    t.delivered(0, 4);
    expect(t.next(0)).toBe(5);
    t.forget(0);
    expect(t.next(0)).toBeUndefined();
    expect(t.acked(0, 3)).toBeUndefined();
    expect(t.pending).toBe(0);
  });
});
