// The embedded (in-process) transport: partitioned logs with consumer groups, committed offsets and
// bounded buffers. Records are stored Avro-encoded, exactly as they would travel over Kafka.
import { Observable } from "rxjs";
import { decodeValue, encodeValue } from "./codec.ts";
import { partitionFor } from "./partitioner.ts";
import type { AnyTopic, TopicDef } from "./topic.ts";
import { type Delivery, type OutgoingRecord, type SubscribeOptions, type Transport, keyOf } from "./transport.ts";

interface StoredRecord {
  key: string;
  /** Encoded value; zero-length for a tombstone. */
  raw: Buffer;
  tombstone?: boolean;
}

class Partition {
  /** Records from offset `base` on; older ones were committed by every group and dropped. */
  log: StoredRecord[] = [];
  base = 0;
  spaceWaiters: (() => void)[] = [];
  get end(): number {
    return this.base + this.log.length;
  }
}

interface Member {
  assigned: number[];
  position: Map<number, number>;
  inFlight: number;
  maxInFlight: number;
  pump(): void;
}

class Group {
  committed: number[];
  acked: Set<number>[];
  members: Member[] = [];
  constructor(partitions: number, start: number[]) {
    this.committed = start;
    this.acked = Array.from({ length: partitions }, () => new Set<number>());
  }
}

class TopicLog {
  partitions: Partition[];
  groups = new Map<string, Group>();
  constructor(
    readonly def: TopicDef<unknown>,
    readonly capacity: number,
  ) {
    this.partitions = Array.from({ length: def.partitions }, () => new Partition());
  }

  /** Groups that currently have members: only they hold records back (bounded memory, no dead-group stalls). */
  private liveGroups(): Group[] {
    return [...this.groups.values()].filter((g) => g.members.length > 0);
  }

  /** Oldest offset some live group still needs, per partition. */
  lowWater(p: number): number {
    let low = this.partitions[p].end;
    for (const g of this.liveGroups()) low = Math.min(low, g.committed[p]);
    return low;
  }

  trim(p: number): void {
    const part = this.partitions[p];
    // Without a live group the newest `capacity` records are retained for groups that join later.
    const keepFrom = this.liveGroups().length ? this.lowWater(p) : Math.max(part.base, part.end - this.capacity);
    if (keepFrom > part.base) {
      part.log.splice(0, keepFrom - part.base);
      part.base = keepFrom;
    }
    while (part.spaceWaiters.length && this.hasSpace(p)) part.spaceWaiters.shift()?.();
  }

  hasSpace(p: number): boolean {
    if (!this.liveGroups().length) return true;
    return this.partitions[p].end - this.lowWater(p) < this.capacity;
  }

  rebalance(group: Group): void {
    const n = group.members.length;
    for (const m of group.members) m.assigned = [];
    this.partitions.forEach((_, p) => {
      if (n === 0) return;
      const m = group.members[p % n];
      m.assigned.push(p);
      // A newly assigned partition restarts from the group's committed offset (at-least-once).
      if (!m.position.has(p)) m.position.set(p, group.committed[p]);
    });
    for (const m of group.members) {
      for (const p of [...m.position.keys()]) if (!m.assigned.includes(p)) m.position.delete(p);
      m.pump();
    }
  }
}

export class EmbeddedTransport implements Transport {
  readonly kind = "embedded";
  private logs = new Map<string, TopicLog>();
  private closed = false;

  /** capacity: records a partition may hold that some group has not committed yet. */
  constructor(private readonly capacity = 64) {}

  private log(def: TopicDef<unknown>): TopicLog {
    let log = this.logs.get(def.name);
    if (!log) {
      log = new TopicLog(def, this.capacity);
      this.logs.set(def.name, log);
    }
    return log;
  }

  async ensureTopics(defs: readonly AnyTopic[]): Promise<void> {
    for (const d of defs) this.log(d);
  }

