// The distributed commands (Kafka): worker, publish, ci-event, artifacts; and `library --brokers`.
import { resolve } from "node:path";
import type { Command } from "commander";
import { artifactView } from "./artifacts-view.ts";
import { publishCiEvent } from "./ci-event.ts";
import { type LibraryOutcome, translateLibrary } from "./commands.ts";
import { awaitResults, publishRun } from "./run.ts";
import { listPythonFiles, moduleOf, newRunId } from "./sources.ts";
import { STAGE_NAMES } from "./topology.ts";
import { transportFor } from "./transports.ts";
import { runWorker } from "./worker.ts";

const BROKERS = ["--brokers <host:port,...>", "Kafka bootstrap brokers"] as const;

/** `library DIR --out OUT --brokers B`: the library run on Kafka topics, with in-process workers in private groups by default. */
export async function translateLibraryOnBrokers(
  dir: string,
  out: string,
  o: { brokers: string; registry?: string; group?: string },
  hooks: Pick<Parameters<typeof translateLibrary>[2] & object, "onStart" | "onResult">,
): Promise<LibraryOutcome> {
  const transport = await transportFor(o.brokers);
  const runId = newRunId();
  try {
    return await translateLibrary(dir, out, {
      ...hooks,
      runId,
      registryDir: o.registry,
      transport,
      // Private groups starting at the end: this run's records are processed here, whatever else shares the broker.
      group: o.group ?? `portalis.library.${runId}`,
      fromBeginning: o.group ? undefined : false,
    });
  } finally {
    await transport.close();
  }
}

/** Runs until SIGINT/SIGTERM, then `cleanup` and exit 0. */
function onSignal(cleanup: () => Promise<void>): void {
  let once = false;
  const handler = () => {
    if (once) return;
    once = true;
    cleanup().then(
      () => process.exit(0),
      (e) => {
        process.stderr.write(`portalis: ${(e as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
}

export function registerKafkaCommands(program: Command): void {
  program
    .command("worker")
    .requiredOption(...BROKERS)
    .option("--stages <list>", `comma-separated stages to run (default all: ${STAGE_NAMES.join(",")})`)
    .option("--concurrency <n>", "records in flight per stage (default: each stage's own)")
    .option("--registry <dir>", "OCI layout registry folder (shared by the workers of a deployment)")
    .option("--group <prefix>", "consumer groups are PREFIX.<stage>", "portalis")
    .option("--latest", "groups without committed offsets start at the end of their topics instead of the oldest record")
    .description("join the stages' consumer groups and process records until SIGTERM/SIGINT (then drain, commit, leave)")
    .action(async (o: { brokers: string; stages?: string; concurrency?: string; registry?: string; group: string; latest?: boolean }) => {
      await runWorker(o);
    });

  program
    .command("publish")
    .argument("<dir>", "folder of Python modules")
    .requiredOption(...BROKERS)
    .option("--wait", "wait for every module's result and print them as JSON lines")
    .description("publish DIR as one library run (manifest + one source event per module); prints the run id")
    .action(async (dir: string, o: { brokers: string; wait?: boolean }) => {
      const root = resolve(dir);
      const modules = (await listPythonFiles(root)).map(moduleOf);
      if (!modules.length) throw new Error(`no Python modules under ${root}`);
      const transport = await transportFor(o.brokers);
      try {
        const runId = newRunId();
        const watch = o.wait
          ? awaitResults(
              transport,
              runId,
              modules.map((m) => m.moduleId),
            )
          : undefined;
        await watch?.ready;
        await publishRun(transport, { runId, mode: "library", root, modules });
        process.stdout.write(`${runId}\n`);
        process.stderr.write(`portalis: published ${modules.length} modules of ${root} as run ${runId}\n`);
        for (const r of (await watch?.results) ?? []) process.stdout.write(`${JSON.stringify({ module: r.moduleId, path: r.path, outcome: r.outcome })}\n`);
      } finally {
        await transport.close();
      }
    });

  program
    .command("ci-event")
    .requiredOption("--repo <dir>", "git repository")
    .requiredOption("--base <rev>", "revision before the push")
    .requiredOption("--head <rev>", "revision after the push")
    .requiredOption(...BROKERS)
    .option("--wait", "wait for every module's result (outcome, changed, build cache hit)")
    .description("publish the module set at HEAD as one run (changed modules rebuild, others hit the caches) and a tombstone per deleted module")
    .action(async (o: { repo: string; base: string; head: string; brokers: string; wait?: boolean }) => {
      const transport = await transportFor(o.brokers);
      try {
        const outcome = await publishCiEvent(transport, o);
        process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
      } finally {
        await transport.close();
      }
    });

  program
    .command("artifacts")
    .requiredOption(...BROKERS)
    .option("--from-beginning", "start from the oldest retained artifact instead of new ones")
    .option("--count <n>", "exit after printing N lines")
    .option("--group <name>", "consumer group (default: a private one)")
    .description("print validated artifacts as they arrive, one JSON line each, once per module+digest; deletions too")
    .action(async (o: { brokers: string; fromBeginning?: boolean; count?: string; group?: string }) => {
      const count = o.count === undefined ? Number.POSITIVE_INFINITY : Number(o.count);
      if (!(count > 0)) throw new Error(`--count must be a positive number, got '${o.count}'`);
      const transport = await transportFor(o.brokers);
      let printed = 0;
      await new Promise<void>((done, fail) => {
        const sub = artifactView(transport, {
          group: o.group,
          fromBeginning: o.fromBeginning,
          onReady: () =>
            process.stderr.write(`portalis: artifacts: watching ${o.fromBeginning ? "from the oldest record" : "new artifacts"} on ${o.brokers}\n`),
        }).subscribe({
          next: (line) => {
            process.stdout.write(`${JSON.stringify(line)}\n`);
            if (++printed >= count) done();
          },
          error: fail,
        });
        onSignal(async () => {
          sub.unsubscribe();
          await transport.close();
        });
      });
      await transport.close();
    });
}
