#!/usr/bin/env bash
# Benchmark: many reports. 290 synthetic evaluations (one per municipality) rendered by one
# `kompass render --all` against the same 290 as separate cold processes in a loop; the peak
# memory of one render and of the batch (GNU time, Debian `time`, when installed).
# Usage: bench/batch.sh [count]   (default 290)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-290}
cargo build --release --quiet
# The build cargo just made, wherever CARGO_TARGET_DIR puts it.
target=$(cd "${CARGO_TARGET_DIR:-target}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=$target/release/kompass
"$bin" synthetic "$work/in" --count "$count"
now() { date +%s%N; }
start=$(now)
"$bin" render --all "$work/in" --out-dir "$work/batch" 2>/dev/null
batch=$(( ($(now) - start) / 1000000 ))
mkdir -p "$work/loop"
start=$(now)
for f in "$work"/in/*.toml; do
  "$bin" render "$f" -o "$work/loop/$(basename "$f" .toml).pdf" 2>/dev/null
done
loop=$(( ($(now) - start) / 1000000 ))
echo "$count reports: batch ${batch} ms, loop of cold processes ${loop} ms, loop / batch $(awk -v a="$loop" -v b="$batch" 'BEGIN { printf "%.2f", a / b }')"
if [ -x /usr/bin/time ]; then
  files=("$work"/in/*.toml); one=${files[0]}
  peak_one=$( { /usr/bin/time -v "$bin" render "$one" -o "$work/one.pdf" 2>&1 >/dev/null; } | awk '/Maximum resident/ { print $NF }')
  peak_batch=$( { /usr/bin/time -v "$bin" render --all "$work/in" --out-dir "$work/batch2" 2>&1 >/dev/null; } | awk '/Maximum resident/ { print $NF }')
  echo "peak memory: one render $((peak_one / 1024)) MiB, the batch $((peak_batch / 1024)) MiB"
fi
