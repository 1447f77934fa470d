/**
 * Host fds for a guest's stdin/stdout/stderr: anonymous temp files opened (and immediately
 * unlinked) by the parent. Output written by the worker to these fds survives worker.terminate().
 *
 *   openOutput()        -> Capture   fd for the guest (write) + a second fd we read back from
 *   openInput(data)     -> Capture   fd for the guest (read) holding `data`
 *   capture.size()      current byte size (for the output limit)
 *   capture.read(limit) -> Buffer    whole content (at most `limit` bytes)
 *   capture.close()     closes both fds. The guest fd is closed only if it still refers to our file:
 *                       a guest can fd_close(1), which closes the host fd, and the number may
 *                       since have been reused by someone else in this process.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface Capture {
  /** fd handed to the guest */
  guestFd: number;
  size(): number;
  read(limit?: number): Buffer;
  close(): void;
}

function tempPath(): string {
  return path.join(os.tmpdir(), `portalis-sandbox-${process.pid}-${randomBytes(6).toString("hex")}`);
}

function open(guestFlags: "w+" | "r", data?: Uint8Array): Capture {
  const p = tempPath();
  const holdFd = fs.openSync(p, "wx+", 0o600);
  let guestFd: number;
  try {
    if (data?.length) fs.writeSync(holdFd, data, 0, data.length, 0);
    guestFd = fs.openSync(p, guestFlags);
  } catch (err) {
    fs.closeSync(holdFd);
    fs.rmSync(p, { force: true });
    throw err;
  } finally {
    fs.rmSync(p, { force: true });
  }
  const { dev, ino } = fs.fstatSync(holdFd);
  let closed = false;
  return {
    guestFd,
    size: () => fs.fstatSync(holdFd).size,
    read(limit = Number.POSITIVE_INFINITY) {
      const size = Math.min(fs.fstatSync(holdFd).size, limit);
      const buf = Buffer.allocUnsafe(size);
      let off = 0;
      while (off < size) {
        const n = fs.readSync(holdFd, buf, off, size - off, off);
        if (n === 0) break;
        off += n;
      }
      return off === size ? buf : buf.subarray(0, off);
    },
    close() {
      if (closed) return;
      closed = true;
      try {
        const st = fs.fstatSync(guestFd);
        if (st.dev === dev && st.ino === ino) fs.closeSync(guestFd);
      } catch {
        // already closed by the guest
      }
      fs.closeSync(holdFd);
    },
  };
}

export function openOutput(): Capture {
  return open("w+");
}

export function openInput(data: string | Uint8Array | undefined): Capture {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  return open("r", bytes);
}
