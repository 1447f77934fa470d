// CPython as the oracle: runs `python3 PATH` in the module's root with an empty environment and
// records stdout and the exit code. Results are cached by the content hash of the program's sources.
import { execFile, execFileSync } from "node:child_process";
import { cacheGet, cachePut } from "../rustc/cache.ts";

export interface GoldenRun {
  stdout: Buffer;
  exitCode: number;
  ms: number;
}

let executable: string | undefined;

/** The real interpreter behind `python3` (pyenv shims need an environment we do not pass on). */
export function pythonExecutable(): string {
  executable ??= execFileSync(process.env.PORTALIS_PYTHON ?? "python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).trim();
  return executable;
}

export async function goldenRun(root: string, path: string, cacheKey: string, timeoutMs = 20000): Promise<GoldenRun> {
  const cached = await cacheGet("golden", cacheKey);
  if (cached) {
    const exitCode = cached.readInt32LE(0);
    return { exitCode, stdout: cached.subarray(4), ms: 0 };
  }
  const started = performance.now();
  const res = await new Promise<GoldenRun>((resolve, reject) => {
    execFile(
      pythonExecutable(),
      [path],
      { cwd: root, env: { PYTHONDONTWRITEBYTECODE: "1", PYTHONIOENCODING: "utf-8" }, encoding: "buffer", timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout) => {
        if (err && (err as { killed?: boolean }).killed) return reject(new Error(`python3 ${path} did not finish in ${timeoutMs} ms`));
        // python3 never ran (the run root is gone, no interpreter): no golden output to record or cache.
        if (err && typeof err.code === "string" && err.code !== "ERR_CHILD_PROCESS_STDIO_MAXBUFFER")
          return reject(new Error(`python3 ${path} could not start in ${root}: ${err.message}`));
        const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
        resolve({ stdout: stdout as Buffer, exitCode: code, ms: performance.now() - started });
      },
    );
  });
  const head = Buffer.alloc(4);
  head.writeInt32LE(res.exitCode, 0);
  await cachePut("golden", cacheKey, Buffer.concat([head, res.stdout]));
  return res;
}
