#!/usr/bin/env bash
# Benchmark: kompass against the Typst CLI on kompass's own project. `kompass render` of the
# example (loading, validation, charts and typesetting included) against `typst compile` of the
# folder `kompass typst` writes for the same example, with the command its README.txt gives.
# Each run is a cold process, the two alternate (A B A B …) so that drift hits both alike.
# Prints the median wall time of each and the median of the pairwise ratios kompass/typst.
# Installs the Typst CLI (the same version kompass embeds) with cargo when it is missing.
# Also prints the peak memory of each (GNU time). TYPST=/path/to/typst uses that binary.
# Usage: bench/typst-cli.sh [runs]   (default 15)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
cargo build --release --quiet
# The build cargo just made, wherever CARGO_TARGET_DIR puts it.
target=$(cd "${CARGO_TARGET_DIR:-target}" && pwd)
version=$(cargo metadata --format-version 1 --locked 2>/dev/null \
  | grep -o '"name":"typst","version":"[^"]*"' | head -n1 | sed 's/.*"version":"\([^"]*\)"/\1/')
typst=${TYPST:-}
if [ -z "$typst" ]; then
  if command -v typst >/dev/null && typst --version | grep -q " $version"; then
    typst=$(command -v typst)
  else
    root=$target/typst-cli-$version
    if [ ! -x "$root/bin/typst" ]; then
      echo "installing typst-cli $version into $root (a few minutes, once)" >&2
      cargo install typst-cli --locked --version "$version" --root "$root" --quiet
    fi
    typst=$root/bin/typst
  fi
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
bin=$target/release/kompass
"$bin" typst examples/leksand-2023.toml "$out/project" 2>/dev/null
# The exact command the project's README.txt gives, with this typst and an output in $out.
cmd=$(grep -m1 '^    typst compile' "$out/project/README.txt" | sed 's/^    typst //; s/ report.pdf$//')
read -r -a args <<<"$cmd"
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000 )); }
kompass=(); cli=(); ratio=()
for _ in $(seq "$runs"); do
  k=$(ms "$bin" render examples/leksand-2023.toml -o "$out/kompass.pdf")
  t=$(cd "$out/project" && ms "$typst" "${args[@]}" "$out/typst.pdf")
  kompass+=("$k"); cli+=("$t"); ratio+=("$(awk -v a="$k" -v b="$t" 'BEGIN { printf "%.4f", a / b }')")
done
[ "$(pdfinfo "$out/typst.pdf" 2>/dev/null | awk '/^Pages/ { print $2 }')" = "$(pdfinfo "$out/kompass.pdf" 2>/dev/null | awk '/^Pages/ { print $2 }')" ] \
  || echo "warning: the two PDFs have different page counts (or pdfinfo is missing)" >&2
median() { printf '%s\n' "$@" | sort -g | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'; }
echo "kompass render:  median $(awk -v x="$(median "${kompass[@]}")" 'BEGIN { printf "%.1f", x / 1000 }') ms over $runs runs"
echo "typst compile:   median $(awk -v x="$(median "${cli[@]}")" 'BEGIN { printf "%.1f", x / 1000 }') ms over $runs runs ($("$typst" --version))"
echo "kompass / typst: median ratio $(median "${ratio[@]}") (goal: at most 0.9)"
# Peak memory (maximum resident set) of one more run of each, where GNU time is installed.
if /usr/bin/time -f %M true >/dev/null 2>&1; then
  peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n1; }
  k=$(peak "$bin" render examples/leksand-2023.toml -o "$out/kompass.pdf")
  t=$(cd "$out/project" && peak "$typst" "${args[@]}" "$out/typst.pdf")
  echo "peak memory:     kompass $((k / 1024)) MiB, typst $((t / 1024)) MiB"
fi
