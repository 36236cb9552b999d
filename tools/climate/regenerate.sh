#!/usr/bin/env bash
# Regenerates core/data/climate/*.climate and *.hourly from the CSWD weather files (run from anywhere): the repository's
# gzipped copies in tools/climate/data/, or WEATHER_DIR=... for a folder of the same files (plain or .gz).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
W="${WEATHER_DIR:-$ROOT/tools/climate/data}"
cd "$ROOT"
epw() { if [ -f "$W/$1" ]; then echo "$W/$1"; else echo "$W/$1.gz"; fi; }
run() { cargo run -q --release -p greencheck-climate -- --epw "$(epw "$1")" --id "$2" --name-zh "$3" --name-en "$4" --out "core/data/climate/$2.climate" --hourly-out "core/data/climate/$2.hourly"; }
run CHN_Henan.Anyang.538980_CSWD.epw hebi 鹤壁 Hebi
run CHN_Henan.Zhengzhou.570830_CSWD.epw zhengzhou 郑州 Zhengzhou
