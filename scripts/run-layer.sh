#!/usr/bin/env bash
# Runs one test layer, shows its output, and fails if the command fails OR ran no test at all
# (a layer that silently runs nothing must not pass).  Usage: scripts/run-layer.sh NAME CMD...
set -uo pipefail
name="$1"; shift
log=$(mktemp)
"$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
# cargo/wasm-pack: "test result: ok. N passed"; node --test (TAP): "# pass N".
passed=$(grep -Eo '(test result: [a-zA-Z]+\. [0-9]+ passed|^# pass [0-9]+)' "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
rm -f "$log"
if [ "$rc" -ne 0 ]; then echo "== layer '$name' FAILED (exit $rc)"; exit "$rc"; fi
if [ "$passed" -eq 0 ]; then echo "== layer '$name' ran no test"; exit 1; fi
echo "== layer '$name': $passed tests passed"
