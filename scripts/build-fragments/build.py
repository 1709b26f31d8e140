#!/usr/bin/env python3
"""Build, optimise and check the small molecular fragments in clusters/fragments/.

Usage:
    python3 scripts/build-fragments/build.py --out clusters/fragments
    python3 scripts/build-fragments/build.py --out /tmp/frag --only PbI2,water --keep

What it does, per fragment:
  1. builds a starting geometry from simple rules (this file; python3 + numpy only);
  2. optimises it with the xtb binary, GFN2:
         xtb start.xyz --gfn 2 --opt normal --chrg C --uhf 0 --norestart --cycles N
     in a fresh temporary directory, with OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1;
     a run that does not report "GEOMETRY OPTIMIZATION CONVERGED" is an error;
  3. computes the GFN2 Hessian (xtb --hess; not for diatomics, where xtb 6.5.1 aborts) and,
     while a mode below -5 cm-1 remains, re-optimises from the displaced geometry xtb writes
     (xtbhess.xyz), at most 3 times; a mode below -10 cm-1 at the end is an error;
  4. writes the optimised coordinates (10 decimals) to <name>.extxyz with an ASE-style
     extxyz comment line (charge=, multiplicity=, source=) replacing xtb's comment;
  5. runs a GFN2 single point on exactly the coordinates written
         xtb f.xyz --gfn 2 --chrg C --uhf 0 --norestart --sp
     and records the total energy and the HOMO-LUMO gap;
  6. checks the result is sane: every atom has a neighbour closer than 4 Å, the bond graph
     is connected (no dissociation), the X-H bonds are the ones we built (no proton moved),
     Zn keeps exactly 4 N neighbours within 2.4 Å, the gap exceeds 0.5 eV, and the single
     point reproduces the optimiser's final energy;
  7. writes README.md in --out with a table of all fragments.
Any failed check stops the script with a non-zero exit code (after printing what failed).

Starting-geometry conventions (all lengths in Å):
  - Pb-I 3.0 (PbI2, PbI3-), 2.9/3.1 (PbI4 seesaw), 3.2 (PbI6 octahedron); Cs-I ~3.3 (diatomic) or
    ~3.8-3.9 (bridging/capping); Zn-N 2.0, tetrahedral Zn.
  - Imidazole ring: planar, approximately the gas-phase (microwave) geometry,
        N1-C2 1.349, C2-N3 1.314, N3-C4 1.377, C4-C5 1.360, C5-N1 1.372;
        interior angles C5-N1-C2 107.2, N1-C2-N3 111.9, C2-N3-C4 104.9, N3-C4-C5 110.7,
        C4-C5-N1 105.3 (sum 540);
    H along the external bisector of each ring atom, C-H 1.08, N-H 1.01. These are only
    starting values; GFN2 relaxes them.
"""

import argparse
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile

import numpy as np

XTB = "xtb"
XTB_VERSION_LABEL = "xtb 6.5.1"
SOURCE = ("built by scripts/build-fragments/build.py, "
          "optimised with xtb 6.5.1 GFN2 --opt normal")

Z = {"H": 1, "C": 6, "N": 7, "O": 8, "Zn": 30, "I": 53, "Cs": 55, "Pb": 82}
# Covalent radii (Å, Cordero et al. 2008) for the bond graph.
RCOV = {"H": 0.31, "C": 0.76, "N": 0.71, "O": 0.66, "Zn": 1.22, "I": 1.39,
        "Cs": 2.44, "Pb": 1.46}
HARTREE_KJMOL = 2625.499639


# --------------------------------------------------------------------------------------------
# geometry helpers

def unit(v):
    v = np.asarray(v, dtype=float)
    return v / np.linalg.norm(v)


def rot2(a):
    """2D rotation matrix, angle a in radians."""
    c, s = math.cos(a), math.sin(a)
    return np.array([[c, -s], [s, c]])


