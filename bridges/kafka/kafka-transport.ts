// The Kafka transport (kafkajs 2.2.4 against Apache Kafka 3.9): the same contract as the embedded one.
// Records are the shared Avro encoding (topics/codec.ts) placed with the shared murmur2 partitioner, so
// a key lands on the same partition number on both. Consumers commit manually, up to the highest
// contiguous acknowledgement per partition, and pause the topic while maxInFlight deliveries are out.
import {
  type Admin,
  type Consumer,
  type EachBatchPayload,
  Kafka,
  type KafkaMessage,
  type Message,
  Partitioners,
  type Producer,
  type RetryOptions,
} from "kafkajs";
import { Observable, type Subscriber } from "rxjs";
import { decodeValue, encodeValue } from "../../topics/codec.ts";
import { partitionFor } from "../../topics/partitioner.ts";
import type { AnyTopic, TopicDef } from "../../topics/topic.ts";
import { type Delivery, type OutgoingRecord, type SubscribeOptions, type Transport, keyOf } from "../../topics/transport.ts";
import { AckTracker } from "./ack-tracker.ts";
import { kafkaLogLevel, quietLogCreator } from "./quiet-log.ts";

export interface KafkaTransportOptions {
  brokers: string[];
  clientId?: string;
  /** Replication factor of the topics ensureTopics creates (1 on a single broker). */
  replicationFactor?: number;
  /** How long publish keeps retrying through a broker outage before it fails (ms). */
  publishTimeoutMs?: number;
  /** Records of one publish are sent in requests of at most about this many bytes. */
  maxRequestBytes?: number;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** Longest a fetch waits for new records; also the delay before a resumed topic is fetched again. */
  maxWaitTimeMs?: number;
  /** Acknowledgements are committed in one request per this interval (and at unsubscribe). */
  commitIntervalMs?: number;
}

/** The header naming the value's Avro schema (the value itself starts with the schema fingerprint). */
export const SCHEMA_HEADER = "portalis.schema";

// Survives a broker restart of half a minute inside one kafkajs call; publish and the consumers retry past that.
const RETRY: RetryOptions = { initialRetryTime: 250, maxRetryTime: 4_000, retries: 12, factor: 0.2, multiplier: 2 };

// Errors no retry can fix: the request itself is wrong.
const PERMANENT = new Set([
  "MESSAGE_TOO_LARGE",
  "RECORD_LIST_TOO_LARGE",
  "INVALID_RECORD",
  "INVALID_TOPIC_EXCEPTION",
  "TOPIC_AUTHORIZATION_FAILED",
  "CLUSTER_AUTHORIZATION_FAILED",
  "INVALID_REQUIRED_ACKS",
  "UNSUPPORTED_VERSION",
]);

function errorChain(e: unknown): { name?: string; type?: string; retriable?: boolean }[] {
  const out = [];
  for (let c = e as { cause?: unknown } | undefined, i = 0; c && i < 8; c = c.cause as typeof c, i++) out.push(c as { name?: string; type?: string });
  return out;
}

function retriable(e: unknown): boolean {
  const chain = errorChain(e);
  if (chain.some((c) => c.type !== undefined && PERMANENT.has(c.type))) return false;
  return chain.some((c) => typeof c.name === "string" && c.name.startsWith("KafkaJS"));
}

/** How long a crashed consumer keeps restarting without rejoining its group before its subscription fails. */
const RECOVERY_MS = 5 * 60_000;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** One publish call (or a slice of a large one) waiting for the sender. */
interface QueuedSend {
  topic: string;
  messages: Message[];
  bytes: number;
  done(error?: unknown): void;
}

const sizeOf = (m: Message) => ((m.value as Buffer | null)?.length ?? 0) + (m.key as string).length + 64;

interface Live {
  stop(): Promise<void>;
}

