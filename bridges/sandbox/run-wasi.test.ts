import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { assemble } from "../wasm/assemble.ts";
import {
  closeStdoutModule,
  echoStdinModule,
  exitModule,
  growThenTrapModule,
  helloModule,
  loopForeverModule,
  memoryBombModule,
  outOfBoundsModule,
  reactorModule,
  stackOverflowModule,
  unreachableModule,
  writeModule,
} from "../wasm/fixtures.ts";
import { SandboxError, SandboxPool, closeDefaultPool, runWasi } from "./run-wasi.ts";

afterAll(async () => {
  await closeDefaultPool();
});

describe("runWasi", () => {
  it("captures stdout of a minimal WASI command, exit code 0", async () => {
    const r = await runWasi(helloModule());
    expect(r.exitCode).toBe(0);
    expect(r.stdout.toString()).toBe("hi\n");
    expect(r.stderr.length).toBe(0);
    expect(r.timedOut).toBe(false);
    expect(r.trap).toBeUndefined();
  });

  it("captures stderr and proc_exit(n)", async () => {
    const r = await runWasi(writeModule("oops\n", { fd: 2, exitCode: 5 }));
    expect(r).toMatchObject({ exitCode: 5, timedOut: false });
    expect(r.stderr.toString()).toBe("oops\n");
    expect((await runWasi(exitModule(3))).exitCode).toBe(3);
  });

  it("feeds stdin (string and bytes), empty by default", async () => {
    expect((await runWasi(echoStdinModule(), { stdin: "abc\ndéf" })).stdout.toString()).toBe("abc\ndéf");
    const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => i & 0xff);
    expect(Buffer.compare((await runWasi(echoStdinModule(), { stdin: bytes })).stdout, Buffer.from(bytes))).toBe(0);
    expect((await runWasi(echoStdinModule())).stdout.length).toBe(0);
  });

  it("stops an infinite loop at the timeout", async () => {
    const t0 = performance.now();
    const r = await runWasi(loopForeverModule(), { timeoutMs: 150 });
    const elapsed = performance.now() - t0;
    expect(r).toMatchObject({ exitCode: null, timedOut: true });
    expect(r.trap).toBeUndefined();
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(1500);
  });

  it("makes an allocation bomb trap under the memory cap well under a second", async () => {
    const t0 = performance.now();
    const r = await runWasi(memoryBombModule(), { memoryBytes: 64 * 1024 * 1024 });
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(r).toMatchObject({ exitCode: null, timedOut: false, trap: "RuntimeError: unreachable" });
  });

  it("reports traps: unreachable, out of bounds, stack overflow", async () => {
    expect((await runWasi(unreachableModule())).trap).toBe("RuntimeError: unreachable");
    expect((await runWasi(outOfBoundsModule())).trap).toBe("RuntimeError: memory access out of bounds");
    const so = await runWasi(stackOverflowModule());
    expect(so.exitCode).toBeNull();
    expect(so.trap).toMatch(/call stack/i);
  });

  it("survives a trap after memory growth (the host process stays alive)", async () => {
    for (let i = 0; i < 3; i++) {
      const r = await runWasi(growThenTrapModule(3000), { memoryBytes: 256 * 1024 * 1024 });
      expect(r.trap).toBe("RuntimeError: unreachable");
    }
    // still able to run work afterwards
    expect((await runWasi(helloModule())).stdout.toString()).toBe("hi\n");
  });

  it("keeps the host fds safe when the guest closes its stdio", async () => {
    const before = fs.readdirSync("/proc/self/fd").length;
    const r = await runWasi(closeStdoutModule());
    expect(r.exitCode).toBe(0);
    expect(r.stdout.length).toBe(0); // write after fd_close(1) fails with EBADF inside the guest
    const fd = fs.openSync("/dev/null", "r"); // fd numbers still usable
    fs.closeSync(fd);
    expect(fs.readdirSync("/proc/self/fd").length).toBeLessThanOrEqual(before + 1);
  });

  it("passes argv and an empty environment (Rust-free check via args_sizes_get)", async () => {
    // args_sizes_get(argc_ptr=0, buf_size_ptr=4); environ_sizes_get(8, 12); proc_exit(argc*100 + envc)
    const m = assemble({
      types: [
        { params: ["i32", "i32"], results: ["i32"] },
        { params: ["i32"], results: [] },
        { params: [], results: [] },
      ],
      imports: [
        { module: "wasi_snapshot_preview1", name: "args_sizes_get", kind: "function", type: 0 },
        { module: "wasi_snapshot_preview1", name: "environ_sizes_get", kind: "function", type: 0 },
        { module: "wasi_snapshot_preview1", name: "proc_exit", kind: "function", type: 1 },
      ],
      functions: [
        {
          type: 2,
          body: [
            [0x41, 0, 0x41, 4, 0x10, 0, 0x1a],
            [0x41, 8, 0x41, 12, 0x10, 1, 0x1a],
            [0x41, 0, 0x28, 2, 0, 0x41, 0xe4, 0x00, 0x6c], // argc * 100
            [0x41, 8, 0x28, 2, 0, 0x6a], // + envc
            [0x10, 2],
          ].flat(),
        },
      ],
      memory: { min: 1 },
      exports: [
        { name: "memory", kind: "memory", index: 0 },
        { name: "_start", kind: "function", index: 3 },
      ],
    });
    expect((await runWasi(m, { args: ["a", "b"] })).exitCode).toBe(300);
    expect((await runWasi(m)).exitCode).toBe(100);
  });

  it("rejects modules that cannot run with a SandboxError naming the phase", async () => {
    await expect(runWasi(new TextEncoder().encode('print("hi")\n'))).rejects.toMatchObject({
      name: "SandboxError",
      phase: "compile",
      message: expect.stringMatching(/magic/),
    });
    await expect(runWasi(reactorModule())).rejects.toMatchObject({ phase: "start" });
    await expect(runWasi(writeModule("x".repeat(200_000)), { memoryBytes: 65536 })).rejects.toMatchObject({ phase: "memory-cap" });
    const envImport = assemble({
      types: [{ params: [], results: [] }],
      imports: [{ module: "env", name: "f", kind: "function", type: 0 }],
      functions: [{ type: 0, body: [0x10, 0] }],
      memory: { min: 1 },
      exports: [
        { name: "memory", kind: "memory", index: 0 },
        { name: "_start", kind: "function", index: 1 },
      ],
    });
    const err = await runWasi(envImport).catch((e) => e);
    expect(err).toBeInstanceOf(SandboxError);
    expect(err.phase).toBe("link");
  });

  it("kills a run that floods its output", async () => {
    // writes 1 MiB of zeros per fd_write, forever
    const loopWrite = assemble({
      types: [
        { params: ["i32", "i32", "i32", "i32"], results: ["i32"] },
        { params: [], results: [] },
      ],
      imports: [{ module: "wasi_snapshot_preview1", name: "fd_write", kind: "function", type: 0 }],
      functions: [{ type: 1, body: [0x03, 0x40, 0x41, 1, 0x41, 0, 0x41, 1, 0x41, 8, 0x10, 0, 0x1a, 0x0c, 0, 0x0b] }],
      memory: { min: 17 },
      exports: [
        { name: "memory", kind: "memory", index: 0 },
        { name: "_start", kind: "function", index: 1 },
      ],
      data: [{ offset: 0, bytes: [16, 0, 0, 0, 0, 0, 16, 0] }], // iovec {ptr 16, len 1 MiB}
    });
    const r = await runWasi(loopWrite, { maxOutputBytes: 8 << 20, timeoutMs: 5000 });
    expect(r.exitCode).toBeNull();
    expect(r.timedOut).toBe(false);
    expect(r.trap).toMatch(/output limit exceeded/);
    expect(r.stdout.length).toBe(8 << 20);
  });
});

