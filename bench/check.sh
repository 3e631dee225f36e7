#!/usr/bin/env bash
# Benchmark: wall time of `kompass check` as a cold process (release build) on the example, and
# on the example with 20 structural errors (misspelt keys and values of the wrong type), which
# the loader must all find in one run. Uses hyperfine when installed (Debian `hyperfine`),
# otherwise a plain loop with the median.
# Usage: bench/check.sh [runs]   (default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
cargo build --release --quiet
# The build cargo just made, wherever CARGO_TARGET_DIR puts it.
target=$(cd "${CARGO_TARGET_DIR:-target}" && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cp examples/leksand-2023.toml examples/register.csv "$dir/"
# 20 structural errors: 8 misspelt `analysis`, 8 misspelt `strengths`, and 4 wrong types.
sed -e 's/^analysis = /analyss = /' -e 's/^strengths = /strenghts = /' \
    -e 's/^interviews = 40/interviews = "fyrtio"/' \
    -e 's/^population = \(.*\)/population = "\1"/' \
    -e 's/^first_evaluation = \(.*\)/first_evaluation = "\1"/' \
    -e 's/^publisher = \(.*\)/publisher = 1/' \
    examples/leksand-2023.toml > "$dir/broken.toml"
found=$("$target"/release/kompass check "$dir/broken.toml" 2>&1 | tail -1 || true)
echo "broken.toml: $found"
bin=$target/release/kompass
time_it() {
  local name=$1; shift
  if command -v hyperfine >/dev/null; then
    hyperfine --warmup 3 --runs "$runs" -i -N "$*"
    return
  fi
  "$@" >/dev/null 2>&1 || true
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v n="$runs" -v name="$name" '
    { t[NR] = $1 }
    END { printf "%s, %d runs: median %.1f ms, min %.1f ms, max %.1f ms\n",
          name, n, t[int((n + 1) / 2)] / 1000, t[1] / 1000, t[n] / 1000 }'
}
time_it "check example" "$bin" check "$dir/leksand-2023.toml"
time_it "check with 20 structural errors" "$bin" check "$dir/broken.toml"
