# greencheck — see README.md. `make run` builds and serves; `make test` runs every test layer.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
PORT ?= 8080

.PHONY: run dist test tools tools-test test-rust test-wasm test-e2e fmt clippy bench fuzz fuzz-smoke clean

run: dist
	node scripts/serve.mjs dist

tools:
	scripts/ensure-tools.sh build

tools-test:
	scripts/ensure-tools.sh test

# Release build with wasm-pack (wasm-opt from npm binaryen), then assemble dist/ and print sizes.
dist: tools
	wasm-pack build --target web --release --no-typescript --no-pack --out-dir pkg --out-name greencheck
	wasm-opt -Oz --converge pkg/greencheck_bg.wasm -o pkg/greencheck_bg.wasm
	wasm-pack build importer --target web --release --no-typescript --no-pack --out-dir ../pkg-import --out-name greencheck_import
	wasm-opt -Oz --converge pkg-import/greencheck_import_bg.wasm -o pkg-import/greencheck_import_bg.wasm
	node scripts/assemble-dist.mjs pkg dist pkg-import

fmt:
	cargo fmt --all -- --check

clippy:
	cargo clippy --workspace --all-targets -- -D warnings

test-rust:
	scripts/run-layer.sh native cargo test --workspace

test-wasm:
	scripts/run-layer.sh wasm wasm-pack test --headless --chrome --chromedriver /usr/bin/chromedriver

test-e2e:
	scripts/run-layer.sh e2e node --test --test-reporter=tap --test-concurrency=1 --test-timeout=120000 tests/e2e/

# Every layer, in order of speed; the first failure stops the run with a non-zero exit.
test: tools-test
	$(MAKE) fmt
	$(MAKE) clippy
	$(MAKE) test-rust
	$(MAKE) test-wasm
	$(MAKE) dist
	$(MAKE) test-e2e
	$(MAKE) fuzz-smoke

# Long fuzzing run: 10^6 executions per target. Needs the nightly toolchain and cargo-fuzz.
fuzz:
	scripts/ensure-tools.sh fuzz
	scripts/fuzz.sh 1000000runs

# A short fuzz run of each target (20 000 executions), part of `make test`: installs the pinned nightly and
# cargo-fuzz when missing; only if they cannot be installed is the smoke skipped, and it says so.
fuzz-smoke:
	@if scripts/ensure-tools.sh fuzz; then scripts/fuzz.sh 20000runs; \
	else echo "== fuzz smoke skipped: the toolchain in scripts/fuzz-toolchain or cargo-fuzz could not be installed"; fi

# Benchmarks (figures in docs/performance.md): criterion benches of the core, then the browser benchmark
# (cold load, keystroke → repainted verdict, 10 000-point wasm sweep, gzip size) against a fresh dist/.
bench: dist
	cargo bench -p greencheck-core
	node tests/bench/browser-bench.mjs

clean:
	rm -rf target pkg pkg-import dist
