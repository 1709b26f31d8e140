#!/bin/sh
# Rebuilds every file in clusters/library/ with `interscreen build` (deterministic, no xTB, ~2 min
# in a debug build). Run from the repository root:  clusters/library/regenerate.sh [path/to/interscreen]
set -eu
IS=${1:-interscreen}
OUT=clusters/library
rm -rf "$OUT/products"
for cell in CsPbBr3-alpha CsPbBr3-delta-hypothetical CsPbCl3-alpha CsPbCl3-delta-hypothetical \
            CsSnI3-alpha CsSnI3-delta FAPbI3-alpha FAPbI3-delta; do
  "$IS" build perovskite --cell "clusters/bulk/$cell.cif" --units 8 --surface 001 -o "$OUT/$cell-8fu-001.extxyz"
done
"$IS" build glass --zn 1 --ligand mIm -o "$OUT/zn1-mim.extxyz"
"$IS" build glass --zn 4 --ligand mIm -o "$OUT/zn4-mim.extxyz"
"$IS" build glass --zn 1 --ligand dcIm -o "$OUT/zn1-dcim.extxyz"
"$IS" build glass --zn 4 --ligand dcIm -o "$OUT/zn4-dcim.extxyz"
for cell in CsPbBr3-alpha CsPbBr3-delta-hypothetical CsPbCl3-alpha CsPbCl3-delta-hypothetical \
            CsSnI3-alpha CsSnI3-delta FAPbI3-alpha FAPbI3-delta; do
  "$IS" build exchange --perovskite "$OUT/$cell-8fu-001.extxyz" --glass clusters/models/zn1.extxyz --k 1 --ligand 1 \
      --orientations 1 --max 1 --out-dir "$OUT/products"
done
for glass in zn1-mim zn1-dcim; do
  "$IS" build exchange --perovskite clusters/models/CsPbI3-alpha-8fu-001.extxyz --glass "$OUT/$glass.extxyz" --k 1 --ligand 1 \
      --orientations 1 --max 1 --out-dir "$OUT/products"
done
