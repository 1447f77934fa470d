// A Kafka broker to talk to, for tests and the CLI: PORTALIS_KAFKA_BROKERS when set (an existing cluster),
// else a testcontainers KafkaContainer when a Docker engine answers, else the local single-node KRaft broker
// of deploy/kafka/kafka.sh (Apache Kafka 3.9.1 from Maven Central jars on the local JDK).
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Kafka } from "kafkajs";
import { kafkaLogLevel, quietLogCreator } from "./quiet-log.ts";

export interface BrokerHandle {
  brokers: string[];
  /** external (PORTALIS_KAFKA_BROKERS), container (testcontainers) or local (deploy/kafka/kafka.sh). */
  kind: "external" | "container" | "local";
  /** Stops what ensureBroker started; a broker that was already running is left alone. */
  stop(): Promise<void>;
  /** Stops and starts the broker, keeping its data (used to test outages). */
  restart(): Promise<void>;
}

const KAFKA_SH = fileURLToPath(new URL("../../deploy/kafka/kafka.sh", import.meta.url));
/** The Confluent image whose Kafka matches the local broker's 3.9. */
const CONTAINER_IMAGE = process.env.PORTALIS_KAFKA_IMAGE ?? "confluentinc/cp-kafka:7.9.0";

/** Runs deploy/kafka/kafka.sh; resolves with its stdout, rejects with its stderr (the broker log's tail on a failed start). */
export function kafkaSh(command: "start" | "stop" | "status" | "fetch" | "clean"): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", [KAFKA_SH, command], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(out.trim());
      else reject(new Error(`deploy/kafka/kafka.sh ${command} failed (exit ${code}):\n${err.trim()}`));
    });
  });
}

/** Resolves once the cluster answers a metadata request; rejects after timeoutMs with the last error. */
export async function waitForBroker(brokers: string[], timeoutMs = 60_000): Promise<void> {
  const kafka = new Kafka({
    clientId: "portalis-probe",
    brokers,
    connectionTimeout: 2_000,
    retry: { retries: 0 },
    logLevel: kafkaLogLevel,
    logCreator: quietLogCreator,
  });
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    const admin = kafka.admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      if (cluster.brokers.length > 0) return;
    } catch (e) {
      last = e;
    } finally {
      await admin.disconnect().catch(() => {});
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no Kafka broker answered at ${brokers.join(",")} within ${timeoutMs} ms: ${(last as Error)?.message ?? "no answer"}`);
}

async function dockerAnswers(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import("testcontainers");
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false; // no testcontainers installed, or no Docker engine (getContainerRuntimeClient throws)
  }
}

async function containerBroker(): Promise<BrokerHandle> {
  const { KafkaContainer } = await import("@testcontainers/kafka");
  const container = await new KafkaContainer(CONTAINER_IMAGE)
    .withKraft()
    .withEnvironment({
      KAFKA_MESSAGE_MAX_BYTES: "16777216",
      KAFKA_REPLICA_FETCH_MAX_BYTES: "16777216",
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: "false",
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: "0",
    })
    .start();
  const brokers = () => [`${container.getHost()}:${container.getMappedPort(9093)}`];
  const handle: BrokerHandle = {
    brokers: brokers(),
    kind: "container",
    stop: async () => {
      await container.stop();
    },
    restart: async () => {
      await container.restart();
      handle.brokers = brokers();
      await waitForBroker(handle.brokers);
    },
  };
  await waitForBroker(handle.brokers);
  return handle;
}

async function localBroker(): Promise<BrokerHandle> {
  const port = Number(process.env.PORTALIS_KAFKA_PORT ?? 19092);
  const brokers = [`127.0.0.1:${port}`];
  const started = (await kafkaSh("start")).split("\n").pop() === "started";
  await waitForBroker(brokers);
  return {
    brokers,
    kind: "local",
    stop: async () => {
      if (started) await kafkaSh("stop");
    },
    restart: async () => {
      await kafkaSh("stop");
      await kafkaSh("start");
      await waitForBroker(brokers);
    },
  };
}

export async function ensureBroker(): Promise<BrokerHandle> {
  const external = process.env.PORTALIS_KAFKA_BROKERS?.trim();
  if (external) {
    const brokers = external.split(",").map((b) => b.trim());
    await waitForBroker(brokers);
    return {
      brokers,
      kind: "external",
      stop: async () => {},
      restart: async () => {
        throw new Error(`cannot restart an external broker (PORTALIS_KAFKA_BROKERS=${external})`);
      },
    };
  }
  return (await dockerAnswers()) ? containerBroker() : localBroker();
}
