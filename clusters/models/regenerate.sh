#!/bin/sh
# Rebuilds every file in clusters/models/ with `interscreen build` (deterministic, no xTB, ~1 min
# in a debug build). Run from the repository root:  clusters/models/regenerate.sh [path/to/interscreen]
set -eu
IS=${1:-interscreen}
OUT=clusters/models
rm -rf "$OUT/products" "$OUT/blocks" "$OUT/block-products" "$OUT/coverage-products"
"$IS" build perovskite --cell clusters/bulk/CsPbI3-alpha.cif --units 8 --surface 001 -o "$OUT/CsPbI3-alpha-8fu-001.extxyz"
"$IS" build perovskite --cell clusters/bulk/CsPbI3-delta.cif --units 8 --surface 001 -o "$OUT/CsPbI3-delta-8fu-001.extxyz"
"$IS" build glass --zn 1 -o "$OUT/zn1.extxyz"
"$IS" build glass --zn 1 --cap MeIm -o "$OUT/zn1-meim.extxyz"
"$IS" build glass --zn 4 -o "$OUT/zn4.extxyz"
"$IS" build exchange --perovskite "$OUT/CsPbI3-alpha-8fu-001.extxyz" --glass "$OUT/zn1.extxyz" --k 1 --sites 3 --ligand 1 --out-dir "$OUT/products"
"$IS" build exchange --perovskite "$OUT/CsPbI3-delta-8fu-001.extxyz" --glass "$OUT/zn1.extxyz" --k 1 --sites 4 --ligand 1 --out-dir "$OUT/products"
"$IS" build perovskite --cell clusters/bulk/CsPbI3-gamma.cif --units 8 --surface 010 -o "$OUT/CsPbI3-gamma-8fu-010.extxyz"
"$IS" build exchange --perovskite "$OUT/CsPbI3-gamma-8fu-010.extxyz" --glass "$OUT/zn1.extxyz" --k 1 --sites 5 --ligand 1 --out-dir "$OUT/products"
# Glass on nanocrystal faces (jobs/cspbi3-interface-blocks.toml): whole-cell blocks with the glass
# face's terminal I nearest the face centre first, and the exchange on the first buildable of the
# first <sites> of them (delta 2x2x1's centre site cannot take the ring: a ring C 3.20 A from a Cs;
# delta 1x2x1 also at its second site, pb5, because both configurations at its first left the
# single exchange when relaxed).
mkdir -p "$OUT/blocks"
for spec in alpha:2x2x2:+c:1 alpha:3x3x2:+c:1 gamma-pc:1x1x1:-b:1 gamma-pc:2x1x1:-b:1 delta:1x2x1:+c:2 delta:2x2x1:+c:2; do
  cell=${spec%%:*}; rest=${spec#*:}; repeats=${rest%%:*}; rest=${rest#*:}; face=${rest%%:*}; sites=${rest#*:}
  name="CsPbI3-$cell-nc-$repeats-on$face"
  "$IS" build nanocrystal "clusters/bulk/CsPbI3-$cell.extxyz" --repeats "$repeats" --glass-face "$face" -o "$OUT/blocks/$name.extxyz"
  "$IS" build exchange --perovskite "$OUT/blocks/$name.extxyz" --glass "$OUT/zn1.extxyz" --k 1 --sites "$sites" --ligand 1 --out-dir "$OUT/block-products"
done
# On each 8-unit block's centre site: the same exchange with the N-methyl-capped Zn(Im)2(MeIm)2
# (no N-H for a proton to leave), and plain adsorption of the relaxed zn1 (whole, no bond made).
# The capped exchange also at 90 and 270 degrees (o1of4, o3of4; o0of4 and o2of4 are o0 and o1 again).
# Scratch folders at fixed paths, so the command recorded in each file's header is the same every run.
four="$OUT/.orientations-4"; mkdir -p "$four"
for name in CsPbI3-alpha-nc-2x2x2-on+c CsPbI3-gamma-pc-nc-1x1x1-on-b CsPbI3-delta-nc-1x2x1-on+c; do
  "$IS" build exchange --perovskite "$OUT/blocks/$name.extxyz" --glass "$OUT/zn1-meim.extxyz" --k 1 --sites 1 --ligand 1 --out-dir "$OUT/block-products"
  "$IS" build exchange --perovskite "$OUT/blocks/$name.extxyz" --glass "$OUT/zn1-meim.extxyz" --k 1 --sites 1 --ligand 1 --orientations 4 --out-dir "$four"
  mv "$four/${name}_zn1-meim_k1_"*_o1of4.extxyz "$four/${name}_zn1-meim_k1_"*_o3of4.extxyz "$OUT/block-products/"
  "$IS" build adsorption --perovskite "$OUT/blocks/$name.extxyz" --glass "$OUT/optimized/zn1.extxyz" --sites 1 --ligand 1 --out-dir "$OUT/block-products"
done
rm -r "$four"
# The capped exchange at every other distinct glass-facing site of the 8-unit faces too (alpha
# pb17, pb37; gamma pb15, pb12, pb11; delta pb5: its face has only two), at the same four
# orientations: a face value from one site was a sample of one. alpha's pb27 is left out: its I's
# surroundings repeat pb17's. Also the 16-unit delta 2x2x1's first buildable site (pb5; its centre
# site pb25 cannot take the ring), whose face is twice the 8-unit one's. Each spec is
# block:site:the --sites that reaches it.
for spec in CsPbI3-alpha-nc-2x2x2-on+c:pb17:2 CsPbI3-gamma-pc-nc-1x1x1-on-b:pb15:2 CsPbI3-delta-nc-1x2x1-on+c:pb5:2 \
            CsPbI3-alpha-nc-2x2x2-on+c:pb37:4 CsPbI3-gamma-pc-nc-1x1x1-on-b:pb12:4 CsPbI3-gamma-pc-nc-1x1x1-on-b:pb11:4 \
            CsPbI3-delta-nc-2x2x1-on+c:pb5:2; do
  name=${spec%%:*}; rest=${spec#*:}; site=${rest%%:*}; sites=${rest#*:}
  two="$OUT/.sites-$sites"; mkdir -p "$two" "$four"
  "$IS" build exchange --perovskite "$OUT/blocks/$name.extxyz" --glass "$OUT/zn1-meim.extxyz" --k 1 --sites "$sites" --ligand 1 --out-dir "$two"
  "$IS" build exchange --perovskite "$OUT/blocks/$name.extxyz" --glass "$OUT/zn1-meim.extxyz" --k 1 --sites "$sites" --ligand 1 --orientations 4 --out-dir "$four"
  mv "$two/${name}_zn1-meim_k1_${site}_im1_o0.extxyz" "$two/${name}_zn1-meim_k1_${site}_im1_o1.extxyz" "$OUT/block-products/"
  mv "$four/${name}_zn1-meim_k1_${site}_im1_o1of4.extxyz" "$four/${name}_zn1-meim_k1_${site}_im1_o3of4.extxyz" "$OUT/block-products/"
  rm -r "$two" "$four"
done
# Two glass units on one 8-unit face (coverage): a second capped exchange on the relaxed best
# single-exchange product of each face, at another site, in the orientations the clearance check
# lets through (four tried; those kept are the site's best alone, or the widest gap to the first
# unit). --glass-facing names the site's I in the product: the first exchange took one I out of
# the block, so block I after it sit one index earlier (alpha I10 = pb7; gamma I23 = pb12, I33 =
# pb16; delta I18 = pb5). Each spec is first-product:I:orientations kept.
mkdir -p "$OUT/coverage-products" "$four"
for spec in CsPbI3-alpha-nc-2x2x2-on+c_zn1-meim_k1_pb17_im1_o1of4:10:o0of4 \
            CsPbI3-gamma-pc-nc-1x1x1-on-b_zn1-meim_k1_pb15_im1_o1of4:23:o2of4 \
            CsPbI3-gamma-pc-nc-1x1x1-on-b_zn1-meim_k1_pb15_im1_o1of4:33:o2of4 \
            CsPbI3-delta-nc-1x2x1-on+c_zn1-meim_k1_pb25_im1_o1of4:18:o0of4,o2of4; do
  first=${spec%%:*}; rest=${spec#*:}; site=${rest%%:*}; kept=${rest#*:}
  "$IS" build exchange --perovskite "$OUT/optimized-blocks/$first.extxyz" --glass-facing "$site" --glass "$OUT/zn1-meim.extxyz" --k 1 --ligand 1 --orientations 4 --out-dir "$four"
  for o in $(echo "$kept" | tr , ' '); do mv "$four/${first}_zn1-meim_k1_"*"_im1_$o.extxyz" "$OUT/coverage-products/"; done
  rm -f "$four"/*
done
rm -r "$four"
