#!/usr/bin/env bash
# Γ-point supercell series of α, γ and δ CsPbI3 with tblite (GFN2, then GFN1), unrelaxed and with
# positions relaxed, through `interscreen bulk`; every number lands in the database.
#   bench/bulk-series.sh [OUT_DIR]     (default bench/bulk-results; about 1 h on one core)
# One periodic job at a time, one thread: the machine is shared.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-bench/bulk-results}"
mkdir -p "$out"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
bin="${INTERSCREEN:-.build/release/interscreen}"
[ -x "$bin" ] || { swift build -c release >/dev/null; bin=.build/release/interscreen; }
cells=(clusters/bulk/CsPbI3-alpha.extxyz clusters/bulk/CsPbI3-gamma.extxyz clusters/bulk/CsPbI3-delta.extxyz)
db="$out/bulk.sqlite"
for gfn in 2 1; do
  # Unrelaxed series up to 320 atoms (α 4x4x4), then the same series (answered from the database)
  # with positions relaxed in the largest supercell of at most 60 atoms (δ 1x3x1).
  "$bin" bulk "${cells[@]}" --gfn "$gfn" --max-atoms 320 --db "$db" | tee "$out/gfn$gfn-unrelaxed.txt" || true
  "$bin" bulk "${cells[@]}" --gfn "$gfn" --max-atoms 320 --relax --relax-max-atoms 60 --db "$db" \
    | tee "$out/gfn$gfn-relaxed.txt" || true
  "$bin" bulk "${cells[@]}" --gfn "$gfn" --max-atoms 320 --relax --relax-max-atoms 60 --db "$db" --json \
    > "$out/gfn$gfn.jsonl" || true
done