def imidazole_ring():
    """Planar imidazole ring in the xy plane, order N1, C2, N3, C4, C5.

    Built by walking around the ring with the bond lengths and interior angles in the module
    docstring; the small closure error (<0.02 Å) is spread evenly over the five atoms.
    """
    names = ["N1", "C2", "N3", "C4", "C5"]
    bonds = [1.349, 1.314, 1.377, 1.360, 1.372]          # N1-C2, C2-N3, N3-C4, C4-C5, C5-N1
    angles = [107.2, 111.9, 104.9, 110.7, 105.3]         # at N1, C2, N3, C4, C5
    pos = [np.zeros(2)]
    direction = np.array([1.0, 0.0])
    for i in range(4):
        pos.append(pos[-1] + bonds[i] * direction)
        # turn by the exterior angle at the atom just reached (atom i+1)
        direction = rot2(math.radians(180.0 - angles[i + 1])) @ direction
    closure = pos[4] + bonds[4] * direction - pos[0]
    if np.linalg.norm(closure) > 0.05:
        raise RuntimeError(f"imidazole ring does not close: {closure}")
    pos = [p - closure * (k / 5.0) for k, p in enumerate(pos)]
    xy = np.array(pos)
    xyz = np.hstack([xy, np.zeros((5, 1))])
    return names, xyz


def ring_exterior_bisector(ring, i):
    """Unit vector pointing out of the ring at ring atom i (away from both neighbours)."""
    a = ring[i]
    b = ring[(i - 1) % 5]
    c = ring[(i + 1) % 5]
    return unit(unit(a - b) + unit(a - c))


def imidazole(kind):
    """Imidazole-type molecule in a local frame.

    kind: "HIm" (neutral, H on N1), "Im" (imidazolate anion, no N-H), "HIm2" (imidazolium,
    H on N1 and N3). Returns (symbols, xyz, bonding_N_index, xh_bonds) with the ring in the
    xy plane, N3 at the origin and N3's exterior bisector along -x (so a metal bound to N3
    sits on the -x axis and the ring extends along +x).
    """
    names, ring = imidazole_ring()
    symbols = [n[0] for n in names]
    # put N3 (index 2) at the origin, its exterior bisector along -x
    ring = ring - ring[2]
    b = ring_exterior_bisector(ring, 2)
    ang = math.atan2(b[1], b[0])
    r = rot2(math.pi - ang)
    ring = np.array([np.append(r @ p[:2], 0.0) for p in ring])
    atoms = list(zip(symbols, ring))
    h_on = {"HIm": [0, 1, 3, 4], "Im": [1, 3, 4], "HIm2": [0, 1, 2, 3, 4]}[kind]
    xh = []
    for i in h_on:
        d = 1.01 if symbols[i] == "N" else 1.08
        atoms.append(("H", ring[i] + d * ring_exterior_bisector(ring, i)))
        xh.append((i, len(atoms) - 1))
    syms = [a[0] for a in atoms]
    xyz = np.array([a[1] for a in atoms])
    return syms, xyz, 2, xh


TETRA = [unit(v) for v in ([1, 1, 1], [1, -1, -1], [-1, 1, -1], [-1, -1, 1])]


def frame(d, phi):
    """Orthonormal frame (d, u, w) with u rotated by phi about d."""
    ref = np.array([0.0, 0.0, 1.0]) if abs(d[2]) < 0.9 else np.array([1.0, 0.0, 0.0])
    u0 = unit(np.cross(d, ref))
    w0 = np.cross(d, u0)
    u = math.cos(phi) * u0 + math.sin(phi) * w0
    w = np.cross(d, u)
    return d, u, w


def place_ligand(local, centre, d, phi, r_mn):
    """Map a ligand from its local frame (bonding atom at origin, ring along +x) onto a bond
    along direction d from centre, bonding atom at distance r_mn, rotated by phi about d."""
    dd, u, w = frame(d, phi)
    return np.array([centre + (r_mn + p[0]) * dd + p[1] * u + p[2] * w for p in local])


# --------------------------------------------------------------------------------------------
# fragment builders: each returns (symbols, xyz, charge, description, extra)
# extra: dict with "xh" (list of expected X-H bonds as index pairs) and "zn4" (check Zn CN 4)

def build_water():
    a = math.radians(104.5)
    xyz = np.array([[0, 0, 0], [0.96, 0, 0], [0.96 * math.cos(a), 0.96 * math.sin(a), 0]])
    return ["O", "H", "H"], xyz, 0, "water, a tiny sanity structure", {"xh": [(0, 1), (0, 2)]}


def build_csi():
    return (["Cs", "I"], np.array([[0, 0, 0], [3.3, 0, 0.0]]), 0,
            "CsI diatomic (gas-phase ion pair)", {})


def build_pbi2():
    a = math.radians(100.0)
    xyz = np.array([[0, 0, 0], [3.0, 0, 0], [3.0 * math.cos(a), 3.0 * math.sin(a), 0]])
    return ["Pb", "I", "I"], xyz, 0, "PbI2 molecule, bent (Pb lone pair)", {}


