#!/bin/sh
# Builds the engine's wasm benchmark package, as the app ships the engine:
#   bench/build.sh [OUT] [extra cargo args...]
# OUT is a folder under bench/ (default `pkg`). Extra cargo arguments let one compare builds,
# e.g. `bench/build.sh pkg-engine-o3 --config 'profile.release.package.iamplay-engine.opt-level=3'`
# (use another CARGO_TARGET_DIR for such a variant, so the app's release build is not disturbed).
set -eu
cd "$(dirname "$0")/.."
out="bench/${1:-pkg}"
[ $# -gt 0 ] && shift
target_dir="${CARGO_TARGET_DIR:-target}"
cargo build -p iamplay-bench-wasm --profile release --target wasm32-unknown-unknown "$@"
wasm-bindgen --target nodejs --out-dir "$out" \
  "$target_dir/wasm32-unknown-unknown/release/iamplay_bench_wasm.wasm"
# binaryen from npm (`npm ci`), never Debian's: its older wasm-opt breaks wasm-bindgen's output.
node_modules/.bin/wasm-opt -O "$out/iamplay_bench_wasm_bg.wasm" -o "$out/iamplay_bench_wasm_bg.wasm"
echo "built $out ($(wc -c < "$out/iamplay_bench_wasm_bg.wasm") bytes of wasm)"
