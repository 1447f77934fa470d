// One Kafka broker for every test file of the "kafka" project (vitest.config.ts): started here (or found
// running, or PORTALIS_KAFKA_BROKERS), stopped at the end if this started it. Test files call ensureBroker()
// again and get the same broker; their own stop() leaves a broker they did not start alone.
import { type BrokerHandle, ensureBroker } from "../bridges/kafka/broker.ts";

let broker: BrokerHandle | undefined;

export async function setup(): Promise<void> {
  const t0 = Date.now();
  broker = await ensureBroker(); // throws (and fails the run) when no broker can be started
  process.stderr.write(`kafka tests: ${broker.kind} broker at ${broker.brokers.join(",")} ready in ${Date.now() - t0} ms\n`);
}

export async function teardown(): Promise<void> {
  await broker?.stop();
}
