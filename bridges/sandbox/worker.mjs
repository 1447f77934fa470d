// Sandbox worker: runs one WASI preview1 command module at a time with node:wasi.
// Plain .mjs so it loads under node, tsx and vitest without a TS transform.
//
// Protocol (parent -> worker):  { type: 'run', id, bytes: Uint8Array, args: string[], stdin, stdout, stderr }
//   stdin/stdout/stderr are host fds opened by the parent (fds are process-wide, so they are valid here).
// Protocol (worker -> parent):  { type: 'ready' } once, then per run
//   { type: 'done', id, exitCode, trap?, error?: { phase: 'compile'|'link'|'start', message }, compileMs, runMs }
//
// Hardening (see /work/shared/field-notes.md):
//  - NO preopens, empty env: the guest can only touch the three fds it is given.
//  - every WASI import is wrapped in a JS closure: calling node:wasi's native imports directly from wasm
//    aborted the whole process (SIGABRT) once the guest had grown its memory to a few hundred MiB.
//  - the WASI object, its imports and the instance stay strongly reachable (`retained`) until the next run.
import { parentPort } from "node:worker_threads";

// node:wasi prints an ExperimentalWarning on first use; keep the host's stderr clean.
const emitWarning = process.emitWarning;
process.emitWarning = (warning, ...rest) => {
  const text = typeof warning === "string" ? warning : warning?.message;
  if (typeof text === "string" && text.includes("WASI")) return;
  return emitWarning.call(process, warning, ...rest);
};
const { WASI } = await import("node:wasi");

/** Strong references to the last run's WASI object, imports and instance. */
let retained = null;

function wrapImports(raw) {
  const wrapped = {};
  for (const key of Object.keys(raw)) {
    const fn = raw[key];
    if (typeof fn !== "function") continue;
    wrapped[key] = (...args) => Reflect.apply(fn, raw, args);
  }
  return wrapped;
}

function describe(err) {
  if (err instanceof Error) {
    return err.name && err.name !== "Error" ? `${err.name}: ${err.message}` : err.message;
  }
  return String(err);
}

async function run(msg) {
  const t0 = performance.now();
  let module;
  try {
    module = await WebAssembly.compile(msg.bytes);
  } catch (err) {
    return { error: { phase: "compile", message: err instanceof Error ? err.message : String(err) }, compileMs: performance.now() - t0 };
  }
  const t1 = performance.now();
  const wasi = new WASI({
    version: "preview1",
    args: msg.args,
    env: {},
    preopens: {},
    stdin: msg.stdin,
    stdout: msg.stdout,
    stderr: msg.stderr,
    returnOnExit: true,
  });
  const imports = { wasi_snapshot_preview1: wrapImports(wasi.wasiImport) };
  let instance;
  try {
    instance = await WebAssembly.instantiate(module, imports);
  } catch (err) {
    return { error: { phase: "link", message: describe(err) }, compileMs: t1 - t0 };
  }
  retained = { wasi, imports, instance, module };
  const exports = instance.exports;
  if (!(exports.memory instanceof WebAssembly.Memory)) {
    return { error: { phase: "start", message: 'module does not export a memory named "memory"' }, compileMs: t1 - t0 };
  }
  if (typeof exports._start !== "function") {
    return { error: { phase: "start", message: 'module is not a WASI command: no "_start" export' }, compileMs: t1 - t0 };
  }
  const t2 = performance.now();
  try {
    const exitCode = wasi.start(instance);
    return { exitCode, compileMs: t1 - t0, runMs: performance.now() - t2 };
  } catch (err) {
    if (err && typeof err === "object" && typeof err.code === "string" && err.code.startsWith("ERR_")) {
      return { error: { phase: "start", message: describe(err) }, compileMs: t1 - t0 };
    }
    return { exitCode: null, trap: describe(err), compileMs: t1 - t0, runMs: performance.now() - t2 };
  }
}

parentPort.on("message", async (msg) => {
  if (msg?.type !== "run") return;
  let result;
  try {
    result = await run(msg);
  } catch (err) {
    result = { exitCode: null, trap: describe(err) };
  }
  parentPort.postMessage({ type: "done", id: msg.id, ...result });
});

parentPort.postMessage({ type: "ready" });
