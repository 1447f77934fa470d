import { describe, expect, it } from "vitest";
import { parseRustcErrors, pythonLocation } from "./errors.ts";

describe("rustc error mapping", () => {
  it("parses rustc's error lines and locations", () => {
    const stderr = "error[E0425]: cannot find value `x` in this scope\n --> /tmp/b/main.rs:7:13\n  |\nerror: aborting due to previous error\n";
    expect(parseRustcErrors(stderr)).toEqual([{ message: "cannot find value `x` in this scope", rustLine: 7, rustCol: 13 }]);
  });

  it("maps a main.rs line to the nearest Python line marker and its module", () => {
    const rust = ["// Python module shop.money", "mod m_money {", "  // py:3", "  let a = 1;", "  // py:4", "  let b = x;", "}"].join("\n");
    expect(pythonLocation(rust, 6)).toEqual({ module: "shop.money", line: 4 });
    expect(pythonLocation(rust, 4)).toEqual({ module: "shop.money", line: 3 });
  });
});
