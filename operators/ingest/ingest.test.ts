import { describe, expect, it } from "vitest";
import type { SourceEvent } from "../../schemas/events.ts";
import { ingest } from "./index.ts";

const source = (text: string, extra: Partial<SourceEvent> = {}): SourceEvent => ({
  runId: "run",
  moduleId: "m",
  path: "m.py",
  root: "/tmp",
  source: text,
  contentHash: "h",
  isPackage: false,
  mode: "script",
  timings: [],
  ...extra,
});

describe("ingest", () => {
  it("parses a module and records its shape", async () => {
    const [r] = await ingest.process(source("import math\n\ndef f(x):\n    return x\n\nprint(f(2))\n"));
    if (!("ok" in r)) throw new Error("expected ok");
    expect(r.ok.runnable).toBe(true);
    expect(r.ok.topLevel).toEqual(["f"]);
    expect(r.ok.lines).toBe(6);
    expect(r.ok.timings.map((t) => t.stage)).toEqual(["ingest"]);
  });

  it("treats definitions-only modules as not runnable", async () => {
    const [r] = await ingest.process(source('"""doc"""\nRATE = 3\nclass A:\n    pass\ndef g():\n    pass\n'));
    if (!("ok" in r)) throw new Error("expected ok");
    expect(r.ok.runnable).toBe(false);
  });

  it("turns a syntax error into a failure event with line and column", async () => {
    const [r] = await ingest.process(source("x = 1\nif x\n    print(x)\n"));
    if (!("failure" in r)) throw new Error("expected failure");
    expect(r.failure.kind).toBe("syntax");
    expect(r.failure.stage).toBe("ingest");
    expect(r.failure.line).toBe(2);
    expect(r.failure.col).toBeGreaterThan(0);
    expect(r.failure.message).toMatch(/invalid syntax/);
  });

  it("reads `{x:=^9}` in an f-string as a format spec, not a walrus", async () => {
    const [r] = await ingest.process(source('t = "x"\nprint(f"{t:=^9}|{(y:=1)}|{ {z:=2} }")\n'));
    expect("ok" in r).toBe(true);
  });
  it("reports an unclosed bracket", async () => {
    const [r] = await ingest.process(source("print((1, 2)\n"));
    expect("failure" in r && r.failure.line).toBe(1);
  });
});
