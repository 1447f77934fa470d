#!/usr/bin/env bash
# Installs a Rust compiler that targets WASI preview1, idempotently:
#   1. rustup's wasm32-wasip1 target when rustup can reach its server;
#   2. else Debian's rustc (1.63) + libstd-rust-dev-wasm32 + lld (target wasm32-wasi).
set -u
has_target() { # $1 rustc, $2 target
  local sysroot
  sysroot=$("$1" --print sysroot 2>/dev/null) || return 1
  [ -d "$sysroot/lib/rustlib/$2/lib" ]
}
if command -v rustc >/dev/null && { has_target rustc wasm32-wasip1 || has_target rustc wasm32-wasi; }; then
  echo "setup-toolchain: $(rustc --version) already targets WASI"; exit 0
fi
if command -v rustup >/dev/null && timeout 120 rustup target add wasm32-wasip1; then
  echo "setup-toolchain: rustup target wasm32-wasip1 installed"; exit 0
fi
if [ -x /usr/bin/rustc ] && has_target /usr/bin/rustc wasm32-wasi; then
  echo "setup-toolchain: Debian rustc already targets wasm32-wasi"; exit 0
fi
if command -v apt-get >/dev/null; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq rustc libstd-rust-dev-wasm32 lld \
    && has_target /usr/bin/rustc wasm32-wasi && { echo "setup-toolchain: Debian rustc + wasm32-wasi installed"; exit 0; }
fi
echo "setup-toolchain: no way to install a WASI-capable Rust compiler (need rustup with network, or apt-get)" >&2
exit 1