  async publish<T>(topic: TopicDef<T>, records: OutgoingRecord<T>[]): Promise<void> {
    const log = this.log(topic as TopicDef<unknown>);
    for (const r of records) {
      if (this.closed) throw new Error("transport closed");
      const key = keyOf(topic, r);
      const tombstone = r.value === null;
      const raw = r.value === null ? Buffer.alloc(0) : encodeValue(topic, r.value);
      const p = partitionFor(key, topic.partitions);
      while (!log.hasSpace(p)) await new Promise<void>((resolve) => log.partitions[p].spaceWaiters.push(resolve));
      log.partitions[p].log.push(tombstone ? { key, raw, tombstone } : { key, raw });
      for (const g of log.groups.values()) for (const m of g.members) if (m.assigned.includes(p)) m.pump();
      log.trim(p);
    }
  }

  subscribe<T>(topic: TopicDef<T>, options: SubscribeOptions): Observable<Delivery<T>> {
    return new Observable<Delivery<T>>((subscriber) => {
      const log = this.log(topic as TopicDef<unknown>);
      let group = log.groups.get(options.group);
      if (!group) {
        const start = log.partitions.map((part) => (options.fromBeginning === false ? part.end : part.base));
        group = new Group(topic.partitions, start);
        log.groups.set(options.group, group);
      }
      const g = group;
      let scheduled = false;
      let active = true;
      const member: Member = {
        assigned: [],
        position: new Map(),
        inFlight: 0,
        maxInFlight: options.maxInFlight ?? 16,
        pump: () => {
          if (scheduled || !active) return;
          scheduled = true;
          queueMicrotask(drain);
        },
      };
      const drain = () => {
        scheduled = false;
        let progressed = true;
        while (active && progressed && member.inFlight < member.maxInFlight) {
          progressed = false;
          for (const p of member.assigned) {
            if (member.inFlight >= member.maxInFlight || !active) break;
            const part = log.partitions[p];
            // Another member's acks may have committed (and trimmed) past this member's position.
            const pos = Math.max(member.position.get(p) ?? g.committed[p], part.base, g.committed[p]);
            if (pos >= part.end) continue;
            const rec = part.log[pos - part.base];
            member.position.set(p, pos + 1);
            member.inFlight++;
            progressed = true;
            subscriber.next(this.delivery(topic, g, log, member, p, pos, rec));
          }
        }
      };
      g.members.push(member);
      log.rebalance(g);
      options.onReady?.();
      return () => {
        active = false;
        g.members.splice(g.members.indexOf(member), 1);
        log.rebalance(g);
        // A group left without members no longer holds records back: wake waiting publishers.
        if (!g.members.length) log.partitions.forEach((_, p) => log.trim(p));
      };
    });
  }

  private delivery<T>(topic: TopicDef<T>, g: Group, log: TopicLog, member: Member, p: number, offset: number, rec: StoredRecord): Delivery<T> {
    let value: T | null | undefined = null;
    let error: Error | undefined;
    if (!rec.tombstone) {
      try {
        value = decodeValue(topic, rec.raw);
      } catch (e) {
        value = undefined;
        error = e as Error;
      }
    }
    let acked = false;
    return {
      topic: topic.name,
      key: rec.key,
      partition: p,
      offset,
      value,
      error,
      raw: rec.raw,
      ack: () => {
        if (acked) return;
        acked = true;
        member.inFlight--;
        g.acked[p].add(offset);
        while (g.acked[p].has(g.committed[p])) g.acked[p].delete(g.committed[p]++);
        log.trim(p);
        member.pump();
      },
    };
  }

  /** Test hook: raw bytes into a topic, bypassing encoding (poison records). */
  async publishRaw(topic: AnyTopic, key: string, raw: Buffer): Promise<void> {
    const log = this.log(topic);
    const p = partitionFor(key, topic.partitions);
    log.partitions[p].log.push({ key, raw });
    for (const g of log.groups.values()) for (const m of g.members) m.pump();
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
