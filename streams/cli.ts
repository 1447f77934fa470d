// The `portalis` command line. Exit code 0 only on success; otherwise one clear line on stderr.
import { Command, CommanderError } from "commander";
import { runWasmCommand, validateWasmCommand, wasmInfoCommand } from "../bridges/wasm/commands.ts";
import { registerKafkaCommands, translateLibraryOnBrokers } from "./cli-kafka.ts";
import { convertFile, translateLibrary } from "./commands.ts";
import { failureLine } from "./outputs.ts";
import { progressBar } from "./progress.ts";

function fail(message: string, code = 1): never {
  process.stderr.write(`portalis: ${message}\n`);
  process.exit(code);
}

const program = new Command("portalis")
  .description("Python -> Rust -> WebAssembly translation engine (reactive pipeline)")
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

program
  .command("convert")
  .argument("<file>", "Python script")
  .requiredOption("--out <dir>", "output folder")
  .option("--registry <dir>", "OCI layout registry folder")
  .option("--json", "print the report as JSON")
  .description("translate one script: DIR/<stem>.rs, DIR/<stem>.wasm, DIR/<stem>.report.json")
  .action(async (file: string, o: { out: string; registry?: string; json?: boolean }) => {
    const res = await convertFile(file, o.out, { registryDir: o.registry });
    if (o.json) process.stdout.write(`${JSON.stringify(res.report, null, 2)}\n`);
    else if (res.ok) process.stdout.write(`${res.report.path}: ok — ${res.files.join(", ")}\n`);
    if (!res.ok) fail(failureLine(res.report) || `${file}: translation failed`);
  });

program
  .command("library")
  .argument("<dir>", "folder of Python modules")
  .requiredOption("--out <dir>", "output folder")
  .option("--registry <dir>", "OCI layout registry folder")
  .option("--brokers <host:port,...>", "run on Kafka topics (in-process workers) instead of the embedded transport")
  .option("--group <prefix>", "with --brokers: consumer-group prefix to join (default: private groups for this run)")
  .description("translate every module under DIR together; runnable a/b.py -> OUT/a/b.wasm")
  .action(async (dir: string, o: { out: string; registry?: string; brokers?: string; group?: string }) => {
    const bar = progressBar();
    const hooks = { onStart: bar.start, onResult: bar.tick };
    const res = o.brokers
      ? await translateLibraryOnBrokers(dir, o.out, { brokers: o.brokers, registry: o.registry, group: o.group }, hooks)
      : await translateLibrary(dir, o.out, { registryDir: o.registry, ...hooks });
    bar.stop();
    process.stdout.write(`${res.summary}\n\n`);
    const counts = { packaged: 0, imported: 0, failed: 0 };
    for (const r of res.reports) counts[r.outcome]++;
    process.stdout.write(
      `${res.reports.length} modules: ${counts.packaged} packaged, ${counts.imported} imported-only, ${counts.failed} failed in ${(res.wallMs / 1000).toFixed(1)} s (${res.modulesPerSecond.toFixed(1)} modules/s); report: ${o.out}/report.json\n`,
    );
    if (!res.ok) fail(`${counts.failed} of ${res.reports.length} modules failed`);
  });

const emit = (r: { code: number; out: string; err?: string }) => {
  if (r.out) process.stdout.write(r.out);
  if (r.err) process.stderr.write(r.err);
  process.exitCode = r.code;
};

program
  .command("validate-wasm")
  .argument("<file>")
  .option("--json", "machine-readable report")
  .description("structural validation with the engine's message; --json lists imports and exports")
  .action(async (file: string, o: { json?: boolean }) => emit(await validateWasmCommand(file, o)));

program
  .command("wasm-info")
  .argument("<file>")
  .option("--json")
  .description("imports, exports, memory, sections of a module")
  .action(async (file: string, o: { json?: boolean }) => emit(await wasmInfoCommand(file, o)));

program
  .command("run-wasm")
  .argument("<file>")
  .argument("[args...]")
  .option("--timeout <ms>", "wall-clock limit", "10000")
  .option("--memory <mib>", "memory cap in MiB", "512")
  .description("run a WASI command in the sandbox (no preopens, empty environment, memory and time limits)")
  .action(async (file: string, args: string[], o: { timeout: string; memory: string }) =>
    emit(await runWasmCommand(file, args, { timeoutMs: Number(o.timeout), memoryBytes: Number(o.memory) * 1024 * 1024 })),
  );

program
  .command("setup")
  .description("install what translation needs: a Rust compiler with a WASI target")
  .action(async () => {
    const { setupToolchain } = await import("../bridges/rustc/setup.ts");
    await setupToolchain();
  });

program
  .command("bench")
  .description("benchmarks, printed as JSON")
  .option("--corpus <dir>", "corpus folder", "../shared/corpus")
  .option("--no-kafka", "leave out the Kafka section (which starts a local broker when none is configured)")
  .action(async (o: { corpus: string; kafka: boolean }) => {
    const { runBench } = await import("./bench.ts");
    process.stdout.write(`${JSON.stringify(await runBench(o.corpus, o.kafka), null, 2)}\n`);
  });

registerKafkaCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) process.exit(e.exitCode === 0 ? 0 : 2);
  fail((e as Error).message.split("\n")[0]);
}