export class KafkaTransport implements Transport {
  readonly kind = "kafka";
  private readonly kafka: Kafka;
  private readonly opts: Required<Omit<KafkaTransportOptions, "clientId">>;
  private producer?: Promise<Producer>;
  private admin?: Promise<Admin>;
  /**
   * Publishes wait here for the one sender: requests run one at a time (concurrent sends on an idempotent
   * producer break its sequence numbers), and publishes that queued up meanwhile share the next request.
   */
  private queue: QueuedSend[] = [];
  private sender?: Promise<void>;
  private live = new Set<Live>();
  private stopping = new Set<Promise<void>>();
  private closed = false;

  constructor(options: KafkaTransportOptions) {
    this.opts = {
      brokers: options.brokers,
      replicationFactor: options.replicationFactor ?? 1,
      publishTimeoutMs: options.publishTimeoutMs ?? 120_000,
      maxRequestBytes: options.maxRequestBytes ?? 4 * 1024 * 1024,
      sessionTimeoutMs: options.sessionTimeoutMs ?? 10_000,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 1_000,
      maxWaitTimeMs: options.maxWaitTimeMs ?? 250,
      commitIntervalMs: options.commitIntervalMs ?? 100,
    };
    this.kafka = new Kafka({
      clientId: options.clientId ?? "portalis",
      brokers: options.brokers,
      connectionTimeout: 3_000,
      requestTimeout: 30_000,
      retry: RETRY,
      logLevel: kafkaLogLevel,
      logCreator: quietLogCreator,
    });
  }

