import { describe, expect, it } from "vitest";
import type { ParsedModule } from "../../schemas/events.ts";
import { resolveRelative } from "./imports.ts";
import { analyze } from "./index.ts";

const parsed = (text: string, extra: Partial<ParsedModule> = {}): ParsedModule => ({
  runId: "run",
  moduleId: "pkg.sub.mod",
  path: "pkg/sub/mod.py",
  root: "/tmp",
  source: text,
  contentHash: "h",
  isPackage: false,
  mode: "library",
  timings: [],
  lines: 1,
  runnable: true,
  topLevel: [],
  ...extra,
});

describe("analyze", () => {
  it("resolves relative imports", () => {
    expect(resolveRelative("pkg.sub.mod", false, 1, "base")).toBe("pkg.sub.base");
    expect(resolveRelative("pkg.sub.mod", false, 2, "util")).toBe("pkg.util");
    expect(resolveRelative("pkg", true, 1, "circle")).toBe("pkg.circle");
    expect(resolveRelative("top", false, 2, "x")).toBeNull();
  });

  it("classifies imports and records type hints, calls and literal local types", async () => {
    const src = [
      "import math",
      "from .base import Shape",
      "from collections import Counter",
      "def area(r: float, n: int = 2) -> float:",
      "    total = 0",
      "    name = 'x'",
      "    return math.pi * r ** n + helper(total)",
      "def gen():",
      "    yield 1",
      "class C:",
      "    def m(self):",
      "        return 1",
    ].join("\n");
    const [r] = await analyze.process(parsed(src));
    if (!("ok" in r)) throw new Error(JSON.stringify(r));
    expect(r.ok.imports.map((i) => [i.module, i.kind])).toEqual([
      ["math", "stdlib"],
      ["pkg.sub.base", "local"],
      ["collections", "stdlib"],
    ]);
    const area = r.ok.functions.find((f) => f.name === "area");
    expect(area?.params).toEqual([
      { name: "r", annotation: "float", hasDefault: false },
      { name: "n", annotation: "int", hasDefault: true },
    ]);
    expect(area?.returns).toBe("float");
    expect(area?.calls).toEqual(["helper"]);
    expect(area?.locals).toEqual([
      { name: "total", type: "int" },
      { name: "name", type: "str" },
    ]);
    expect(r.ok.functions.find((f) => f.name === "gen")?.isGenerator).toBe(true);
    expect(r.ok.functions.map((f) => f.name)).toContain("C.m");
    expect(r.ok.classes).toEqual(["C"]);
  });

  it("fails precisely on a standard-library module the runtime lacks", async () => {
    const [r] = await analyze.process(parsed("x = 1\nimport sqlite3\n"));
    if (!("failure" in r)) throw new Error("expected failure");
    expect([r.failure.line, r.failure.col, r.failure.kind]).toEqual([2, 1, "unsupported"]);
    expect(r.failure.message).toMatch(/sqlite3/);
  });
});
