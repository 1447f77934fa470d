#!/usr/bin/env bash
# Dev loop: transpile a Python script (or a package folder with main.py), build it natively against
# the pyrt runtime, run it and diff stdout with the .expected file.
#   operators/transpile/dev-run.sh [--stub] [--keep] FILE.py|PKG_DIR
# --stub: type-check only, against operators/transpile/dev/contract_stub.rs (no run).
# RUSTC=/usr/bin/rustc to check with Debian's rustc 1.63.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
RUSTC="${RUSTC:-rustc}"
STUB=0
while [[ "${1:-}" == --* ]]; do
  case "$1" in
    --stub) STUB=1 ;;
    --keep) ;;
  esac
  shift
done
TARGET="$(realpath "$1")"
TAG="$(basename "$TARGET" .py)"
WORK="/tmp/portalis-dev/$TAG"
mkdir -p "$WORK"
RTVER="$($RUSTC --version | tr -cd '0-9.')"
if [[ $STUB == 1 ]]; then
  LIBDIR="/tmp/pyrt-stub-$RTVER"; SRC="$ROOT/operators/transpile/dev/contract_stub.rs"
  DEPS="$SRC $ROOT/runtime/src/value.rs $ROOT/runtime/src/codegen_support.rs"
else
  LIBDIR="/tmp/pyrt-native-$RTVER"; SRC="$ROOT/runtime/src/lib.rs"
  DEPS="$(ls "$ROOT"/runtime/src/*.rs)"
fi
mkdir -p "$LIBDIR"
LIB="$LIBDIR/libpyrt.rlib"
PYLIB_ARGS=()
if [[ $STUB == 0 ]]; then
  # The runtime's Python-written modules (runtime/pylib), translated, compiled into the rlib.
  (cd "$ROOT" && npx tsx operators/transpile/dev-pylib.ts "$LIBDIR/pylib.rs") 2>&1 | grep -v "npm warn"
  DEPS="$DEPS $LIBDIR/pylib.rs"; PYLIB_ARGS=(--cfg pyrt_pylib); export PYRT_PYLIB="$LIBDIR/pylib.rs"
fi
NEED=0
[[ -f "$LIB" ]] || NEED=1
for f in $DEPS; do [[ "$f" -nt "$LIB" ]] && NEED=1; done
if [[ $NEED == 1 ]]; then
  ( flock 9
    $RUSTC --edition 2021 --crate-type rlib --crate-name pyrt -O "${PYLIB_ARGS[@]}" "$SRC" --out-dir "$LIBDIR" 2> "$LIBDIR/build.log" || { echo "RUNTIME BUILD FAILED (see $LIBDIR/build.log)"; head -30 "$LIBDIR/build.log"; exit 3; }
  ) 9> "$LIBDIR.lock" || exit 3
fi
if [[ -d "$TARGET" ]]; then
  ARGS=()
  while IFS= read -r f; do
    rel="${f#$TARGET/}"; mod="${rel%.py}"; mod="${mod//\//.}"; pkg=""
    if [[ "$mod" == *__init__ ]]; then mod="${mod%.__init__}"; mod="${mod%__init__}"; pkg=":pkg"; fi
    ARGS+=("$f=$mod$pkg")
  done < <(find "$TARGET" -name '*.py' | sort)
  EXPECTED="$TARGET/main.expected"; ENTRY=main; RUNDIR="$TARGET"
else
  ARGS=("$TARGET"); EXPECTED="${TARGET%.py}.expected"; ENTRY="$TAG"; RUNDIR="$(dirname "$TARGET")"
fi
(cd "$ROOT" && npx tsx operators/transpile/dev-transpile.ts "$WORK/main.rs" "$ENTRY" "${ARGS[@]}") 2>&1 | grep -v "npm warn"
[[ ${PIPESTATUS[0]} == 0 ]] || { echo "TRANSPILE FAILED"; exit 2; }
if ! $RUSTC --edition 2021 --crate-type bin -O -C debuginfo=0 --extern pyrt="$LIB" -L "$LIBDIR" "$WORK/main.rs" -o "$WORK/prog" 2> "$WORK/rustc.log"; then
  echo "RUSTC FAILED ($WORK/rustc.log)"; grep -E "^error" -A8 "$WORK/rustc.log" | head -60; exit 4
fi
[[ $STUB == 1 ]] && { echo "TYPECHECK OK"; exit 0; }
(cd "$RUNDIR" && timeout 20 "$WORK/prog" > "$WORK/stdout" 2> "$WORK/stderr"); RC=$?
if [[ $RC == 0 ]] && cmp -s "$WORK/stdout" "$EXPECTED"; then echo "PASS"; exit 0; fi
echo "FAIL rc=$RC"; diff "$WORK/stdout" "$EXPECTED" | head -20; head -5 "$WORK/stderr"; exit 1
