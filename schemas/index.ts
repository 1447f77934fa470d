// Loads the Avro schemas in this folder into avsc Types that share one registry of named types.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import avro from "avsc";

const here = dirname(fileURLToPath(import.meta.url));

/** Files in dependency order: later schemas reference named types declared by earlier ones. */
const files = [
  "common",
  "source-event",
  "run-manifest",
  "parsed-module",
  "analyzed-module",
  "spec-module",
  "transpiled-module",
  "program",
  "built-program",
  "validated-program",
  "tested-program",
  "artifact-event",
  "failure-event",
  "module-result",
] as const;

export type SchemaName = (typeof files)[number];

const registry: Record<string, avro.Type> = {};
const types = new Map<SchemaName, avro.Type>();
for (const file of files) {
  const json = JSON.parse(readFileSync(join(here, `${file}.avsc`), "utf8"));
  types.set(file, avro.Type.forSchema(json, { registry }));
}

export function schemaType(name: SchemaName): avro.Type {
  const type = types.get(name);
  if (!type) throw new Error(`unknown schema ${name}`);
  return type;
}

/** Stable identity of a schema (fingerprint of its canonical form), carried with encoded records. */
export function schemaFingerprint(name: SchemaName): string {
  return schemaType(name).fingerprint("sha256").toString("hex").slice(0, 16);
}
