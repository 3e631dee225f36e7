#!/usr/bin/env bash
# Benchmark: `kompass verify` of the example's PDF against `kompass render` of the example, each
# run a cold process, the two alternating (A B A B …) so that drift hits both alike. Prints the
# median wall time of each and the median of the pairwise ratios verify/render.
# Usage: bench/verify.sh [runs]   (default 15)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
cargo build --release --quiet
# The build cargo just made, wherever CARGO_TARGET_DIR puts it.
target=$(cd "${CARGO_TARGET_DIR:-target}" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
bin=$target/release/kompass
"$bin" render examples/leksand-2023.toml -o "$out/example.pdf" 2>/dev/null
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000 )); }
render=(); verify=(); ratio=()
for _ in $(seq "$runs"); do
  r=$(ms "$bin" render examples/leksand-2023.toml -o "$out/bench.pdf")
  v=$(ms "$bin" verify "$out/example.pdf")
  render+=("$r"); verify+=("$v"); ratio+=("$(awk -v a="$v" -v b="$r" 'BEGIN { printf "%.4f", a / b }')")
done
median() { printf '%s\n' "$@" | sort -g | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'; }
echo "cold render: median $(awk -v x="$(median "${render[@]}")" 'BEGIN { printf "%.1f", x / 1000 }') ms over $runs runs"
echo "cold verify: median $(awk -v x="$(median "${verify[@]}")" 'BEGIN { printf "%.1f", x / 1000 }') ms over $runs runs"
echo "verify / render: median ratio $(median "${ratio[@]}") (goal: at most 1.2)"
