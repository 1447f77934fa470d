// Avro encoding of topic values, shared by every transport. Each record starts with the writer schema's
// fingerprint, so a consumer decodes records written before a schema change by Avro schema resolution.
import { decodeWith, schemaFingerprint, schemaType } from "../schemas/index.ts";
import type { TopicDef } from "./topic.ts";

const MAGIC = 0x50; // 'P'

export function encodeValue<T>(topic: TopicDef<T>, value: T): Buffer {
  const body = schemaType(topic.schema).toBuffer(value);
  const fp = Buffer.from(schemaFingerprint(topic.schema), "hex");
  return Buffer.concat([Buffer.from([MAGIC, fp.length]), fp, body]);
}

export function decodeValue<T>(topic: TopicDef<T>, raw: Buffer): T {
  if (raw.length < 2 || raw[0] !== MAGIC) throw new Error(`record on ${topic.name} has no Portalis Avro header`);
  const fpLen = raw[1];
  const fp = raw.subarray(2, 2 + fpLen).toString("hex");
  return decodeWith(topic.schema, fp, raw.subarray(2 + fpLen)) as T;
}
