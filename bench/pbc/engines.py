"""Energies from tblite 0.8.0 (Python API) and from the `xtb` binary (the oracle), same input.

Structures are (numbers, positions in Angstrom, cell in Angstrom as rows or None).
The xtb binary reads a VASP POSCAR for a periodic cell and an XYZ file for a molecule;
each call runs in its own temporary folder with --norestart, so nothing carries over.
"""
import os
import re
import resource
import subprocess
import tempfile
import time

import numpy as np
from tblite.interface import Calculator

BOHR_PER_ANG = 1 / 0.529177210903
KJ_PER_EH = 2625.4996394799
J_PER_EH = 4.3597447222071e-18
SYMBOL = {1: "H", 6: "C", 11: "Na", 17: "Cl", 53: "I", 55: "Cs", 82: "Pb", 50: "Sn", 35: "Br"}
METHOD = {1: "GFN1-xTB", 2: "GFN2-xTB"}


def tblite_energy(gfn, numbers, positions, cell=None, etemp=300.0):
    """Total energy (Eh) and wall seconds from tblite's Python API."""
    kw = {}
    if cell is not None:
        kw = dict(lattice=np.asarray(cell) * BOHR_PER_ANG, periodic=np.array([True, True, True]))
    start = time.time()
    calc = Calculator(METHOD[gfn], np.asarray(numbers), np.asarray(positions) * BOHR_PER_ANG, **kw)
    calc.set("verbosity", 0)
    calc.set("temperature", etemp * 3.166808578545117e-06)
    energy = calc.singlepoint().get("energy")
    return float(energy), time.time() - start


def _poscar(numbers, positions, cell):
    order = []
    for z in numbers:
        if z not in order:
            order.append(z)
    lines = ["interscreen bench", "1.0"]
    lines += [" ".join(f"{x:.10f}" for x in row) for row in np.asarray(cell)]
    lines.append(" ".join(SYMBOL[z] for z in order))
    lines.append(" ".join(str(sum(1 for n in numbers if n == z)) for z in order))
    lines.append("Cartesian")
    for z in order:
        for n, p in zip(numbers, positions):
            if n == z:
                lines.append(" ".join(f"{x:.10f}" for x in p))
    return "\n".join(lines) + "\n"


def _xyz(numbers, positions):
    lines = [str(len(numbers)), "interscreen bench"]
    lines += [f"{SYMBOL[n]} " + " ".join(f"{x:.10f}" for x in p) for n, p in zip(numbers, positions)]
    return "\n".join(lines) + "\n"


def _big_stack():
    # xtb segfaults after the SCC on 384-atom molecules with the default 8 MB stack.
    resource.setrlimit(resource.RLIMIT_STACK, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))


def xtb_energy(gfn, numbers, positions, cell=None, etemp=300.0, timeout=3600):
    """Total energy (Eh) and wall seconds from the xtb binary; raises RuntimeError on failure."""
    with tempfile.TemporaryDirectory(prefix="xtb-bench-") as tmp:
        name = "POSCAR" if cell is not None else "mol.xyz"
        text = _poscar(numbers, positions, cell) if cell is not None else _xyz(numbers, positions)
        with open(os.path.join(tmp, name), "w") as f:
            f.write(text)
        env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", OMP_STACKSIZE="512M")
        start = time.time()
        run = subprocess.run(["xtb", name, "--gfn", str(gfn), "--sp", "--norestart",
                              "--etemp", str(etemp)], cwd=tmp, env=env, capture_output=True,
                             text=True, timeout=timeout, preexec_fn=_big_stack)
        seconds = time.time() - start
        found = re.findall(r"TOTAL ENERGY\s+(-?\d+\.\d+) Eh", run.stdout)
        if run.returncode != 0 or not found:
            errors = [l.strip() for l in run.stdout.splitlines() if re.match(r"\s*-\d-", l)]
            tail = errors or (run.stdout + run.stderr).strip().splitlines()[-6:]
            raise RuntimeError(f"xtb failed (rc {run.returncode}): " + " | ".join(tail))
        if "SCC not converged" in run.stdout or "convergence criteria cannot be satisfied" in run.stdout:
            raise RuntimeError("xtb: SCC not converged")
        return float(found[-1]), seconds


def energy(program, gfn, numbers, positions, cell=None, etemp=300.0):
    """Dispatch on program name: 'tblite' or 'xtb'."""
    fn = tblite_energy if program == "tblite" else xtb_energy
    return fn(gfn, numbers, positions, cell, etemp)
