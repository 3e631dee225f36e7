#!/usr/bin/env bash
# Benchmark: wall time of `kompass render` on the example, each run a cold process (release
# build). Uses hyperfine when installed (Debian `hyperfine`), otherwise a plain loop.
# Usage: bench/render.sh [runs]   (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
cargo build --release --quiet
# The build cargo just made, wherever CARGO_TARGET_DIR puts it.
target=$(cd "${CARGO_TARGET_DIR:-target}" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cmd=("$target"/release/kompass render examples/leksand-2023.toml -o "$out/bench.pdf")
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 2 --runs "$runs" "${cmd[*]}"
  exit 0
fi
"${cmd[@]}" 2>/dev/null   # warm the page cache
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  "${cmd[@]}" 2>/dev/null
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000 )))
done
printf '%s\n' "${times[@]}" | sort -n | awk -v n="$runs" '
  { t[NR] = $1; sum += $1 }
  END { printf "kompass render, %d runs: mean %.1f ms, median %.1f ms, min %.1f ms, max %.1f ms\n",
        n, sum / n / 1000, t[int((n + 1) / 2)] / 1000, t[1] / 1000, t[n] / 1000 }'
echo "pages: $(pdfinfo "$out/bench.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')"
