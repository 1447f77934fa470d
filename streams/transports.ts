// Which transport a command runs on: the embedded (in-process) one, or Kafka when --brokers is given.
import { EmbeddedTransport } from "../topics/embedded-transport.ts";
import type { Transport } from "../topics/transport.ts";

/** `host:port[,host:port]` -> broker list; throws on anything else. */
export function parseBrokers(spec: string): string[] {
  const brokers = spec
    .split(",")
    .map((b) => b.trim())
    .filter(Boolean);
  const bad = brokers.filter((b) => !/^[^\s:/]+:\d{1,5}$/.test(b));
  if (!brokers.length || bad.length) throw new Error(`--brokers expects HOST:PORT[,HOST:PORT], got '${spec}'`);
  return brokers;
}

const envMs = (name: string): number | undefined => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : undefined;
};

/**
 * A KafkaTransport on the given brokers, or an EmbeddedTransport when none are given.
 * PORTALIS_KAFKA_SESSION_TIMEOUT_MS sets the consumer session timeout: how long a member that died
 * without leaving (SIGKILL, power loss) keeps its partitions before the group hands them on.
 */
export async function transportFor(brokers?: string, clientId = "portalis"): Promise<Transport> {
  if (!brokers) return new EmbeddedTransport();
  const { KafkaTransport } = await import("../bridges/kafka/kafka-transport.ts");
  const sessionTimeoutMs = envMs("PORTALIS_KAFKA_SESSION_TIMEOUT_MS");
  return new KafkaTransport({
    brokers: parseBrokers(brokers),
    clientId,
    sessionTimeoutMs,
    heartbeatIntervalMs: sessionTimeoutMs ? Math.max(100, Math.floor(sessionTimeoutMs / 5)) : undefined,
  });
}