def build_pbi3():
    # trigonal pyramid: I-Pb-I 95 deg, Pb-I 3.0
    t = math.radians(95.0)
    # angle theta between the C3 axis and each Pb-I bond: cos t = (3 cos^2 th - 1)/2
    cth = math.sqrt((2 * math.cos(t) + 1) / 3)
    sth = math.sqrt(1 - cth * cth)
    xyz = [[0, 0, 0]]
    for k in range(3):
        p = 2 * math.pi * k / 3
        xyz.append([3.0 * sth * math.cos(p), 3.0 * sth * math.sin(p), -3.0 * cth])
    return (["Pb", "I", "I", "I"], np.array(xyz), -1,
            "PbI3- anion, trigonal pyramidal (Pb lone pair)", {})


def build_cs2pbi4():
    # PbI4(2-) as a seesaw (Pb(II) lone pair along +z): two axial I at 3.1 (I-Pb-I 160 deg)
    # and two equatorial I at 2.9 (I-Pb-I 95 deg); each Cs bridges one axial and one
    # equatorial I, Cs-I 3.6, placed beyond the midpoint of the I...I edge (C2 start).
    # (A D2d start - tetrahedral PbI4, Cs over opposite edges - keeps its symmetry under
    # --opt normal and ends on a saddle point 12 kJ/mol higher, with two imaginary modes.)
    ax, eq = math.radians(80.0), math.radians(47.5)
    i_ax = [np.array([s * 3.1 * math.sin(ax), 0.0, -3.1 * math.cos(ax)]) for s in (1, -1)]
    i_eq = [np.array([0.0, s * 2.9 * math.sin(eq), -2.9 * math.cos(eq)]) for s in (1, -1)]
    xyz = [np.zeros(3), i_ax[0], i_eq[0], i_eq[1], i_ax[1]]
    for a, b in ((i_ax[0], i_eq[0]), (i_ax[1], i_eq[1])):
        mid = 0.5 * (a + b)
        half = 0.5 * np.linalg.norm(a - b)
        xyz.append(mid + math.sqrt(3.6 ** 2 - half ** 2) * unit(mid))
    return (["Pb", "I", "I", "I", "I", "Cs", "Cs"], np.array(xyz), 0,
            "PbI4(2-) seesaw with two Cs+ each bridging an axial and an equatorial iodide; "
            "a minimal CsPbI3-like unit", {})


def build_cs4pbi6():
    # PbI6 octahedron (Pb-I 3.2), Cs over four alternating faces (tetrahedral), Cs-I 3.9:
    # the isolated unit of the 0D perovskite-related phase Cs4PbI6.
    a = 3.2
    xyz = [np.zeros(3)]
    for axis in range(3):
        for s in (1, -1):
            v = np.zeros(3)
            v[axis] = s * a
            xyz.append(v)
    # Cs at t * (face normal); |Cs - (a,0,0)| = 3.9 -> t^2 - 2 t a / sqrt(3) + a^2 = 3.9^2
    b = 2 * a / math.sqrt(3)
    t = (b + math.sqrt(b * b - 4 * (a * a - 3.9 ** 2))) / 2
    for d in TETRA:
        xyz.append(t * d)
    return (["Pb"] + ["I"] * 6 + ["Cs"] * 4, np.array(xyz), 0,
            "Cs4PbI6: PbI6 octahedron capped by 4 Cs+ over alternate faces (0D perovskite unit)",
            {})


def build_imidazole(kind):
    syms, xyz, _, xh = imidazole(kind)
    xyz = xyz - xyz[:5].mean(axis=0)
    if kind == "HIm":
        return (syms, xyz, 0, "imidazole HIm, C3H4N2 (neutral, N1-H)", {"xh": xh})
    return (syms, xyz, 1, "imidazolium H2Im+, C3H5N2+ (HIm protonated at N3)", {"xh": xh})


