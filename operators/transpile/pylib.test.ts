import { describe, expect, it } from "vitest";
import { RUNTIME_MODULES } from "../analyze/stdlib.ts";
import { PYLIB_MODULES, pylibRust, pylibSources } from "./pylib.ts";

describe("runtime/pylib", () => {
  it("translates every module completely, and maps each name to its body", async () => {
    const rust = await pylibRust();
    for (const s of pylibSources()) expect(rust).toContain(`"${s.name}" => Some(`);
  });

  it("does not shadow a native runtime module", () => {
    expect([...PYLIB_MODULES].filter((m) => RUNTIME_MODULES.has(m))).toEqual([]);
  });
});