  private getAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin({ retry: RETRY });
      this.admin = admin.connect().then(() => admin);
      this.admin.catch(() => {
        this.admin = undefined;
      });
    }
    return this.admin;
  }

  private getProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner, // unused (partitions are explicit); silences kafkajs' v2 notice
        retry: RETRY,
      });
      const ready = producer.connect().then(() => producer);
      this.producer = ready;
      ready.catch(() => {
        if (this.producer === ready) this.producer = undefined;
      });
    }
    return this.producer;
  }

  /** Drops the producer so the next send starts a fresh one (new producer id and sequence numbers). */
  private async resetProducer(): Promise<void> {
    const old = this.producer;
    this.producer = undefined;
    await old?.then((p) => p.disconnect()).catch(() => {});
  }

  async ensureTopics(defs: readonly AnyTopic[]): Promise<void> {
    const admin = await this.getAdmin();
    const existing = new Set(await admin.listTopics());
    const missing = defs.filter((d) => !existing.has(d.name));
    if (missing.length) {
      // waitForLeaders is done below: kafkajs' own wait fails on the UNKNOWN_TOPIC_OR_PARTITION a KRaft broker
      // answers for a moment after creating a topic.
      await admin.createTopics({
        waitForLeaders: false,
        topics: missing.map((d) => ({ topic: d.name, numPartitions: d.partitions, replicationFactor: this.opts.replicationFactor })),
      });
    }
    const present = defs.filter((d) => existing.has(d.name));
    if (present.length) {
      // A topic declared with more partitions than it has grows (records keep their key -> partition map only then).
      const meta = await admin.fetchTopicMetadata({ topics: present.map((d) => d.name) });
      const grow = present
        .map((d) => ({ topic: d.name, count: d.partitions, has: meta.topics.find((t) => t.name === d.name)?.partitions.length ?? 0 }))
        .filter((t) => t.has < t.count);
      if (grow.length) await admin.createPartitions({ topicPartitions: grow.map(({ topic, count }) => ({ topic, count })) });
    }
    await this.waitForLeaders(admin, defs);
  }

  /** Resolves once every declared partition of the topics has a leader. */
  private async waitForLeaders(admin: Admin, defs: readonly AnyTopic[], timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      let why: string;
      try {
        const meta = await admin.fetchTopicMetadata({ topics: defs.map((d) => d.name) });
        const notReady = defs.filter((d) => {
          const ps = meta.topics.find((t) => t.name === d.name)?.partitions ?? [];
          return ps.length < d.partitions || ps.some((p) => p.leader < 0);
        });
        if (!notReady.length) return;
        why = `no leader yet for ${notReady.map((d) => d.name).join(", ")}`;
      } catch (e) {
        why = (e as Error).message;
      }
      if (Date.now() >= deadline) throw new Error(`topics not ready after ${timeoutMs} ms: ${why}`);
      await sleep(100);
    }
  }

  async publish<T>(topic: TopicDef<T>, records: OutgoingRecord<T>[]): Promise<void> {
    // A tombstone travels as Kafka's null value.
    const messages = records.map((r) => this.message(topic as TopicDef<unknown>, keyOf(topic, r), r.value === null ? null : encodeValue(topic, r.value)));
    await this.send(topic.name, messages);
  }

  /** Raw bytes into a topic, bypassing encoding (poison records in tests, replays of stored bytes). */
  async publishRaw(topic: AnyTopic, key: string, raw: Buffer): Promise<void> {
    await this.send(topic.name, [this.message(topic, key, raw)]);
  }

  private message(topic: TopicDef<unknown>, key: string, value: Buffer | null): Message {
    return { key, value, partition: partitionFor(key, topic.partitions), headers: { [SCHEMA_HEADER]: topic.schema } };
  }

  private send(topic: string, messages: Message[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error("transport closed"));
    if (!messages.length) return Promise.resolve();
    // Slices of at most maxRequestBytes (a larger record goes alone); the publish settles with its last slice.
    const slices: Message[][] = [[]];
    let bytes = 0;
    for (const m of messages) {
      const cur = slices[slices.length - 1];
      if (cur.length && bytes + sizeOf(m) > this.opts.maxRequestBytes) {
        slices.push([]);
        bytes = 0;
      }
      slices[slices.length - 1].push(m);
      bytes += sizeOf(m);
    }
    const settled = slices.map(
      (slice) =>
        new Promise<void>((resolve, reject) => {
          this.queue.push({ topic, messages: slice, bytes: slice.reduce((n, m) => n + sizeOf(m), 0), done: (e) => (e ? reject(e) : resolve()) });
        }),
    );
    if (!this.sender) this.sender = this.runSender();
    return Promise.all(settled).then(() => {});
  }

  private async runSender(): Promise<void> {
    try {
      while (this.queue.length) {
        const batch = [this.queue.shift() as QueuedSend];
        let bytes = batch[0].bytes;
        while (this.queue.length && bytes + this.queue[0].bytes <= this.opts.maxRequestBytes) {
          bytes += this.queue[0].bytes;
          batch.push(this.queue.shift() as QueuedSend);
        }
        try {
          await this.sendWithRetry(batch);
          for (const q of batch) q.done();
        } catch (e) {
          for (const q of batch) q.done(e);
        }
      }
    } finally {
      this.sender = undefined;
    }
  }

  private async sendWithRetry(batch: QueuedSend[]): Promise<void> {
    const byTopic = new Map<string, Message[]>();
    for (const q of batch) {
      const list = byTopic.get(q.topic) ?? [];
      byTopic.set(q.topic, list);
      for (const m of q.messages) list.push(m);
    }
    const topicMessages = [...byTopic].map(([topic, messages]) => ({ topic, messages }));
    const deadline = Date.now() + this.opts.publishTimeoutMs;
    for (let attempt = 0; ; attempt++) {
      try {
        const producer = await this.getProducer();
        await producer.sendBatch({ topicMessages, acks: -1 });
        return;
      } catch (e) {
        if (this.closed || !retriable(e) || Date.now() >= deadline) throw e;
        // kafkajs gave up (broker down longer than its retries): start over on a fresh producer.
        await this.resetProducer();
        await sleep(Math.min(250 * 2 ** attempt, 2_000));
      }
    }
  }

  subscribe<T>(topic: TopicDef<T>, options: SubscribeOptions): Observable<Delivery<T>> {
    return new Observable<Delivery<T>>((subscriber) => {
      if (this.closed) {
        subscriber.error(new Error("transport closed"));
        return;
      }
      const member = new Member(this.kafka, topic, options, subscriber, this.opts, () => this.getAdmin());
      const live: Live = {
        stop: () => {
          this.live.delete(live);
          const done = member.stop();
          this.stopping.add(done);
          return done.finally(() => this.stopping.delete(done));
        },
      };
      this.live.add(live);
      member.start();
      return () => void live.stop();
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.live].map((l) => l.stop()));
    await Promise.all([...this.stopping]);
    await this.sender;
    await Promise.all([this.producer?.then((p) => p.disconnect()), this.admin?.then((a) => a.disconnect())].map((p) => p?.catch(() => {})));
  }
}

