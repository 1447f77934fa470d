#!/usr/bin/env bash
# Runs dev-run.sh over corpus tiers (and `fixtures`: the generator's own semantic tests) and prints
# pass counts.  dev-corpus.sh [tier...]
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
C=/work/shared/corpus
TIERS=("$@"); [[ ${#TIERS[@]} == 0 ]] && TIERS=(basic strings collections classes exceptions functional algorithms typed_api packages)
for t in "${TIERS[@]}"; do
  pass=0; total=0; fails=()
  if [[ $t == packages ]]; then items=("$C"/packages/*/)
  elif [[ $t == fixtures ]]; then items=("$ROOT"/operators/transpile/fixtures/*.py "$ROOT"/operators/transpile/fixtures/pkg_*/)
  else items=("$C/$t"/*.py); fi
  for f in "${items[@]}"; do
    f="${f%/}"; total=$((total+1))
    out="$("$ROOT/operators/transpile/dev-run.sh" "$f" 2>&1)"
    if [[ "$(echo "$out" | tail -1)" == PASS ]]; then pass=$((pass+1)); else fails+=("$(basename "$f"):$(echo "$out" | grep -m1 -E 'FAIL|FAILED')"); fi
  done
  echo "$t: $pass/$total"
  for x in "${fails[@]}"; do echo "   $x"; done
done
