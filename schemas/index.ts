// Loads the Avro schemas in this folder into avsc Types that share one registry of named types.
import { existsSync, readFileSync, readdirSync } from "node:fs";
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
  "join-event",
  "dead-letter",
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

/** Writer schemas by fingerprint: the current ones plus older versions kept in schemas/history/. */
const writers = new Map<string, avro.Type>();
for (const file of files) writers.set(schemaFingerprint(file), schemaType(file));

/** Registers an older version of a schema, so records it wrote can still be read after a change. */
export function registerWriterSchema(json: object): string {
  let type: avro.Type;
  try {
    type = avro.Type.forSchema(json as avro.Schema); // self-contained (as `Type.schema()` writes it)
  } catch {
    // refers to shared named types (portalis.Timing...) by name, like the files in this folder
    const local: Record<string, avro.Type> = { ...registry };
    const name = (json as { name: string }).name;
    delete local[name.includes(".") ? name : `portalis.${name}`];
    type = avro.Type.forSchema(json as avro.Schema, { registry: local });
  }
  const fp = type.fingerprint("sha256").toString("hex").slice(0, 16);
  writers.set(fp, type);
  return fp;
}

const historyDir = join(here, "history");
if (existsSync(historyDir)) {
  for (const f of readdirSync(historyDir)
    .filter((n) => n.endsWith(".avsc"))
    .sort())
    registerWriterSchema(JSON.parse(readFileSync(join(historyDir, f), "utf8")));
}

const resolvers = new Map<string, avro.Resolver>();

/** Decodes bytes written with schema `writerFp` into the current version of `name` (Avro schema resolution). */
export function decodeWith(name: SchemaName, writerFp: string, body: Buffer): unknown {
  const reader = schemaType(name);
  if (writerFp === schemaFingerprint(name)) return reader.fromBuffer(body);
  const writer = writers.get(writerFp);
  if (!writer)
    throw new Error(`record written with unknown schema ${writerFp} (current ${name} is ${schemaFingerprint(name)}); add the old schema to schemas/history/`);
  const key = `${name}:${writerFp}`;
  let resolver = resolvers.get(key);
  if (!resolver) {
    resolver = reader.createResolver(writer);
    resolvers.set(key, resolver);
  }
  return reader.fromBuffer(body, resolver);
}