/** One subscription: a kafkajs consumer in the group, with its acknowledgements and backpressure. */
class Member<T> {
  private readonly consumer: Consumer;
  private readonly maxInFlight: number;
  private active = true;
  /** Bumped at every group join: batches fetched before it are stale. */
  private generation = 0;
  /** Partitions this member holds, and per partition an epoch bumped when it is taken away (its older deliveries then commit nothing). */
  private assigned = new Set<number>();
  private epochs = new Map<number, number>();
  private tracker = new AckTracker();
  private inFlight = 0;
  private paused = false;
  private pendingCommits = new Map<number, number>();
  private commitTimer?: NodeJS.Timeout;
  private commits: Promise<void> = Promise.resolve();
  private started: Promise<void> = Promise.resolve();
  /** Since when the consumer keeps crashing without joining its group again, and how many restarts that took. */
  private crashedAt?: number;
  private restarts = 0;
  private restartTimer?: NodeJS.Timeout;

  constructor(
    kafka: Kafka,
    private readonly topic: TopicDef<T>,
    private readonly options: SubscribeOptions,
    private readonly subscriber: Subscriber<Delivery<T>>,
    private readonly opts: Required<Omit<KafkaTransportOptions, "clientId">>,
    private readonly admin: () => Promise<Admin>,
  ) {
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 16);
    this.consumer = kafka.consumer({
      groupId: options.group,
      sessionTimeout: opts.sessionTimeoutMs,
      heartbeatInterval: opts.heartbeatIntervalMs,
      maxWaitTimeInMs: opts.maxWaitTimeMs,
      maxBytesPerPartition: 4 * 1024 * 1024,
      maxBytes: 16 * 1024 * 1024,
      allowAutoTopicCreation: false,
      retry: RETRY,
    });
  }

  start(): void {
    const c = this.consumer;
    c.on(c.events.GROUP_JOIN, ({ payload }) => {
      this.generation++;
      this.crashedAt = undefined;
      this.restarts = 0;
      const now = new Set(payload.memberAssignment[this.topic.name] ?? []);
      for (const p of this.assigned) {
        if (now.has(p)) continue;
        // Taken away: another member resumes it from the committed offset.
        this.epochs.set(p, (this.epochs.get(p) ?? 0) + 1);
        this.tracker.forget(p);
        this.pendingCommits.delete(p);
      }
      for (const p of now) {
        // Kept: kafkajs would refetch it from the committed offset; continue after what was already delivered
        // (those deliveries stay valid and their acks still commit), instead of delivering them twice.
        const next = this.assigned.has(p) ? this.tracker.next(p) : undefined;
        if (next === undefined) continue;
        try {
          c.seek({ topic: this.topic.name, partition: p, offset: String(next) });
        } catch {
          this.tracker.forget(p); // redelivered from the committed offset instead
        }
      }
      this.assigned = now;
      // A restarted consumer is a fresh kafkajs group object: re-apply the pause state explicitly.
      const full = this.inFlight >= this.maxInFlight;
      this.paused = !full;
      this.setPaused(full);
    });
    c.on(c.events.CRASH, ({ payload }) => {
      if (!payload.restart && this.active) this.recover(payload.error);
    });
    this.started = (async () => {
      if (this.options.fromBeginning === false) await this.pinToEnd();
      this.options.onReady?.();
      if (!this.active) return;
      await c.connect();
      await c.subscribe({ topics: [this.topic.name], fromBeginning: this.options.fromBeginning ?? true });
      await this.run();
    })();
    this.started.catch((e) => {
      if (this.active) this.subscriber.error(e);
    });
  }

  private run(): Promise<void> {
    return this.consumer.run({ autoCommit: false, eachBatchAutoResolve: false, partitionsConsumedConcurrently: 1, eachBatch: (b) => this.eachBatch(b) });
  }

  /**
   * kafkajs restarts a crashed consumer only when the root cause is marked retriable; after a broker restart
   * it can give up on errors that are merely transient (the group coordinator still loading its offsets:
   * "Failed to find group coordinator"). Any KafkaJS error short of a permanent one restarts the member here,
   * with backoff, until RECOVERY_MS pass without a group join; then the subscription fails (the stage stops).
   * The consumer object is reused: kafkajs keeps its subscription across disconnect, and the group join that
   * follows seeks past what was already delivered (see start).
   */
  private recover(error: Error): void {
    const now = Date.now();
    this.crashedAt ??= now;
    if (!retriable(error) || now - this.crashedAt > RECOVERY_MS) {
      this.subscriber.error(error);
      return;
    }
    const delay = Math.min(500 * 2 ** this.restarts++, 5_000);
    process.stderr.write(`portalis: consumer of ${this.topic.name} (${this.options.group}) crashed: ${error.message}; restarting in ${delay} ms\n`);
    const restart = async () => {
      if (!this.active) return;
      try {
        await this.consumer.connect();
        await this.run();
      } catch (e) {
        // The restart itself failed (broker still down): the consumer did not start, so no CRASH event follows.
        await this.consumer.disconnect().catch(() => {});
        if (this.active) this.recover(e instanceof Error ? e : new Error(String(e)));
      }
    };
    this.restartTimer = setTimeout(() => {
      this.started = restart();
    }, delay);
  }

  /**
   * "Start at the end" for a group without committed offsets, fixed now rather than at the first fetch:
   * the group's offsets are set to the partitions' current ends, so whatever is published after this
   * returns is delivered (kafkajs would resolve "latest" only once the group has joined, later).
   */
  private async pinToEnd(): Promise<void> {
    // Right after a topic is created (or a broker restarted) its partitions may have no leader for a moment.
    const deadline = Date.now() + 30_000;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.pinToEndOnce();
      } catch (e) {
        if (!this.active || !retriable(e) || Date.now() >= deadline) throw e;
        await sleep(Math.min(100 * 2 ** attempt, 2_000));
      }
    }
  }

  private async pinToEndOnce(): Promise<void> {
    const admin = await this.admin();
    const groupId = this.options.group;
    const topic = this.topic.name;
    const committed = await admin.fetchOffsets({ groupId, topics: [topic] });
    const has = new Set(committed.flatMap((t) => t.partitions.filter((p) => Number(p.offset) >= 0).map((p) => p.partition)));
    const ends = (await admin.fetchTopicOffsets(topic)).filter((e) => !has.has(e.partition));
    if (!ends.length) return;
    try {
      await admin.setOffsets({ groupId, topic, partitions: ends.map((e) => ({ partition: e.partition, offset: e.high })) });
    } catch (e) {
      // Another member of the group is running (it pinned the group already): start where the group is.
      if (!/running|not empty|NON_EMPTY_GROUP/i.test(`${(e as Error).message} ${(e as { type?: string }).type ?? ""}`)) throw e;
    }
  }

  async stop(): Promise<void> {
    this.active = false;
    clearTimeout(this.restartTimer);
    await this.started.catch(() => {});
    // What was acknowledged before the unsubscribe is committed before the member leaves the group.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((r) => {
      timer = setTimeout(r, 10_000);
    });
    await Promise.race([this.commitNow(), timeout]);
    clearTimeout(timer); // a pending timer would keep the process alive for its 10 s
    await this.consumer.disconnect().catch(() => {}); // leaves the group: its partitions move to the other members
    if (!this.subscriber.closed) this.subscriber.complete();
  }

  private async eachBatch({ batch, resolveOffset, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const gen = this.generation;
    for (const m of batch.messages) {
      if (!this.active || !isRunning() || isStale() || gen !== this.generation) return;
      if (this.inFlight >= this.maxInFlight) break;
      const offset = Number(m.offset);
      this.tracker.delivered(batch.partition, offset);
      this.inFlight++;
      // Resolved = the fetch position: records after a pause are fetched again from here.
      resolveOffset(m.offset);
      this.subscriber.next(this.delivery(batch.partition, offset, m, this.epochs.get(batch.partition) ?? 0));
    }
    if (this.inFlight >= this.maxInFlight) this.setPaused(true);
  }

  private delivery(partition: number, offset: number, m: KafkaMessage, epoch: number): Delivery<T> {
    const raw = m.value ?? Buffer.alloc(0);
    let value: T | null | undefined = null; // a null value is a tombstone
    let error: Error | undefined;
    if (m.value !== null) {
      try {
        value = decodeValue(this.topic, raw);
      } catch (e) {
        value = undefined;
        error = e instanceof Error ? e : new Error(String(e));
      }
    }
    let acked = false;
    return {
      topic: this.topic.name,
      key: m.key?.toString() ?? "",
      partition,
      offset,
      value,
      error,
      raw,
      ack: () => {
        if (acked) return;
        acked = true;
        this.inFlight--;
        if (this.current(partition, epoch) && this.active) {
          const point = this.tracker.acked(partition, offset);
          if (point !== undefined) {
            this.pendingCommits.set(partition, point);
            this.scheduleCommit();
          }
        }
        if (this.inFlight < this.maxInFlight) this.setPaused(false);
      },
    };
  }

  /** The partition is still this member's, since the delivery of the given epoch. */
  private current(partition: number, epoch: number): boolean {
    return this.assigned.has(partition) && (this.epochs.get(partition) ?? 0) === epoch;
  }

  private setPaused(want: boolean): void {
    if (want === this.paused || !this.active) return;
    try {
      if (want) this.consumer.pause([{ topic: this.topic.name }]);
      else this.consumer.resume([{ topic: this.topic.name }]);
      this.paused = want;
    } catch {
      // Not running (between a crash and its restart): the next group join applies the state.
    }
  }

  /** Commits run one at a time, each carrying the latest commit point of every partition acknowledged meanwhile. */
  private scheduleCommit(): void {
    if (this.commitTimer) return;
    this.commitTimer = setTimeout(() => this.commitNow(), this.opts.commitIntervalMs);
  }

  private commitNow(): Promise<void> {
    clearTimeout(this.commitTimer);
    this.commitTimer = undefined;
    this.commits = this.commits.then(() => this.commitPending());
    return this.commits;
  }

  private async commitPending(): Promise<void> {
    if (!this.pendingCommits.size) return;
    const epochs = new Map([...this.pendingCommits.keys()].map((p) => [p, this.epochs.get(p) ?? 0]));
    const offsets = [...this.pendingCommits].map(([partition, offset]) => ({ topic: this.topic.name, partition, offset: String(offset) }));
    this.pendingCommits.clear();
    try {
      await this.consumer.commitOffsets(offsets);
    } catch {
      // A rebalance or an outage: retry what is still this member's, unless a newer commit point is pending.
      if (!this.active) return;
      for (const o of offsets) {
        if (this.current(o.partition, epochs.get(o.partition) ?? 0) && !this.pendingCommits.has(o.partition))
          this.pendingCommits.set(o.partition, Number(o.offset));
      }
      await sleep(500);
      this.scheduleCommit();
    }
  }
}
