import { describe, expect, it } from "vitest";
import { firstDifference } from "./diff.ts";

describe("firstDifference", () => {
  it("is null for identical output and points at the first differing line otherwise", () => {
    expect(firstDifference("a\nb\n", "a\nb\n")).toBeNull();
    const d = firstDifference("a\nb\nc\n", "a\nB\nc\n");
    expect(d).toContain("@@ line 2 @@");
    expect(d).toContain('- "b"');
    expect(d).toContain('+ "B"');
  });

  it("shows a missing trailing newline", () => {
    expect(firstDifference("x\n", "x")).toContain("@@ line 2 @@");
  });
});
