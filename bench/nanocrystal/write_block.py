"""Writes one block (phase, repeats) as .xyz for a manual xtb run."""
import os, sys
from ase.data import chemical_symbols
from ase.io import read
sys.path.insert(0, os.path.dirname(__file__))
from explore import block, best_offset, ROOT
phase, reps, out = sys.argv[1], tuple(int(x) for x in sys.argv[2].split("x")), sys.argv[3]
cell = read(os.path.join(ROOT, "clusters/bulk", f"CsPbI3-{phase}.extxyz"))
nums, pos = block(cell, reps, best_offset(cell, reps))
with open(out, "w") as f:
    f.write(f"{len(nums)}\n{phase} {sys.argv[2]}\n")
    for z, p in zip(nums, pos):
        f.write(f"{chemical_symbols[z]} {p[0]:.8f} {p[1]:.8f} {p[2]:.8f}\n")
