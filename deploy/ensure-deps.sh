#!/usr/bin/env bash
# Installs everything Portalis needs on a fresh machine, idempotently and quietly when already there:
# npm packages, a Rust compiler with a WASI target, and the second WASI runtime the tests compare with.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # `npm install`, not `npm ci`: npm 11 leaves rollup's optional platform packages out of the lock
  # file, and `npm ci` then refuses a lock file that is in fact complete for this platform.
  echo "ensure-deps: npm install" >&2
  npm install --no-audit --no-fund --loglevel=error >&2
fi
bash deploy/setup-toolchain.sh >&2
if [ "${PORTALIS_WITH_TEST_DEPS:-0}" = 1 ]; then
  if ! python3 -c "import wasmtime" 2>/dev/null; then
    echo "ensure-deps: pip install wasmtime" >&2
    python3 -m pip install --quiet --disable-pip-version-check wasmtime >&2
  fi
  # Debian's rustc 1.63 (wasm32-wasi): the oldest compiler generated Rust must build with; a test uses it.
  if ! { [ -x /usr/bin/rustc ] && [ -d "$(/usr/bin/rustc --print sysroot 2>/dev/null)/lib/rustlib/wasm32-wasi/lib" ]; } && command -v apt-get >/dev/null; then
    echo "ensure-deps: apt-get install rustc libstd-rust-dev-wasm32 lld (rustc 1.63 compatibility test)" >&2
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq rustc libstd-rust-dev-wasm32 lld >&2
  fi
  # Jars of the local Kafka 3.9 broker (deploy/kafka/kafka.sh), which the Kafka transport tests start when
  # no Docker engine answers and PORTALIS_KAFKA_BROKERS is unset. Needs mvn and a JDK 17.
  if [ -z "${PORTALIS_KAFKA_BROKERS:-}" ]; then
    if ! { command -v mvn >/dev/null && command -v java >/dev/null; } && command -v apt-get >/dev/null; then
      echo "ensure-deps: apt-get install maven + a JDK for the local Kafka broker" >&2
      SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
      $SUDO apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq maven default-jdk-headless >&2
    fi
    bash deploy/kafka/kafka.sh fetch >&2
  fi
fi