describe("SandboxPool", () => {
  it("reuses warm workers and replaces one that timed out", async () => {
    const pool = new SandboxPool({ size: 2 });
    try {
      await pool.warm();
      expect(pool.stats()).toMatchObject({ workers: 2, spawned: 2 });
      for (let i = 0; i < 6; i++) expect((await pool.run(helloModule())).exitCode).toBe(0);
      expect(pool.stats().spawned).toBe(2);
      const r = await pool.run(loopForeverModule(), { timeoutMs: 50 });
      expect(r.timedOut).toBe(true);
      expect((await pool.run(helloModule())).stdout.toString()).toBe("hi\n");
      expect(pool.stats()).toMatchObject({ recycled: 1 });
      expect(pool.stats().workers).toBeLessThanOrEqual(2);
    } finally {
      await pool.close();
    }
  });

  it("runs 60 modules concurrently and quickly, including hostile ones", async () => {
    const pool = new SandboxPool();
    try {
      const t0 = performance.now();
      const jobs = Array.from({ length: 60 }, (_, i) => {
        if (i % 20 === 7) return pool.run(loopForeverModule(), { timeoutMs: 200 });
        if (i % 20 === 11) return pool.run(memoryBombModule(), { memoryBytes: 32 << 20 });
        return pool.run(writeModule(`run ${i}\n`, { exitCode: i % 4 }));
      });
      const results = await Promise.all(jobs);
      const elapsed = performance.now() - t0;
      results.forEach((r, i) => {
        if (i % 20 === 7) expect(r.timedOut).toBe(true);
        else if (i % 20 === 11) expect(r.trap).toBe("RuntimeError: unreachable");
        else {
          expect(r.stdout.toString()).toBe(`run ${i}\n`);
          expect(r.exitCode).toBe(i % 4);
        }
      });
      expect(elapsed).toBeLessThan(5000);
    } finally {
      await pool.close();
    }
  });

  it("rejects queued runs when closed", async () => {
    const pool = new SandboxPool({ size: 1 });
    const first = pool.run(loopForeverModule(), { timeoutMs: 5000 }).catch((e) => e);
    const second = pool.run(helloModule()).catch((e) => e);
    await new Promise((r) => setTimeout(r, 100));
    await pool.close();
    expect(await second).toMatchObject({ name: "SandboxError", phase: "pool" });
    expect(await first).toMatchObject({ name: "SandboxError", phase: "pool" });
    await expect(pool.run(helloModule())).rejects.toMatchObject({ phase: "pool" });
  });
});
