#!/usr/bin/env bash
# Regenerates core/data/climate/*.climate from the shared CSWD weather files (run from anywhere).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
W="${WEATHER_DIR:-$ROOT/../shared/data/climate}"
cd "$ROOT"
run() { cargo run -q --release -p greencheck-climate -- --epw "$W/$1" --id "$2" --name-zh "$3" --name-en "$4" --out "core/data/climate/$2.climate"; }
run CHN_Henan.Anyang.538980_CSWD.epw hebi 鹤壁 Hebi
run CHN_Henan.Zhengzhou.570830_CSWD.epw zhengzhou 郑州 Zhengzhou