def build_zn_im2_him2():
    """Zn(Im)2(HIm)2: Zn at the origin, four ligands along tetrahedral directions, each bound
    through N3 (for HIm the non-protonated N; N1-H points away from Zn) at Zn-N 2.0.
    The rotation of each ring about its Zn-N axis is chosen on a 30-degree grid to maximise
    the smallest distance between atoms of different ligands (deterministic)."""
    kinds = ["Im", "Im", "HIm", "HIm"]
    ligs = [imidazole(k) for k in kinds]
    steps = [math.radians(30.0 * k) for k in range(12)]
    placed = [[place_ligand(ligs[i][1], np.zeros(3), TETRA[i], p, 2.0) for p in steps]
              for i in range(4)]
    # pair tables of minimum inter-ligand distance
    table = {}
    for i in range(4):
        for j in range(i + 1, 4):
            m = np.zeros((12, 12))
            for a in range(12):
                for b in range(12):
                    diff = placed[i][a][:, None, :] - placed[j][b][None, :, :]
                    m[a, b] = np.sqrt((diff ** 2).sum(-1)).min()
            table[(i, j)] = m
    best, best_val = None, -1.0
    for a0 in range(12):
        for a1 in range(12):
            for a2 in range(12):
                for a3 in range(12):
                    idx = (a0, a1, a2, a3)
                    v = min(table[(i, j)][idx[i], idx[j]]
                            for i in range(4) for j in range(i + 1, 4))
                    if v > best_val + 1e-9:
                        best, best_val = idx, v
    syms = ["Zn"]
    xyz = [np.zeros(3)]
    xh = []
    for i in range(4):
        off = len(syms)
        syms += ligs[i][0]
        xyz += list(placed[i][best[i]])
        xh += [(off + a, off + b) for a, b in ligs[i][3]]
    return (syms, np.array(xyz), 0,
            "Zn(Im)2(HIm)2: tetrahedral Zn, two imidazolates and two imidazoles N-bound "
            "(a minimal ZIF node)", {"xh": xh, "zn4": True})


FRAGMENTS = [
    # name, builder, optimisation cycle cap
    ("water", build_water, 200),
    ("CsI", build_csi, 200),
    ("PbI2", build_pbi2, 200),
    ("PbI3-anion", build_pbi3, 200),
    ("HIm", lambda: build_imidazole("HIm"), 300),
    ("imidazolium", lambda: build_imidazole("HIm2"), 300),
    ("Cs2PbI4", build_cs2pbi4, 500),
    ("Cs4PbI6", build_cs4pbi6, 500),
    ("Zn-Im2-HIm2", build_zn_im2_him2, 1000),
]


# --------------------------------------------------------------------------------------------
# xtb

def xtb_env():
    env = dict(os.environ)
    env["OMP_NUM_THREADS"] = "1"
    env["OPENBLAS_NUM_THREADS"] = "1"
    env.setdefault("OMP_STACKSIZE", "512M")
    return env


def write_xyz(path, syms, xyz, comment=""):
    with open(path, "w") as f:
        f.write(f"{len(syms)}\n{comment}\n")
        for s, p in zip(syms, xyz):
            f.write(f"{s:<2s} {p[0]:16.10f} {p[1]:16.10f} {p[2]:16.10f}\n")


def read_xyz(path):
    with open(path) as f:
        lines = f.read().splitlines()
    n = int(lines[0].split()[0])
    syms, xyz = [], []
    for line in lines[2:2 + n]:
        parts = line.split()
        syms.append(parts[0].capitalize())
        xyz.append([float(x) for x in parts[1:4]])
    return lines[1], syms, np.array(xyz)


def run_xtb(workdir, args, log_name):
    cmd = [XTB] + args + ["--norestart"]
    with open(os.path.join(workdir, log_name), "w") as out:
        proc = subprocess.run(cmd, cwd=workdir, env=xtb_env(), stdout=out,
                              stderr=subprocess.STDOUT)
    with open(os.path.join(workdir, log_name)) as f:
        text = f.read()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed (rc {proc.returncode}) in {workdir}")
    return text


def parse_last(pattern, text, what):
    m = re.findall(pattern, text)
    if not m:
        raise RuntimeError(f"could not find {what} in xtb output")
    return float(m[-1])


def xtb_opt(workdir, tag, name, syms, xyz, charge, cycles):
    """One xtb GFN2 optimisation in workdir/tag; returns (xyz, cycles, final energy)."""
    d = os.path.join(workdir, tag)
    os.makedirs(d)
    write_xyz(os.path.join(d, "start.xyz"), syms, xyz, f"{name} start")
    text = run_xtb(d, ["start.xyz", "--gfn", "2", "--opt", "normal", "--chrg", str(charge),
                       "--uhf", "0", "--cycles", str(cycles)], "opt.out")
    m = re.search(r"GEOMETRY OPTIMIZATION CONVERGED AFTER\s+(\d+)\s+ITERATIONS", text)
    if not m:
        raise RuntimeError(f"{name}: optimisation did not converge in {cycles} cycles "
                           f"(see {d})")
    _, osyms, oxyz = read_xyz(os.path.join(d, "xtbopt.xyz"))
    if osyms != syms:
        raise RuntimeError(f"{name}: atom order changed in xtbopt.xyz")
    e_opt = parse_last(r"TOTAL ENERGY\s+(-?\d+\.\d+)\s+Eh", text, "total energy")
    return oxyz, int(m.group(1)), e_opt


