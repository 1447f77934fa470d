// Dev entry: transpile Python files into one main.rs.
//   npx tsx operators/transpile/dev-transpile.ts OUT.rs ENTRY_MODULE FILE.py[=module.name[:pkg]] ...
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { linkProgram, transpileModule } from "./index.ts";

const [out, entry, ...files] = process.argv.slice(2);
const mods = [];
let failed = false;
for (const spec of files) {
  const [file, modSpec] = spec.split("=");
  let moduleName = basename(file!, ".py");
  let isPackage = false;
  if (modSpec) {
    const [m, p] = modSpec.split(":");
    moduleName = m!;
    isPackage = p === "pkg";
  }
  const r = await transpileModule(readFileSync(file!, "utf8"), { moduleName, path: file!, isPackage });
  for (const d of r.diagnostics) {
    console.error(`${d.path}:${d.line}:${d.col}: ${d.construct}: ${d.message}`);
    failed = true;
  }
  mods.push(r);
}
writeFileSync(out!, linkProgram(entry!, mods));
process.exit(failed ? 2 : 0);
