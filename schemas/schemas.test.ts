import avro from "avsc";
import { describe, expect, it } from "vitest";
import { decodeValue, encodeValue } from "../topics/codec.ts";
import { allTopics, topics } from "../topics/index.ts";
import { registerWriterSchema, schemaFingerprint, schemaType } from "./index.ts";

describe("event schemas", () => {
  it("declares one schema per topic, each loadable, with a stable fingerprint", () => {
    for (const t of allTopics) {
      expect(schemaType(t.schema).name).toMatch(/^portalis\./);
      expect(schemaFingerprint(t.schema)).toMatch(/^[0-9a-f]{16}$/);
    }
  });

  it("round-trips a source event and rejects records written with another schema", () => {
    const ev = {
      runId: "r",
      moduleId: "a.b",
      path: "a/b.py",
      root: "/x",
      source: "print(1)\n",
      contentHash: "h",
      isPackage: false,
      mode: "library" as const,
      timings: [{ stage: "x", startedAt: 1, ms: 2.5, worker: "w", cached: false }],
    };
    const raw = encodeValue(topics.source, ev);
    expect(decodeValue(topics.source, raw)).toEqual(ev);
    expect(() => decodeValue(topics.parsed, raw)).toThrow();
  });

  it("refuses events that do not match their schema", () => {
    expect(() => encodeValue(topics.source, { runId: "r" } as never)).toThrow();
  });

  it("decodes records written with an older version of a schema (schema identity travels with each record)", () => {
    const current = JSON.parse(JSON.stringify(schemaType("failure-event").schema()));
    const old = { ...current, fields: current.fields.filter((f: { name: string }) => f.name !== "detail" && f.name !== "construct") };
    const fp = registerWriterSchema(old);
    const oldType = avro.Type.forSchema(old);
    const value = { runId: "r", moduleId: "m", path: "m.py", contentHash: "h", stage: "ingest", kind: "syntax", line: 1, col: 1, message: "bad", timings: [] };
    const body = oldType.toBuffer(value);
    const fpBytes = Buffer.from(fp, "hex");
    const raw = Buffer.concat([Buffer.from([0x50, fpBytes.length]), fpBytes, body]);
    expect(decodeValue(topics.failures, raw)).toMatchObject({ ...value, detail: "", construct: "" });
  });
});
