// Dev loop helper: writes the generated Rust of runtime/pylib to a file (dev-run.sh builds the native runtime with it).
import { readFileSync, writeFileSync } from "node:fs";
import { pylibRust } from "./pylib.ts";

const out = process.argv[2];
const rust = await pylibRust();
let old = "";
try {
  old = readFileSync(out, "utf8");
} catch {}
if (old !== rust) writeFileSync(out, rust); // unchanged: keep the mtime, so the runtime is not rebuilt
