#!/usr/bin/env bash
# Installs what greencheck's build and tests need, skipping each step that is already satisfied.
# Usage: scripts/ensure-tools.sh build|test
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-build}"
export PATH="$HOME/.cargo/bin:$PATH"
say() { printf '==> %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must equal the library version in Cargo.lock exactly (no --locked: see README).
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (have: ${have:-none}; ~4 min)"
  cargo install wasm-bindgen-cli --version "$want" --force
fi

if ! command -v wasm-pack >/dev/null 2>&1; then
  say "installing wasm-pack 0.15.1 (~3.5 min)"
  cargo install wasm-pack --version 0.15.1
fi

# npm packages: binaryen (wasm-opt), playwright-core, axe-core. Reinstall when the lock file changed.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi

if [ "$mode" = fuzz ]; then
  # A pinned nightly (cargo-fuzz needs one): the same compiler on every machine.
  tc="$(cat scripts/fuzz-toolchain)"
  if ! rustup toolchain list | grep -q "^$tc"; then
    say "installing the $tc toolchain for cargo-fuzz (~1 min)"
    rustup toolchain install "$tc" --profile minimal
  fi
  if ! command -v cargo-fuzz >/dev/null 2>&1; then
    say "installing cargo-fuzz (~2 min)"
    cargo install cargo-fuzz --version 0.13.2
  fi
  exit 0
fi

if [ "$mode" = test ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
    say "installing Debian's chromium, chromium-driver and CJK fonts (~1-2 min)"
    sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >/dev/null
  fi
  for c in rustfmt clippy; do
    rustup component list --installed | grep -q "^$c" || rustup component add "$c"
  done
fi
