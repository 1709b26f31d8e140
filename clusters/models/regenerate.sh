#!/bin/sh
# Rebuilds every file in clusters/models/ with `interscreen build` (deterministic, no xTB, ~1 min
# in a debug build). Run from the repository root:  clusters/models/regenerate.sh [path/to/interscreen]
set -eu
IS=${1:-interscreen}
OUT=clusters/models
rm -rf "$OUT/products"
"$IS" build perovskite --cell clusters/bulk/CsPbI3-alpha.cif --units 8 --surface 001 -o "$OUT/CsPbI3-alpha-8fu-001.extxyz"
"$IS" build perovskite --cell clusters/bulk/CsPbI3-delta.cif --units 8 --surface 001 -o "$OUT/CsPbI3-delta-8fu-001.extxyz"
"$IS" build glass --zn 1 -o "$OUT/zn1.extxyz"
"$IS" build glass --zn 1 --cap MeIm -o "$OUT/zn1-meim.extxyz"
"$IS" build glass --zn 4 -o "$OUT/zn4.extxyz"
"$IS" build exchange --perovskite "$OUT/CsPbI3-alpha-8fu-001.extxyz" --glass "$OUT/zn1.extxyz" --k 1 --sites 3 --ligand 1 --out-dir "$OUT/products"
"$IS" build exchange --perovskite "$OUT/CsPbI3-delta-8fu-001.extxyz" --glass "$OUT/zn1.extxyz" --k 1 --sites 4 --ligand 1 --out-dir "$OUT/products"
"$IS" build perovskite --cell clusters/bulk/CsPbI3-gamma.cif --units 8 --surface 010 -o "$OUT/CsPbI3-gamma-8fu-010.extxyz"
"$IS" build exchange --perovskite "$OUT/CsPbI3-gamma-8fu-010.extxyz" --glass "$OUT/zn1.extxyz" --k 1 --sites 5 --ligand 1 --out-dir "$OUT/products"
