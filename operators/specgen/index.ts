// specgen: Rust signatures for the module's top-level functions and a WIT interface exporting the
// fully typed ones (the typed component API).
import type { AnalyzedModule, RustSignature, SpecModule } from "../../schemas/events.ts";
import { topics } from "../../topics/index.ts";
import { type Stage, guarded, timing } from "../stage.ts";
import { mapType, witName } from "./types.ts";

export function specFor(ev: AnalyzedModule): { signatures: RustSignature[]; wit: string } {
  const signatures: RustSignature[] = [];
  const witFuncs: string[] = [];
  for (const fn of ev.functions) {
    if (fn.name.includes(".")) continue; // methods and nested functions are not part of the API
    const params = fn.params.filter((p) => !p.name.startsWith("*"));
    const mapped = params.map((p) => ({ p, t: mapType(p.annotation) }));
    const ret = fn.returns ? mapType(fn.returns) : { rust: "pyrt::Value", wit: null };
    const typed = fn.params.length === params.length && mapped.every((m) => m.t.wit !== null) && (ret.wit !== null || fn.returns === "None") && !fn.isGenerator;
    const args = mapped.map(({ p, t }) => `${p.name}: ${t.rust}`).join(", ");
    signatures.push({ python: fn.name, rust: `pub fn ${fn.name}(${args}) -> ${ret.rust}`, typed });
    if (typed) {
      const witArgs = mapped.map(({ p, t }) => `${witName(p.name)}: ${t.wit}`).join(", ");
      witFuncs.push(`    ${witName(fn.name)}: func(${witArgs})${ret.wit ? ` -> ${ret.wit}` : ""};`);
    }
  }
  const world = witName(ev.moduleId.replace(/\./g, "-")) || "module";
  const wit = witFuncs.length ? `package portalis:${world};\n\nworld ${world} {\n  export api: interface {\n${witFuncs.join("\n")}\n  }\n}\n` : "";
  return { signatures, wit };
}

export const specgen: Stage<AnalyzedModule, SpecModule> = {
  name: "specgen",
  input: topics.analyzed,
  output: topics.specs,
  concurrency: 8,
  process: (ev) =>
    guarded("specgen", ev, async (startedAt) => {
      const { functions: _f, classes: _c, ...rest } = ev;
      return [{ ok: { ...rest, ...specFor(ev), timings: [...ev.timings, timing("specgen", startedAt)] } }];
    }),
};
