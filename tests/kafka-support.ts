// Shared by the Kafka end-to-end tests: the broker, the CLI as a child process, generated libraries,
// and collectors that watch a topic from "now" (a private group pinned at the end) and keep everything.
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Subscription } from "rxjs";
import { type BrokerHandle, ensureBroker } from "../bridges/kafka/broker.ts";
import type { KafkaTransport } from "../bridges/kafka/kafka-transport.ts";
import { transportFor } from "../streams/transports.ts";
import type { TopicDef } from "../topics/topic.ts";
import type { Delivery } from "../topics/transport.ts";

export const BIN = join(import.meta.dirname, "../bin/portalis.mjs");

/** The broker (the kafka project's global setup started it; this only finds it). Throws when there is none. */
export async function broker(): Promise<BrokerHandle> {
  return ensureBroker();
}

export async function kafka(b: BrokerHandle): Promise<KafkaTransport> {
  return (await transportFor(b.brokers.join(","), `portalis-test-${process.pid}`)) as KafkaTransport;
}

/** A unique id for a test's consumer groups and temp folders. */
export const uid = (label: string) => `${label}.${randomUUID().slice(0, 8)}`;

export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `portalis-${label}-`));
}

/** A folder of modules; `files` maps relative paths to sources. */
export function writeLibrary(root: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** n small distinct programs (distinct Rust each): m000.py .. m<n-1>.py; `salt` keeps them apart from other tests. */
export function generatedModules(n: number, salt: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) files[`m${String(i).padStart(3, "0")}.py`] = `x = ${i}\nprint(x * 2 + ${salt})\n`;
  return files;
}

export interface Cli {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
  /** Resolves once stderr+stdout match. */
  waitFor(re: RegExp, timeoutMs: number): Promise<void>;
}

export function cli(args: string[], env: Record<string, string> = {}): Cli {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    err += d;
  });
  const exited = new Promise<number | string>((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal ?? -1)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    async waitFor(re, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (!re.test(out + err)) {
        if (child.exitCode !== null || child.signalCode !== null)
          throw new Error(`portalis ${args[0]} exited (${child.exitCode ?? child.signalCode}) before ${re}:\n${err}`);
        if (Date.now() > deadline) throw new Error(`portalis ${args[0]}: no ${re} within ${timeoutMs} ms:\n${err}`);
        await sleep(50);
      }
    },
  };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function until(cond: () => boolean, what: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what()}`);
    await sleep(50);
  }
}

export interface Collector<T> {
  all: Delivery<T>[];
  stop(): void;
}

/** Every record published to the topic from now on (resolves once the private group is pinned at the end). */
export async function collect<T>(t: KafkaTransport, topic: TopicDef<T>, label: string): Promise<Collector<T>> {
  const all: Delivery<T>[] = [];
  let sub: Subscription | undefined;
  await new Promise<void>((ready, fail) => {
    sub = t.subscribe(topic, { group: uid(`portalis.test.${label}`), fromBeginning: false, maxInFlight: 10_000, onReady: ready }).subscribe({
      next: (d) => {
        all.push(d);
        d.ack();
      },
      error: fail,
    });
  });
  return { all, stop: () => sub?.unsubscribe() };
}
