"""Prototype: δ-CsPbI3 blocks of whole ribbons (Pb2I6 double chains along b, with their nearest Cs)."""
import itertools, os, sys
import numpy as np
from ase.io import read
sys.path.insert(0, os.path.dirname(__file__))
from explore import xtb_energy, ROOT

def ribbon_units(cell):
    """Per ribbon centre (fractional x, z), the atoms of one b-period unwrapped around it."""
    centres = [np.array([0.0, 0.0]), np.array([0.5, 0.5])]
    frac = cell.get_scaled_positions(wrap=True)
    owned = {0: [], 1: []}
    for z, f in zip(cell.numbers, frac):
        best = None
        for c_i, c in enumerate(centres):
            d = f[[0, 2]] - c
            shift = -np.round(d)
            d = d + shift
            cart = d @ cell.cell.array[[0, 2]][:, [0, 2]]
            dist = np.linalg.norm(cart)
            if best is None or dist < best[0]:
                best = (dist, c_i, np.array([f[0] + shift[0], f[1], f[2] + shift[1]]))
        owned[best[1]].append((z, best[2]))
    return centres, owned

def block(cell, ribbons, periods, y_offset):
    """Ribbons: list of (centre index, lattice shift (i, k)); each repeated `periods` times along b."""
    centres, owned = ribbon_units(cell)
    nums, pos = [], []
    for c_i, (i, k) in ribbons:
        for j in range(periods):
            for z, f in owned[c_i]:
                fy = (f[1] - y_offset) % 1.0 + j
                nums.append(z)
                pos.append(np.array([f[0] + i, fy, f[2] + k]) @ cell.cell.array)
    return np.array(nums), np.array(pos)

def bonds(nums, pos):
    pb = pos[nums == 82]; x = pos[nums == 53]
    return (np.linalg.norm(pb[:, None] - x[None], axis=2) < 3.6).sum()

if __name__ == "__main__":
    cell = read(os.path.join(ROOT, "clusters/bulk", "CsPbI3-delta.extxyz"))
    _, owned = ribbon_units(cell)
    for c in owned: print("ribbon", c, sorted(z for z, _ in owned[c]))
    layouts = {"1r": [(0, (0, 0))], "2r": [(0, (0, 0)), (1, (0, 0))], "4r": [(0, (0, 0)), (1, (0, 0)), (0, (1, 0)), (1, (0, -1))]}
    layout, periods = sys.argv[1], int(sys.argv[2])
    best = max(((bonds(*block(cell, layouts[layout], periods, y)), y) for y in np.arange(8) / 8), key=lambda t: (t[0], -t[1]))
    nums, pos = block(cell, layouts[layout], periods, best[1])
    d = np.linalg.norm(pos[:, None] - pos[None], axis=2) + np.eye(len(pos)) * 99
    e, gap, dt = xtb_energy(nums, pos)
    units = (nums == 82).sum()
    print(f"delta-ribbons {layout} x{periods} y_off={best[1]} bonds={best[0]} atoms={len(nums)} units={units} dmin={d.min():.2f} "
          f"E={e} E/unit={e/units if e else None} gap={gap} t={dt:.1f}s", flush=True)
