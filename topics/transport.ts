// The transport contract every engine implements (embedded in-process, Kafka): topics as Observables.
import type { Observable } from "rxjs";
import type { AnyTopic, TopicDef } from "./topic.ts";

/**
 * A record to publish. `value: null` is a tombstone (Kafka's null value: "this key is deleted"); it has
 * no value to derive the key from, so it names its key.
 */
export type OutgoingRecord<T> =
  | {
      value: T;
      /** Defaults to the topic's key function. */
      key?: string;
    }
  | { value: null; key: string };

export interface Delivery<T> {
  topic: string;
  key: string;
  partition: number;
  offset: number;
  /**
   * Decoded value; null for a tombstone (a null-value record: its key was deleted); undefined when the
   * bytes could not be decoded (a poison record: see `error`).
   */
  value: T | null | undefined;
  error?: Error;
  /** The stored bytes (empty for a tombstone). */
  raw: Buffer;
  /** Marks the record processed; the transport commits offsets up to the highest contiguous ack. */
  ack(): void;
}

export interface SubscribeOptions {
  /** Consumer group: members of one group share the topic's partitions. */
  group: string;
  /** Backpressure: at most this many unacknowledged deliveries are outstanding per subscription. */
  maxInFlight?: number;
  /**
   * Where a group without a committed offset starts: the oldest retained record (true, the default) or
   * the end of the topic at subscribe time (false: only records published after `onReady`).
   */
  fromBeginning?: boolean;
  /**
   * Called once the subscription's starting positions are fixed: every record published after this is
   * delivered to the group. A driver that publishes and then waits for answers subscribes first and
   * publishes from here.
   */
  onReady?: () => void;
}

export interface Transport {
  readonly kind: string;
  ensureTopics(defs: readonly AnyTopic[]): Promise<void>;
  /** Resolves once the records are stored; waits while the partition's buffer is full. */
  publish<T>(topic: TopicDef<T>, records: OutgoingRecord<T>[]): Promise<void>;
  subscribe<T>(topic: TopicDef<T>, options: SubscribeOptions): Observable<Delivery<T>>;
  close(): Promise<void>;
}

/** The record's key: its own, or the topic's key function of its value. */
export function keyOf<T>(topic: TopicDef<T>, r: OutgoingRecord<T>): string {
  return r.value === null ? (r.key as string) : (r.key ?? topic.key(r.value));
}
