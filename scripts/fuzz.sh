#!/usr/bin/env bash
# Builds and runs the cargo-fuzz targets of greencheck-core, one after the other.
#
#   scripts/fuzz.sh                 # 60 s per target
#   scripts/fuzz.sh 600             # 600 s per target
#   scripts/fuzz.sh 1000000runs     # 1 000 000 executions per target
#   scripts/fuzz.sh 10 share_decode # only the named target(s)
#
# Needs the nightly toolchain named in scripts/fuzz-toolchain and cargo-fuzz (scripts/ensure-tools.sh fuzz
# installs both). The corpus is kept in
# fuzz/corpus/<target> (not committed; seeded from the templates, the gbXML test files and fuzz/seeds/), crashes land in
# fuzz/artifacts/<target>. Exits non-zero on a crash. FUZZ_TARGET_DIR overrides the build dir.
set -euo pipefail
cd "$(dirname "$0")/.."

budget="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(project_eval share_decode gbxml_import)

case "$budget" in
  *runs) limit=(-runs="${budget%runs}") ;;
  *[!0-9]* | '') echo "usage: $0 [SECONDS | Nruns] [target...]" >&2; exit 64 ;;
  *) limit=(-max_total_time="$budget") ;;
esac

command -v cargo-fuzz >/dev/null || { echo "cargo-fuzz missing: scripts/ensure-tools.sh fuzz" >&2; exit 1; }
toolchain="$(cat scripts/fuzz-toolchain)"
target_dir="${FUZZ_TARGET_DIR:-/tmp/target-fuzz}"

for t in "${targets[@]}"; do
  corpus="fuzz/corpus/$t"
  mkdir -p "$corpus"
  max_len=8192
  if [ "$t" = project_eval ]; then
    cp -n core/data/templates/*.json fuzz/seeds/project_eval/*.json "$corpus"/
    dict=(-dict=fuzz/project.dict)
  elif [ "$t" = gbxml_import ]; then
    # The small seeds whole; the real exports (up to 1.6 MB) are cut to max_len by libFuzzer.
    cp -n fuzz/seeds/gbxml_import/* core/tests/data/gbxml/*.xml "$corpus"/
    dict=(-dict=fuzz/gbxml.dict)
    max_len=16384
  else
    cp -n fuzz/seeds/share_decode/* "$corpus"/
    dict=()
  fi
  cargo +"$toolchain" fuzz build --release --target-dir "$target_dir" "$t"
  echo "== $t: ${limit[*]}"
  start=$(date +%s)
  set +e
  cargo +"$toolchain" fuzz run --release --target-dir "$target_dir" "$t" "$corpus" -- \
    "${limit[@]}" "${dict[@]}" -max_len="$max_len" -print_final_stats=1 2>&1 \
    | tee "/tmp/fuzz-$t.log" | grep -E "^(#[0-9]+.*(DONE|pulse)|stat::|==[0-9]+==|SUMMARY|Done)"
  status=${PIPESTATUS[0]}
  set -e
  echo "== $t: exit $status after $(( $(date +%s) - start )) s (log /tmp/fuzz-$t.log)"
  [ "$status" -eq 0 ] || exit "$status"
done
