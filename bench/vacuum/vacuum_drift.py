"""Where does the vacuum dependence of tblite slab energies come from? (docs/surfaces.md)

NaCl (001) slab, 4 planes, 2x2 in-plane (32 atoms), a = 5.64 A, vacuum scanned; GFN2 and GFN1.
Control: an Na4Cl4 cube (a molecule) in a periodic box of growing size, and the same cube with
no lattice (molecular tblite). An isolated neutral object's energy must not depend on the empty
space around it; if the molecule-in-a-box drifts too, the cause is tblite's periodic treatment of
empty space, not anything slab-specific. Run: .venv/bin/python bench/vacuum/vacuum_drift.py
"""
import os
import sys

import numpy as np
from tblite.interface import Calculator

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pbc"))
from structures import A_NACL as A, cube, slab  # noqa: E402  (the shared NaCl structures)

ANG = 1 / 0.529177210903


def energy(method, nums, pos, cell=None):
    kw = {} if cell is None else dict(lattice=cell * ANG, periodic=np.array([True, True, True]))
    calc = Calculator(method, nums, pos * ANG, **kw)
    calc.set("verbosity", 0)
    return calc.singlepoint().get("energy")


for method in ("GFN2-xTB", "GFN1-xTB"):
    nums, pos = cube()
    free = energy(method, nums, pos)
    print(f"{method} Na4Cl4 molecular: {free:.8f} Eh")
    for box in (12, 20, 30, 45):
        e = energy(method, nums, pos + box / 2, np.eye(3) * box)
        print(f"{method} Na4Cl4 in a {box} A box: {e:.8f} Eh, minus molecular {2625.4996 * (e - free):+.3f} kJ/mol")
    prev = None
    for vac in (10, 20, 35, 50):
        n, p, c = slab(vac)
        e = energy(method, n, p, c)
        area = c[0, 0] * c[1, 1] * 1e-20
        note = "" if prev is None else f", change {(e - prev) * 4.3597447222071e-18 / (2 * area):+.3f} J/m^2 (as gamma)"
        print(f"{method} slab 2x2x4 vacuum {vac} A: {e:.8f} Eh{note}")
        prev = e

# Control 2: a neutral molecule with small partial charges (CH4) in the same boxes.
ch4 = (np.array([6, 1, 1, 1, 1]),
       np.array([[0, 0, 0], [0.629, 0.629, 0.629], [-0.629, -0.629, 0.629], [-0.629, 0.629, -0.629], [0.629, -0.629, -0.629]]))
for method in ("GFN2-xTB", "GFN1-xTB"):
    free = energy(method, *ch4)
    for box in (12, 20, 45):
        e = energy(method, ch4[0], ch4[1] + box / 2, np.eye(3) * box)
        print(f"{method} CH4 in a {box} A box minus molecular {2625.4996 * (e - free):+.4f} kJ/mol")
