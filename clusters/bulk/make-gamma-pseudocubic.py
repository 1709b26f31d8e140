#!/usr/bin/env python3
"""Writes CsPbI3-gamma-pc.extxyz: the gamma-CsPbI3 cell of CsPbI3-gamma.extxyz re-based on its
pseudo-cubic axes, so that blocks of whole cells (nanocrystals) have pseudo-cubic {100} faces, as
the alpha blocks do, instead of the {110}-type faces the Pnma cell's a and c faces are.

Run from the repository root: python3 clusters/bulk/make-gamma-pseudocubic.py
Standard library only.  New basis (Pnma setting, b long): A = a + c, B = b, C = c - a (a and c are
each sqrt(2) pseudo-cubic edges along face diagonals, so A and C are two pseudo-cubic edges each);
the cell holds 8 formula units (40 atoms), twice the Pnma cell.  A and C are equally long, but at
90.5 degrees, not 90, since a and c differ (8.93 and 8.85 A): the cell is monoclinic, written with A
along x, B along y and C in the xz plane.  The atoms are the Pnma cell's images, unchanged; nothing
is relaxed.
"""
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "CsPbI3-gamma.extxyz")
TARGET = os.path.join(HERE, "CsPbI3-gamma-pc.extxyz")


def read(path):
    lines = open(path).read().splitlines()
    n = int(lines[0])
    lattice_text = lines[1].split('Lattice="')[1].split('"')[0].split()
    lattice = [[float(v) for v in lattice_text[3 * i:3 * i + 3]] for i in range(3)]
    atoms = [(p.split()[0], [float(v) for v in p.split()[1:4]]) for p in lines[2:2 + n]]
    return lattice, atoms


def add(u, v, s=1.0):
    return [u[i] + s * v[i] for i in range(3)]


def dot(u, v):
    return sum(u[i] * v[i] for i in range(3))


def det(m):
    return (m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
            + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]))


def fractional(p, basis):
    """Coordinates of p in the (not necessarily orthogonal) basis, by Cramer's rule."""
    d = det(basis)
    out = []
    for k in range(3):
        m = [list(v) for v in basis]
        m[k] = list(p)
        out.append(det(m) / d)
    return out


def main():
    (a, b, c), atoms = read(SOURCE)
    assert abs(dot(a, b)) < 1e-9 and abs(dot(a, c)) < 1e-9 and abs(dot(b, c)) < 1e-9, "orthorhombic cell expected"
    basis = [add(a, c), b, add(c, a, -1.0)]
    assert det(basis) > 0
    la, lb, lc = (math.sqrt(dot(v, v)) for v in basis)
    # A and C are equally long but not orthogonal when a != c (monoclinic, beta a little over 90 degrees).
    cos_beta = dot(basis[0], basis[2]) / (la * lc)
    lattice = [[la, 0.0, 0.0], [0.0, lb, 0.0], [lc * cos_beta, 0.0, lc * math.sqrt(1 - cos_beta ** 2)]]
    out = []
    for el, r in atoms:
        for i in range(-1, 2):
            for k in range(-1, 2):
                f = fractional(add(add(r, a, i), c, k), basis)
                if all(-1e-6 <= x < 1 - 1e-6 for x in f):
                    out.append((el, [sum(f[j] * lattice[j][x] for j in range(3)) for x in range(3)]))
    assert len(out) == 2 * len(atoms), f"{len(out)} atoms, expected {2 * len(atoms)}"
    order = {"Cs": 0, "Pb": 1, "I": 2}
    out.sort(key=lambda t: (order[t[0]], round(t[1][2], 4), round(t[1][1], 4), round(t[1][0], 4)))
    lat = " ".join(f"{v:.6f}" for row in lattice for v in row)
    note = ("gamma-CsPbI3 (CsPbI3-gamma.extxyz) on its pseudo-cubic axes A=a+c B=b C=c-a, 8 f.u.; "
            "written by clusters/bulk/make-gamma-pseudocubic.py")
    lines = [str(len(out)), f'Lattice="{lat}" Properties=species:S:1:pos:R:3 pbc="T T T" comment="{note}"']
    lines += [f"{el:<2s} {p[0]:14.8f} {p[1]:14.8f} {p[2]:14.8f}" for el, p in out]
    open(TARGET, "w").write("\n".join(lines) + "\n")
    beta = math.degrees(math.acos(cos_beta))
    print(f"{os.path.basename(TARGET)}: {len(out)} atoms, |A| = |C| = {la:.4f}, |B| = {lb:.4f} A, angle(A, C) = {beta:.3f} deg")


main()
