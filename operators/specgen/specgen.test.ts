import { describe, expect, it } from "vitest";
import type { AnalyzedModule } from "../../schemas/events.ts";
import { specFor } from "./index.ts";
import { mapType, witName } from "./types.ts";

describe("specgen", () => {
  it("maps type hints to Rust and WIT", () => {
    expect(mapType("int")).toEqual({ rust: "i64", wit: "s64" });
    expect(mapType("list[float]")).toEqual({ rust: "Vec<f64>", wit: "list<f64>" });
    expect(mapType("tuple[int, str]")).toEqual({ rust: "(i64, String)", wit: "tuple<s64, string>" });
    expect(mapType("dict[str, int]")).toEqual({ rust: "Vec<(String, i64)>", wit: "list<tuple<string, s64>>" });
    expect(mapType("Optional[int]")).toEqual({ rust: "Option<i64>", wit: "option<s64>" });
    expect(mapType("Foo").wit).toBeNull();
    expect(mapType(null).rust).toBe("pyrt::Value");
    expect(witName("moving_average")).toBe("moving-average");
  });

  it("exports only fully typed top-level functions in the WIT world", () => {
    const fn = (name: string, params: [string, string | null][], returns: string | null) => ({
      name,
      line: 1,
      params: params.map(([n, a]) => ({ name: n, annotation: a, hasDefault: false })),
      returns,
      calls: [],
      locals: [],
      isGenerator: false,
    });
    const ev = {
      moduleId: "stats",
      functions: [fn("mean", [["xs", "list[float]"]], "float"), fn("untyped", [["x", null]], null), fn("C.m", [["self", null]], null)],
    } as unknown as AnalyzedModule;
    const spec = specFor(ev);
    expect(spec.signatures.map((s) => [s.rust, s.typed])).toEqual([
      ["pub fn mean(xs: Vec<f64>) -> f64", true],
      ["pub fn untyped(x: pyrt::Value) -> pyrt::Value", false],
    ]);
    expect(spec.wit).toContain("mean: func(xs: list<f64>) -> f64;");
    expect(spec.wit).not.toContain("untyped");
  });
});
