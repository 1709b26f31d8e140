"""The Ewald parameter and real-space image range tblite 0.8.0 uses for a cell (its published rules,
re-implemented from the formulas in src/tblite/coulomb/ewald.f90 and src/tblite/cutoff.f90).

tblite sums the Klopman-Ohno kernel minus erf(alpha r)/r over all lattice translations in a
parallelepiped of +-rep cells, rep = ceil(R / face width), R solving erfc(alpha R)/R = sqrt(eps).
The kernel's tail gamma(r) - 1/r ~ -1/(2 eta^2 r^3) is therefore summed to a range that grows with
the cell: S(rep) = sum over n != 0 in that box of 1/|n|^3 (cubic cell), ~ 4 pi ln(rep).
Run: .venv/bin/python bench/pbc/ewald_cutoff.py
"""
import math

import numpy as np

EPS = math.sqrt(np.finfo(float).eps)
BOHR_PER_ANG = 1 / 0.529177210903


def rec_term(g, alpha, vol):
    return 4 * math.pi * math.exp(-0.25 * g * g / alpha ** 2) / (vol * g * g)


def dir_term(r, alpha):
    return math.erfc(alpha * r) / r


def alpha_for(lattice):
    """Bisection of tblite's search_alpha (non-multipole terms), lattice rows in Bohr."""
    vol = abs(np.linalg.det(lattice))
    rec = 2 * math.pi * np.linalg.inv(lattice).T
    rlen = min(np.linalg.norm(rec, axis=1))
    dlen = min(np.linalg.norm(lattice, axis=1))

    def diff(a):
        return (rec_term(4 * rlen, a, vol) - rec_term(5 * rlen, a, vol)) - (dir_term(2 * dlen, a) - dir_term(3 * dlen, a))

    a = EPS
    while diff(a) < -EPS:
        a *= 2
    lo = a / 2
    while diff(a) < EPS:
        a *= 2
    hi = a
    for _ in range(31):
        a = (lo + hi) / 2
        d = diff(a)
        if abs(d) <= EPS:
            break
        lo, hi = (a, hi) if d < 0 else (lo, a)
    return a


def dir_cutoff(alpha):
    x = EPS
    while dir_term(x, alpha) > EPS:
        x *= 2
    lo, hi = x / 2, x
    for _ in range(30):
        mid = (lo + hi) / 2
        if dir_term(mid, alpha) >= EPS:
            lo = mid
        else:
            hi = mid
    return hi


def image_range(lattice_ang):
    """(alpha in 1/Bohr, R in Angstrom, rep per axis) for a cell given in Angstrom rows."""
    lat = np.asarray(lattice_ang) * BOHR_PER_ANG
    alpha = alpha_for(lat)
    cut = dir_cutoff(alpha)
    normals = [np.cross(lat[(i + 1) % 3], lat[(i + 2) % 3]) for i in range(3)]
    widths = [abs(np.dot(n / np.linalg.norm(n), lat[i])) for i, n in enumerate(normals)]
    rep = [math.ceil(cut / w) for w in widths]
    return alpha, cut / BOHR_PER_ANG, rep


def tail_sum(rep):
    """sum over n != 0, |n_i| <= rep_i, of 1/|n|^3 (cubic cell, in units of 1/L^3)."""
    r = [np.arange(-k, k + 1) for k in rep]
    n = np.stack(np.meshgrid(*r, indexing="ij"), -1).reshape(-1, 3)
    d = np.linalg.norm(n, axis=1)
    d = d[d > 0]
    return float(np.sum(1 / d ** 3))


if __name__ == "__main__":
    for edge in (12, 15, 20, 25, 30, 40, 60):
        alpha, cut, rep = image_range(np.eye(3) * edge)
        print(f"cubic box {edge:3d} A: alpha {alpha:.5f}/Bohr, R {cut:7.1f} A, rep {rep}, S {tail_sum(rep):.3f}")
    for vac in (10, 20, 35, 50, 80):
        c = np.diag([16.92, 16.92, 8.46 + vac])
        alpha, cut, rep = image_range(c)
        print(f"slab 3x3 NaCl, 4 planes, vacuum {vac} A: R {cut:.1f} A, rep {rep}")
