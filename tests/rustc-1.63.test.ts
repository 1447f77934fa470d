// Generated Rust and the pyrt runtime must build with rustc >= 1.63 (Debian's, target wasm32-wasi):
// a few corpus programs go through the whole pipeline with that compiler.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

process.env.PORTALIS_RUSTC = "/usr/bin/rustc";
const { CORPUS } = await import("./corpus-support.ts");
const { convertFile } = await import("../streams/commands.ts");
const { findToolchain } = await import("../bridges/rustc/toolchain.ts");

describe("rustc 1.63 (Debian, wasm32-wasi)", () => {
  it("is the toolchain in use for this file (npm test installs it)", async () => {
    expect(existsSync("/usr/bin/rustc"), "/usr/bin/rustc missing: deploy/ensure-deps.sh installs it").toBe(true);
    const tc = await findToolchain();
    expect(tc?.version).toMatch(/^rustc 1\.63/);
    expect(tc?.target).toBe("wasm32-wasi");
  });

  for (const program of ["basic/bigints.py", "strings/fstring_specs.py", "collections/counter_defaultdict_deque.py", "classes/bank_props.py"]) {
    it(`builds and passes ${program}`, async () => {
      const res = await convertFile(join(CORPUS, program), join("/tmp", "portalis-163", program.replace("/", "_")), {
        registryDir: "/tmp/portalis-163/registry",
      });
      expect(res.report.failure?.message ?? "").toBe("");
      expect(res.ok).toBe(true);
    }, 600_000);
  }
});
