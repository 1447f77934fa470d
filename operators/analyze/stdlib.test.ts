import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RUNTIME_MODULES } from "./stdlib.ts";

describe("standard-library modules", () => {
  it("lists exactly the modules runtime/src/stdlib.rs provides", () => {
    const rust = readFileSync(join(import.meta.dirname, "../../runtime/src/stdlib.rs"), "utf8");
    const load = rust.slice(rust.indexOf("pub fn load("));
    const provided = new Set([...load.slice(0, load.indexOf("\n}\n")).matchAll(/"([a-z_]+)"/g)].map((m) => m[1]).filter((m) => !m.startsWith("__")));
    const listed = [...RUNTIME_MODULES].filter((m) => m !== "__future__");
    expect(listed.sort()).toEqual([...provided].sort());
  });
});
