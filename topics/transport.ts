// The transport contract every engine implements (embedded in-process, Kafka): topics as Observables.
import type { Observable } from "rxjs";
import type { AnyTopic, TopicDef } from "./topic.ts";

export interface OutgoingRecord<T> {
  value: T;
  /** Defaults to the topic's key function. */
  key?: string;
}

export interface Delivery<T> {
  topic: string;
  key: string;
  partition: number;
  offset: number;
  /** Decoded value; undefined when the bytes could not be decoded (a poison record: see `error`). */
  value: T | undefined;
  error?: Error;
  raw: Buffer;
  /** Marks the record processed; the transport commits offsets up to the highest contiguous ack. */
  ack(): void;
}

export interface SubscribeOptions {
  /** Consumer group: members of one group share the topic's partitions. */
  group: string;
  /** Backpressure: at most this many unacknowledged deliveries are outstanding per subscription. */
  maxInFlight?: number;
  /** Start from the oldest retained record when the group has no committed offset (default true). */
  fromBeginning?: boolean;
}

export interface Transport {
  readonly kind: string;
  ensureTopics(defs: readonly AnyTopic[]): Promise<void>;
  /** Resolves once the records are stored; waits while the partition's buffer is full. */
  publish<T>(topic: TopicDef<T>, records: OutgoingRecord<T>[]): Promise<void>;
  subscribe<T>(topic: TopicDef<T>, options: SubscribeOptions): Observable<Delivery<T>>;
  close(): Promise<void>;
}