def xtb_hess(workdir, tag, name, syms, xyz, charge):
    """GFN2 numerical Hessian; returns (lowest wave number in cm-1, displaced xyz or None).

    xtb writes xtbhess.xyz, a geometry displaced along the imaginary mode(s), when it finds
    negative eigenvalues. Not run for diatomics: xtb 6.5.1 --hess aborts ("stack smashing
    detected") on a two-atom molecule."""
    d = os.path.join(workdir, tag)
    os.makedirs(d)
    write_xyz(os.path.join(d, "f.xyz"), syms, xyz, name)
    run_xtb(d, ["f.xyz", "--gfn", "2", "--chrg", str(charge), "--uhf", "0", "--hess"],
            "hess.out")
    freqs = []
    with open(os.path.join(d, "vibspectrum")) as f:
        for line in f:
            parts = line.split()
            if parts and parts[0].isdigit():
                # "mode [symmetry] wavenumber intensity sel sel"
                freqs.append(float(parts[-4]))
    n = len(syms)
    nzero = 5 if n == 2 else 6
    if len(freqs) != 3 * n:
        raise RuntimeError(f"{name}: expected {3 * n} modes in vibspectrum, got {len(freqs)}")
    freqs = sorted(freqs)
    # drop the translations/rotations: the nzero values closest to zero
    rest = sorted(freqs, key=abs)[nzero:]
    displaced = None
    p = os.path.join(d, "xtbhess.xyz")
    if os.path.exists(p):
        displaced = read_xyz(p)[2]
    return min(rest), displaced


FOLLOW_BELOW = -5.0     # cm-1: re-optimise from xtb's displaced geometry below this
FAIL_BELOW = -10.0      # cm-1: a remaining mode below this is an error
MAX_FOLLOW = 3


