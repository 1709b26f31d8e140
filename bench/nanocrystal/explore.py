"""Exploration: stoichiometric molecular blocks of CsPbI3 phases, GFN2 single points with the xtb binary."""
import itertools, os, subprocess, sys, tempfile, time
import numpy as np
from ase.io import read

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")

def block(cell_atoms, reps, offset):
    """Atoms whose fractional coordinates (shifted by -offset) fall in [0, reps): whole formula units."""
    frac = cell_atoms.get_scaled_positions(wrap=True)
    frac = (frac - offset) % 1.0
    nums, pos = [], []
    cell = cell_atoms.cell.array
    for i, j, k in itertools.product(*(range(r) for r in reps)):
        f = frac + np.array([i, j, k])
        nums.extend(cell_atoms.numbers)
        pos.extend(f @ cell)
    return np.array(nums), np.array(pos)

def broken_bonds(nums, pos, cutoff=3.6):
    pb = pos[nums == 82]; x = pos[nums == 53]
    d = np.linalg.norm(pb[:, None, :] - x[None, :, :], axis=2)
    return -(d < cutoff).sum()

def best_offset(cell_atoms, reps, grid=8):
    best = None
    for o in itertools.product(*(np.arange(grid) / grid for _ in range(3))):
        nums, pos = block(cell_atoms, reps, np.array(o))
        score = broken_bonds(nums, pos)
        if best is None or score < best[0]:
            best = (score, o)
    return np.array(best[1])

def xtb_energy(nums, pos, gfn=2):
    from ase.data import chemical_symbols
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "s.xyz"), "w") as f:
            f.write(f"{len(nums)}\n\n")
            for z, p in zip(nums, pos):
                f.write(f"{chemical_symbols[z]} {p[0]:.8f} {p[1]:.8f} {p[2]:.8f}\n")
        t = time.time()
        out = subprocess.run(["xtb", "s.xyz", "--gfn", str(gfn), "--sp"], cwd=d, capture_output=True, text=True)
        dt = time.time() - t
        e = gap = None
        for line in out.stdout.splitlines():
            if "TOTAL ENERGY" in line: e = float(line.split()[3])
            if "HOMO-LUMO GAP" in line: gap = float(line.split()[3])
        return e, gap, dt

if __name__ == "__main__":
    phase = sys.argv[1]; reps = tuple(int(x) for x in sys.argv[2].split("x")); gfn = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    cell = read(os.path.join(ROOT, "clusters/bulk", f"CsPbI3-{phase}.extxyz"))
    off = best_offset(cell, reps)
    nums, pos = block(cell, reps, off)
    units = (nums == 82).sum()
    e, gap, dt = xtb_energy(nums, pos, gfn)
    print(f"{phase} {sys.argv[2]} offset={off} atoms={len(nums)} units={units} E={e} E/unit={e/units if e else None} gap={gap} t={dt:.1f}s", flush=True)
