// kafkajs logging, kept quiet: ERROR and above only (PORTALIS_KAFKA_LOG=warn|info|debug for more), one line
// on stderr per entry, and the same line at most once per 10 s (a broker restart otherwise floods).
import { type LogEntry, logLevel } from "kafkajs";

const LEVELS: Record<string, logLevel> = { nothing: logLevel.NOTHING, error: logLevel.ERROR, warn: logLevel.WARN, info: logLevel.INFO, debug: logLevel.DEBUG };

const NAMES: Record<number, string> = { [logLevel.ERROR]: "error", [logLevel.WARN]: "warn", [logLevel.INFO]: "info", [logLevel.DEBUG]: "debug" };

export const kafkaLogLevel: logLevel = LEVELS[(process.env.PORTALIS_KAFKA_LOG ?? "error").toLowerCase()] ?? logLevel.ERROR;

const recent = new Map<string, number>();

export function quietLogCreator(_level: logLevel) {
  return ({ namespace, level: entryLevel, log }: LogEntry) => {
    let level = entryLevel;
    // kafkajs logs every failed request at ERROR before it retries (coordinator not available yet, broker
    // restarting): those are warnings; what retries cannot fix surfaces as a rejected call or a crash.
    const retrying = namespace === "Connection" || namespace === "BrokerPool" || typeof log.retryTime === "number";
    if (retrying && level === logLevel.ERROR) level = logLevel.WARN;
    if (level > kafkaLogLevel) return;
    const line = `portalis: kafka ${NAMES[level] ?? level} ${namespace}: ${log.message}${log.error ? ` (${log.error})` : ""}`;
    const now = Date.now();
    if ((recent.get(line) ?? 0) > now - 10_000) return;
    if (recent.size > 200) recent.clear();
    recent.set(line, now);
    process.stderr.write(line + "\n");
  };
}