def optimise(name, syms, xyz, charge, cycles, keep):
    workdir = tempfile.mkdtemp(prefix=f"interscreen-frag-{name}-")
    try:
        oxyz, n_cycles, e_opt = xtb_opt(workdir, "opt0", name, syms, xyz, charge, cycles)
        lowest, follows = None, 0
        if len(syms) > 2:
            while True:
                lowest, displaced = xtb_hess(workdir, f"hess{follows}", name, syms, oxyz,
                                             charge)
                if lowest >= FOLLOW_BELOW or follows == MAX_FOLLOW:
                    break
                if displaced is None:
                    raise RuntimeError(f"{name}: imaginary mode {lowest:.1f} cm-1 but no "
                                       f"xtbhess.xyz to follow (see {workdir})")
                follows += 1
                print(f"  lowest mode {lowest:.1f} cm-1 at E = {e_opt:.9f}: re-optimising "
                      f"along it", flush=True)
                oxyz, more, e_opt = xtb_opt(workdir, f"opt{follows}", name, syms, displaced,
                                            charge, cycles)
                n_cycles += more
        # round to what we store, then single point on exactly those coordinates
        oxyz = np.round(oxyz, 10)
        write_xyz(os.path.join(workdir, "f.xyz"), syms, oxyz, name)
        sp = run_xtb(workdir, ["f.xyz", "--gfn", "2", "--chrg", str(charge), "--uhf", "0",
                               "--sp"], "sp.out")
        e_sp = parse_last(r"TOTAL ENERGY\s+(-?\d+\.\d+)\s+Eh", sp, "total energy")
        gap = parse_last(r"HOMO-LUMO GAP\s+(-?\d+\.\d+)\s+eV", sp, "HOMO-LUMO gap")
        return oxyz, {"cycles": n_cycles, "e_opt": e_opt, "e_sp": e_sp, "gap": gap,
                      "lowest": lowest, "follows": follows}
    finally:
        if keep:
            print(f"  kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


# --------------------------------------------------------------------------------------------
# checks

def distances(xyz):
    diff = xyz[:, None, :] - xyz[None, :, :]
    return np.sqrt((diff ** 2).sum(-1))


def bond_graph(syms, xyz, scale=1.25):
    d = distances(xyz)
    n = len(syms)
    bonded = np.zeros((n, n), dtype=bool)
    for i in range(n):
        for j in range(i + 1, n):
            if d[i, j] < scale * (RCOV[syms[i]] + RCOV[syms[j]]):
                bonded[i, j] = bonded[j, i] = True
    return bonded


def connected(bonded):
    n = len(bonded)
    seen, stack = {0}, [0]
    while stack:
        i = stack.pop()
        for j in np.nonzero(bonded[i])[0]:
            if j not in seen:
                seen.add(int(j))
                stack.append(int(j))
    return len(seen) == n


def check(name, syms, xyz, charge, extra, res):
    problems = []
    n = len(syms)
    nel = sum(Z[s] for s in syms) - charge
    if nel % 2:
        problems.append(f"odd electron count {nel} with multiplicity 1")
    d = distances(xyz) + np.eye(n) * 1e9
    if n > 1 and d.min(axis=1).max() >= 4.0:
        problems.append(f"an atom has no neighbour within 4 Å (max NN {d.min(axis=1).max():.2f})")
    if d.min() < 0.5:
        problems.append(f"atoms closer than 0.5 Å ({d.min():.3f})")
    bonded = bond_graph(syms, xyz)
    if not connected(bonded):
        problems.append("bond graph not connected (dissociated)")
    # every H must be bonded (within 1.25 * rcov sum) to exactly the heavy atom we built it on
    expected = {(min(a, b), max(a, b)) for a, b in extra.get("xh", [])}
    found = set()
    for i in range(n):
        if syms[i] != "H":
            continue
        partners = [j for j in range(n) if j != i and syms[j] != "H" and d[i, j] < 1.35]
        for j in partners:
            found.add((min(i, j), max(i, j)))
    if found != expected:
        problems.append(f"X-H bonds changed: missing {sorted(expected - found)}, "
                        f"new {sorted(found - expected)}")
    info = {}
    if extra.get("zn4"):
        for i in range(n):
            if syms[i] == "Zn":
                nn = [j for j in range(n) if syms[j] == "N" and d[i, j] < 2.4]
                info["Zn-N"] = sorted(round(float(d[i, j]), 3) for j in nn)
                if len(nn) != 4:
                    problems.append(f"Zn has {len(nn)} N neighbours within 2.4 Å, want 4")
    if res["gap"] <= 0.5:
        problems.append(f"HOMO-LUMO gap {res['gap']:.3f} eV <= 0.5 eV")
    if res.get("lowest") is not None and res["lowest"] < FAIL_BELOW:
        problems.append(f"not a minimum: lowest mode {res['lowest']:.1f} cm-1")
    if abs(res["e_sp"] - res["e_opt"]) > 1e-6:
        problems.append(f"single point {res['e_sp']:.9f} differs from optimiser "
                        f"{res['e_opt']:.9f}")
    return problems, info


# --------------------------------------------------------------------------------------------
# output

def formula(syms):
    """Hill order (C, H, then alphabetical) for organics; Cs, Pb, I order otherwise."""
    counts = {s: syms.count(s) for s in set(syms)}
    if "C" in counts:
        keys = ["C"] + (["H"] if "H" in counts else []) + \
            sorted(k for k in counts if k not in ("C", "H"))
    else:
        order = ["Cs", "Zn", "Pb", "H", "O", "I"]
        keys = sorted(counts, key=lambda s: order.index(s) if s in order else 99)
    return "".join(f"{s}{counts[s] if counts[s] > 1 else ''}" for s in keys)


def write_extxyz(path, syms, xyz, charge, mult):
    comment = (f'Properties=species:S:1:pos:R:3 charge={charge} multiplicity={mult} '
               f'source="{SOURCE}"')
    write_xyz(path, syms, xyz, comment)


def write_readme(out, rows):
    lines = [
        "# Molecular fragments",
        "",
        "Small, closed-shell molecular fragments for reaction energies and tests. Every file is",
        "extended XYZ (Å) with `charge=`, `multiplicity=` and `source=` in the comment line.",
        "",
        "How they were made (all of them): a starting geometry from simple rules in",
        "`scripts/build-fragments/build.py` (Pb–I 2.9–3.2 Å, Cs–I 3.3–3.9 Å, Zn–N 2.0 Å,",
        "tetrahedral Zn, imidazole ring from its gas-phase geometry), then a GFN2 optimisation",
        "with the xtb 6.5.1 binary (`xtb start.xyz --gfn 2 --opt normal --chrg C --uhf 0",
        "--norestart --cycles N`, OMP_NUM_THREADS=1), then a GFN2 Hessian (`--hess`, not for",
        "the diatomic CsI): while a mode below −5 cm⁻¹ remains, the optimisation is restarted",
        "from the displaced geometry xtb writes (`xtbhess.xyz`). Coordinates are kept to 10",
        "decimals. Energies and gaps are from a GFN2 single point (`xtb f.xyz --gfn 2 --chrg C",
        "--uhf 0 --norestart --sp`) on exactly the stored coordinates. Regenerate everything",
        "(calls xtb, under a minute on one core) with",
        "",
        "    python3 scripts/build-fragments/build.py --out clusters/fragments",
        "",
        "The script checks each result: every atom has a neighbour within 4 Å, the bond graph",
        "is connected, every H is still on the atom it was built on, Zn keeps 4 N within 2.4 Å,",
        "HOMO–LUMO gap > 0.5 eV, no mode below −10 cm⁻¹, and the single point equals the",
        "optimiser's final energy to 1e-6 Eh.",
        "",
        "| file | formula | atoms | charge | mult. | what it is | E(GFN2) / Eh | gap / eV "
        "| lowest mode / cm⁻¹ | opt. cycles |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        q = "0" if r["charge"] == 0 else f"{r['charge']:+d}".replace("-", "−")
        low = "—" if r["lowest"] is None else f"{r['lowest']:.1f}"
        lines.append(f"| `{r['file']}` | {r['formula']} | {r['natoms']} | {q} | 1 "
                     f"| {r['desc']} | {r['e']:.9f} | {r['gap']:.3f} | {low} "
                     f"| {r['cycles']} |")
    lines += [
        "",
        "Notes:",
        "",
        "- Energies are total GFN2-xTB energies of the isolated fragment (no solvation, no",
        "  periodicity); differences between them are gas-phase reaction energies, 1 Eh =",
        "  2625.4996 kJ/mol.",
        "- `Zn-Im2-HIm2.extxyz`: atom 1 is Zn, then two imidazolates (8 atoms each) and two",
        "  imidazoles (9 atoms each); within each ligand the order is N1, C2, N3, C4, C5, then",
        "  the H atoms, and N3 is the atom bound to Zn (for HIm the non-protonated N).",
    ]
    for r in rows:
        if r.get("note"):
            lines.append(f"- `{r['file']}`: {r['note']}")
    lines += [
        "",
        "Things seen while making them:",
        "",
        "- Cs2PbI4 started as a tetrahedral PbI4 with Cs over two opposite edges (D2d) stays",
        "  D2d under `--opt normal` and stops on a saddle point (two modes near −12 cm⁻¹),",
        "  12 kJ/mol above the seesaw minimum. The builder now starts from a seesaw; the",
        "  Hessian stage exists to catch this kind of symmetric trap.",
        "- Zn(Im)2(HIm)2 first converges with one soft mode at about −6 cm⁻¹;",
        "  following it lowers the energy by only 3e-5 Eh (0.08 kJ/mol). Treat energies of",
        "  floppy fragments as uncertain at the 0.1 kJ/mol level.",
        "- `xtb --hess` (6.5.1) aborts with \"stack smashing detected\" on the diatomic CsI,",
        "  so CsI has no Hessian check.",
        "- GFN2 Pb–I bonds in the small molecules (2.74 Å in PbI2, 2.85 Å in PbI3⁻) are shorter",
        "  than in the bulk (3.1–3.2 Å); the gas-phase PbI2 bond is about 2.8 Å.",
    ]
    with open(os.path.join(out, "README.md"), "w") as f:
        f.write("\n".join(lines) + "\n")


def rng(values, fmt):
    lo, hi = fmt.format(min(values)), fmt.format(max(values))
    return lo if lo == hi else f"{lo}–{hi}"


def angle(xyz, i, c, j):
    return math.degrees(math.acos(np.clip(np.dot(unit(xyz[i] - xyz[c]), unit(xyz[j] - xyz[c])),
                                          -1.0, 1.0)))


def describe_extra(name, syms, xyz, info):
    """A short geometric note for the README (bond lengths / angles after optimisation)."""
    d = distances(xyz)
    if name == "PbI2":
        a = math.degrees(math.acos(np.dot(unit(xyz[1] - xyz[0]), unit(xyz[2] - xyz[0]))))
        return f"Pb–I {d[0,1]:.3f} Å, I–Pb–I {a:.1f}°."
    if name == "PbI3-anion":
        angs = [angle(xyz, i, 0, j) for i, j in ((1, 2), (1, 3), (2, 3))]
        return f"Pb–I {rng(d[0, 1:], '{:.3f}')} Å, I–Pb–I {rng(angs, '{:.1f}')}°."
    if name == "CsI":
        return f"Cs–I {d[0,1]:.3f} Å."
    if name in ("Cs2PbI4", "Cs4PbI6"):
        pbi = sorted(d[0, i] for i in range(len(syms)) if syms[i] == "I")
        csi = [sorted(d[i, j] for j in range(len(syms)) if syms[j] == "I" and d[i, j] < 4.5)
               for i in range(len(syms)) if syms[i] == "Cs"]
        cs_txt = "; ".join(f"{len(c)} I at {rng(c, '{:.2f}')} Å" for c in csi)
        return f"Pb–I {rng(pbi, '{:.3f}')} Å; I within 4.5 Å of each Cs: {cs_txt}."
    if name == "Zn-Im2-HIm2":
        zn = syms.index("Zn")
        nn = [j for j in range(len(syms)) if syms[j] == "N" and d[zn, j] < 2.4]
        angs = [angle(xyz, a, zn, b) for k, a in enumerate(nn) for b in nn[k + 1:]]
        # atoms 3 and 11 (0-based) are the Zn-bound N3 of the two imidazolates,
        # 19 and 28 those of the two imidazoles (see build_zn_im2_him2)
        im_im = angle(xyz, 3, zn, 11)
        im = f"{d[zn, 3]:.3f}, {d[zn, 11]:.3f}"
        him = f"{d[zn, 19]:.3f}, {d[zn, 28]:.3f}"
        return (f"Zn–N {im} Å to the imidazolates, {him} Å to the imidazoles; N–Zn–N "
                f"{rng(angs, '{:.1f}')}°, a distorted tetrahedron (Im–Zn–Im {im_im:.1f}°).")
    return ""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True, help="output directory, e.g. clusters/fragments")
    ap.add_argument("--only", default="", help="comma-separated fragment names (default: all); "
                    "README.md is only written when all fragments are built")
    ap.add_argument("--keep", action="store_true", help="keep the xtb temporary directories")
    args = ap.parse_args()
    if shutil.which(XTB) is None:
        sys.exit("xtb binary not found on PATH")
    os.makedirs(args.out, exist_ok=True)
    only = [s for s in args.only.split(",") if s]
    unknown = set(only) - {f[0] for f in FRAGMENTS}
    if unknown:
        sys.exit(f"unknown fragment(s): {', '.join(sorted(unknown))}")
    rows, failed = [], False
    for name, builder, cycles in FRAGMENTS:
        if only and name not in only:
            continue
        syms, xyz, charge, desc, extra = builder()
        start_problems, _ = check(name, syms, xyz, charge, dict(extra, zn4=False),
                                  {"gap": 1.0, "e_sp": 0.0, "e_opt": 0.0})
        if start_problems:
            print(f"{name}: starting geometry fails checks: {start_problems}")
            failed = True
            continue
        print(f"{name}: {len(syms)} atoms, charge {charge:+d}, optimising (cap {cycles}) ...",
              flush=True)
        try:
            oxyz, res = optimise(name, syms, xyz, charge, cycles, args.keep)
        except RuntimeError as e:
            print(f"  ERROR {e}")
            failed = True
            continue
        problems, info = check(name, syms, oxyz, charge, extra, res)
        low = "n/a" if res["lowest"] is None else f"{res['lowest']:.1f} cm-1"
        print(f"  {res['cycles']} cycles, E = {res['e_sp']:.9f} Eh, gap {res['gap']:.3f} eV, "
              f"lowest mode {low}"
              + (f", Zn-N {info['Zn-N']}" if "Zn-N" in info else ""))
        if problems:
            print(f"  CHECK FAILED: {'; '.join(problems)}")
            failed = True
            continue
        fname = f"{name}.extxyz"
        write_extxyz(os.path.join(args.out, fname), syms, oxyz, charge, 1)
        rows.append({"file": fname, "formula": formula(syms), "natoms": len(syms),
                     "charge": charge, "desc": desc, "e": res["e_sp"], "gap": res["gap"],
                     "cycles": res["cycles"], "lowest": res["lowest"], "note": describe_extra(name, syms, oxyz, info)})
    if failed:
        sys.exit("some fragments failed; README.md not written")
    if not only:
        write_readme(args.out, rows)
        print(f"wrote {len(rows)} fragments and README.md to {args.out}")


if __name__ == "__main__":
    main()
