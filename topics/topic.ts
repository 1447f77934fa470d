// A topic declaration: name, key, value schema, partitions. Every event crossing a topic is
// Avro-encoded with its schema, in-process as well as on Kafka, so both transports share one contract.
import type { SchemaName } from "../schemas/index.ts";

export interface TopicDef<T> {
  readonly name: string;
  readonly schema: SchemaName;
  readonly partitions: number;
  /** The record key: events of one module share a key, so they stay ordered within a partition. */
  readonly key: (value: T) => string;
  /** Phantom field carrying the value type; never set. */
  readonly _value?: T;
}

// biome-ignore lint/suspicious/noExplicitAny: a topic of any value type (the key function is contravariant)
export type AnyTopic = TopicDef<any>;

export function topic<T>(name: string, schema: SchemaName, partitions: number, key: (value: T) => string): TopicDef<T> {
  return { name, schema, partitions, key };
}

export const byModule = (v: { runId: string; moduleId: string }) => `${v.runId}/${v.moduleId}`;
