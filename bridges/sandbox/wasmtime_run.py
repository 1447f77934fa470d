#!/usr/bin/env python3
"""Run a WASI preview1 command module with wasmtime (an independent runtime for cross-checks).

Usage: wasmtime_run.py [--timeout-ms N] [--memory-bytes N] [--stdin FILE] [--] MODULE.wasm [ARGS...]

No preopens, empty environment, argv = ["main.wasm", *ARGS]. Guest stdout/stderr are captured to
temp files. Prints ONE line of JSON on stdout:
  {"exitCode": int|null, "stdout": base64, "stderr": base64, "trap": str|null, "timedOut": bool}
Exit status of this script: 0 when the JSON was printed, 2 on usage / load errors (message on stderr).

Requires the PyPI package `wasmtime` (ships its native library): CI installs it with
`pip install wasmtime`. Tests that need it skip when `python3 -c "import wasmtime"` fails.
"""
import argparse
import base64
import json
import os
import sys
import tempfile
import threading


def trap_message(exc: BaseException) -> str:
    """The "wasm trap: ..." line of wasmtime's message (which starts with a backtrace)."""
    text = str(exc)
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("wasm trap:"):
            return line
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else type(exc).__name__


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("module")
    parser.add_argument("--timeout-ms", type=int, default=10_000)
    parser.add_argument("--memory-bytes", type=int, default=256 * 1024 * 1024)
    parser.add_argument("--stdin", default=None)
    parser.add_argument("args", nargs="*")
    ns = parser.parse_args()

    try:
        import wasmtime
    except ImportError:
        print("wasmtime is not installed (pip install wasmtime)", file=sys.stderr)
        return 2

    config = wasmtime.Config()
    config.epoch_interruption = True
    engine = wasmtime.Engine(config)
    try:
        module = wasmtime.Module.from_file(engine, ns.module)
    except Exception as exc:  # noqa: BLE001 - report any load/compile failure
        print(f"cannot load {ns.module}: {exc}", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="portalis-wasmtime-") as tmp:
        out_path = os.path.join(tmp, "stdout")
        err_path = os.path.join(tmp, "stderr")
        in_path = ns.stdin
        if in_path is None:
            in_path = os.path.join(tmp, "stdin")
            open(in_path, "wb").close()

        wasi = wasmtime.WasiConfig()
        wasi.argv = ["main.wasm", *ns.args]
        wasi.env = []
        wasi.stdout_file = out_path
        wasi.stderr_file = err_path
        wasi.stdin_file = in_path

        store = wasmtime.Store(engine)
        store.set_wasi(wasi)
        store.set_limits(memory_size=ns.memory_bytes)
        store.set_epoch_deadline(1)
        linker = wasmtime.Linker(engine)
        linker.define_wasi()

        timed_out = threading.Event()

        def tick() -> None:
            timed_out.set()
            engine.increment_epoch()

        timer = threading.Timer(ns.timeout_ms / 1000.0, tick)
        timer.daemon = True
        timer.start()

        exit_code = None
        trap = None
        try:
            instance = linker.instantiate(store, module)
            start = instance.exports(store)["_start"]
            start(store)
            exit_code = 0
        except wasmtime.ExitTrap as exc:
            exit_code = exc.code
        except (wasmtime.Trap, wasmtime.WasmtimeError) as exc:
            trap = trap_message(exc)
        finally:
            timer.cancel()

        with open(out_path, "rb") as f:
            stdout = f.read()
        with open(err_path, "rb") as f:
            stderr = f.read()

    is_timeout = timed_out.is_set() and exit_code is None
    print(
        json.dumps(
            {
                "exitCode": exit_code,
                "stdout": base64.b64encode(stdout).decode("ascii"),
                "stderr": base64.b64encode(stderr).decode("ascii"),
                "trap": None if is_timeout else trap,
                "timedOut": is_timeout,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
