/**
 * Hand-assembled WASI preview1 command modules for tests and smoke checks (no compiler needed).
 * Every module exports `memory` and `_start`, imports only from `wasi_snapshot_preview1`.
 *
 *   writeModule(text, {fd?, exitCode?})  writes `text` to fd (default 1), then returns or proc_exit(exitCode)
 *   helloModule()                        writes "hi\n" to stdout and returns (exit code 0)
 *   exitModule(n)                        proc_exit(n)
 *   echoStdinModule()                    copies stdin to stdout until EOF
 *   loopForeverModule()                  `loop br 0` — never returns
 *   memoryBombModule(pagesPerStep=16)    memory.grow in a loop; traps (unreachable) once grow fails
 *   growThenTrapModule(pages)            grows memory, touches it, then traps (unreachable)
 *   unreachableModule()                  traps immediately
 *   outOfBoundsModule()                  loads from address 0xffffffff
 *   stackOverflowModule()                unbounded recursion
 *   closeStdoutModule()                  fd_close(1), fd_close(2), fd_close(0), then writes "x" to fd 1 and exits 0
 *   reactorModule()                      exports `_initialize` + `memory`, no `_start`
 */
import { type ModuleSpec, assemble, op } from "./assemble.ts";

const W = "wasi_snapshot_preview1";

const TYPES: ModuleSpec["types"] = [
  { params: ["i32", "i32", "i32", "i32"], results: ["i32"] }, // 0: fd_write / fd_read
  { params: ["i32"], results: [] }, // 1: proc_exit
  { params: [], results: [] }, // 2: _start
  { params: ["i32"], results: ["i32"] }, // 3: fd_close
];

const IMPORTS: NonNullable<ModuleSpec["imports"]> = [
  { module: W, name: "fd_write", kind: "function", type: 0 }, // func 0
  { module: W, name: "proc_exit", kind: "function", type: 1 }, // func 1
  { module: W, name: "fd_read", kind: "function", type: 0 }, // func 2
  { module: W, name: "fd_close", kind: "function", type: 3 }, // func 3
];
const FD_WRITE = 0;
const PROC_EXIT = 1;
const FD_READ = 2;
const FD_CLOSE = 3;
const START = 4; // first defined function

function command(body: number[][], extra: Partial<ModuleSpec> = {}, memory = { min: 1 } as ModuleSpec["memory"]): Uint8Array {
  return assemble({
    types: TYPES,
    imports: IMPORTS,
    functions: [{ type: 2, body: body.flat(), locals: extra.functions?.[0]?.locals }, ...(extra.functions?.slice(1) ?? [])],
    memory,
    exports: [
      { name: "memory", kind: "memory", index: 0 },
      { name: "_start", kind: "function", index: START },
    ],
    data: extra.data,
    custom: extra.custom,
  });
}

const le32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];

export function writeModule(text: string | Uint8Array, opts: { fd?: number; exitCode?: number } = {}): Uint8Array {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  const body = [
    op.i32Const(opts.fd ?? 1),
    op.i32Const(0), // iovs
    op.i32Const(1), // iovs_len
    op.i32Const(8), // nwritten
    op.call(FD_WRITE),
    op.drop,
  ];
  if (opts.exitCode !== undefined) body.push(op.i32Const(opts.exitCode), op.call(PROC_EXIT));
  const pages = Math.max(1, Math.ceil((16 + bytes.length) / 65536));
  return command(
    body,
    {
      data: [
        { offset: 0, bytes: [...le32(16), ...le32(bytes.length)] },
        { offset: 16, bytes },
      ],
    },
    { min: pages },
  );
}

export function helloModule(): Uint8Array {
  return writeModule("hi\n");
}

export function exitModule(code: number): Uint8Array {
  return command([op.i32Const(code), op.call(PROC_EXIT)]);
}

export function echoStdinModule(): Uint8Array {
  // iovec at 0 = {ptr: 1024, len}, nread at 8, nwritten at 12
  return command(
    [
      op.loop(),
      op.i32Const(4),
      op.i32Const(4096),
      op.i32Store(), // iov.len = 4096
      op.i32Const(0),
      op.i32Const(0),
      op.i32Const(1),
      op.i32Const(8),
      op.call(FD_READ),
      op.if(),
      op.i32Const(2),
      op.call(PROC_EXIT),
      op.end, // read error -> exit 2
      op.i32Const(8),
      op.i32Load(),
      op.i32Eqz,
      op.if(),
      op.return,
      op.end, // EOF
      op.i32Const(4),
      op.i32Const(8),
      op.i32Load(),
      op.i32Store(), // iov.len = nread
      op.i32Const(1),
      op.i32Const(0),
      op.i32Const(1),
      op.i32Const(12),
      op.call(FD_WRITE),
      op.drop,
      op.br(0),
      op.end,
    ],
    { data: [{ offset: 0, bytes: le32(1024) }] },
  );
}

export function loopForeverModule(): Uint8Array {
  return command([op.loop(), op.br(0), op.end]);
}

export function memoryBombModule(pagesPerStep = 16): Uint8Array {
  return command([
    op.loop(),
    op.i32Const(pagesPerStep),
    op.memoryGrow,
    op.i32Const(-1),
    op.i32Eq,
    op.if(),
    op.unreachable,
    op.end,
    op.br(0),
    op.end,
  ]);
}

export function growThenTrapModule(pages = 1024): Uint8Array {
  // grow, then write one word into every 64 KiB page of the new memory, then trap
  return command(
    [
      op.i32Const(pages),
      op.memoryGrow,
      op.localSet(0),
      op.block(),
      op.loop(),
      op.localGet(0),
      op.memorySize,
      op.i32Eq,
      op.brIf(1),
      op.localGet(0),
      op.i32Const(65536),
      op.i32Mul,
      op.i32Const(42),
      op.i32Store(),
      op.localGet(0),
      op.i32Const(1),
      op.i32Add,
      op.localSet(0),
      op.br(0),
      op.end,
      op.end,
      op.unreachable,
    ],
    { functions: [{ type: 2, body: [], locals: ["i32"] }] },
  );
}

export function unreachableModule(): Uint8Array {
  return command([op.unreachable]);
}

export function outOfBoundsModule(): Uint8Array {
  return command([op.i32Const(-1), op.i32Load(), op.drop]);
}

export function stackOverflowModule(): Uint8Array {
  return command([op.call(START)]);
}

export function closeStdoutModule(): Uint8Array {
  return command(
    [
      op.i32Const(1),
      op.call(FD_CLOSE),
      op.drop,
      op.i32Const(2),
      op.call(FD_CLOSE),
      op.drop,
      op.i32Const(0),
      op.call(FD_CLOSE),
      op.drop,
      op.i32Const(1),
      op.i32Const(0),
      op.i32Const(1),
      op.i32Const(8),
      op.call(FD_WRITE),
      op.drop,
    ],
    {
      data: [
        { offset: 0, bytes: [...le32(16), ...le32(1)] },
        { offset: 16, bytes: "x" },
      ],
    },
  );
}

export function reactorModule(): Uint8Array {
  return assemble({
    types: TYPES,
    imports: [IMPORTS[0]],
    functions: [{ type: 2, body: [] }],
    memory: { min: 2, max: 10 },
    exports: [
      { name: "memory", kind: "memory", index: 0 },
      { name: "_initialize", kind: "function", index: 1 },
    ],
    custom: [{ name: "producers", bytes: [0] }],
  });
}
