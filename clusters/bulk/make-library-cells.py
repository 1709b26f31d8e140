#!/usr/bin/env python3
"""Writes the perovskite library cells of clusters/bulk/ (CIF + extended XYZ); sources in SOURCES.md.

Run from the repository root: python3 clusters/bulk/make-library-cells.py
Standard library only (interscreen never runs this; it reads the files it writes).

Inorganic cells are written in their space group (asymmetric unit + every symmetry operation), so
the CIF reader's expansion is exercised; the FAPbI3 cells hold one fixed FA+ orientation, which
breaks the symmetry, and are written in P1. Every cell is checked here: atom count, B–X distances,
and no two atoms of different units closer than the limits below.
"""
import itertools
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))

# --- symmetry operations -------------------------------------------------------------------------

def pm3m_operations():
    """The 48 operations of Pm-3m (signed permutations of x, y, z), as CIF strings."""
    ops = []
    for perm in itertools.permutations("xyz"):
        for signs in itertools.product("+-", repeat=3):
            ops.append(", ".join(("-" if s == "-" else "") + c for s, c in zip(signs, perm)))
    return ops

PNMA = ["x, y, z", "-x+1/2, -y, z+1/2", "-x, y+1/2, -z", "x+1/2, -y+1/2, -z+1/2",
        "-x, -y, -z", "x+1/2, y, -z+1/2", "x, -y+1/2, z", "-x+1/2, y+1/2, z+1/2"]


def apply(op, f):
    """f' = op(f) for one CIF operation string (only the forms used above)."""
    x, y, z = f
    out = []
    for part in op.split(","):
        out.append(eval(part.strip().replace("x", f"({x})").replace("y", f"({y})").replace("z", f"({z})")))
    return [v - math.floor(v) for v in out]


def expand(sites, ops, lattice):
    atoms = []
    for el, f in sites:
        for op in ops:
            g = apply(op, f)
            if not any(e == el and min_image(lattice, g, h) < 0.01 for e, h in atoms):
                atoms.append((el, g))
    return atoms

# --- lattice helpers ------------------------------------------------------------------------------

def orthorhombic(a, b, c):
    return [[a, 0, 0], [0, b, 0], [0, 0, c]]


def hexagonal(a, c):
    return [[a, 0, 0], [-a / 2, a * math.sqrt(3) / 2, 0], [0, 0, c]]


def cart(lattice, f):
    return [sum(f[i] * lattice[i][k] for i in range(3)) for k in range(3)]


def frac(lattice, r):
    # general 3x3 inverse (Cramer)
    m = lattice
    det = (m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
           + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]))
    inv = [[(m[(j + 1) % 3][(i + 1) % 3] * m[(j + 2) % 3][(i + 2) % 3]
             - m[(j + 1) % 3][(i + 2) % 3] * m[(j + 2) % 3][(i + 1) % 3]) / det for j in range(3)] for i in range(3)]
    # r = f · M  ->  f = r · M^-1
    return [sum(r[k] * inv[k][i] for k in range(3)) for i in range(3)]


def min_image(lattice, f, g):
    best = 1e9
    d = [f[i] - g[i] for i in range(3)]
    d = [v - round(v) for v in d]
    for s in itertools.product((-1, 0, 1), repeat=3):
        r = cart(lattice, [d[i] + s[i] for i in range(3)])
        best = min(best, math.sqrt(sum(v * v for v in r)))
    return best


def image_distances(lattice, f, g, reach):
    """Every distance from f to an image of g up to `reach` Å."""
    d = [g[i] - f[i] for i in range(3)]
    out = []
    for s in itertools.product(range(-2, 3), repeat=3):
        r = cart(lattice, [d[i] + s[i] for i in range(3)])
        n = math.sqrt(sum(v * v for v in r))
        if 0 < n <= reach:
            out.append(n)
    return out


def lengths_angles(lattice):
    n = [math.sqrt(sum(v * v for v in row)) for row in lattice]
    def ang(i, j):
        return math.degrees(math.acos(sum(lattice[i][k] * lattice[j][k] for k in range(3)) / (n[i] * n[j])))
    return n, [ang(1, 2), ang(0, 2), ang(0, 1)]

# --- the formamidinium cation ---------------------------------------------------------------------

CN, NH, CH = 1.32, 1.02, 1.09
NCN = math.radians(125.0)


def formamidinium():
    """HC(NH2)2+ in its own frame: planar in xy, C–H along +y, N···N along x, centroid at 0.

    Order C, N, N, H(C), H on N1 (cis to C–H, trans), H on N2 (cis, trans)."""
    c = [0.0, 0.0, 0.0]
    half = NCN / 2
    n1 = [CN * math.sin(half), -CN * math.cos(half), 0.0]
    n2 = [-n1[0], n1[1], 0.0]
    hc = [0.0, CH, 0.0]

    def on_n(n, sign):
        # the two H at 120° from N→C in the plane
        v = [c[i] - n[i] for i in range(3)]
        l = math.sqrt(sum(x * x for x in v))
        v = [x / l for x in v]
        hs = []
        for ang in (sign * 2 * math.pi / 3, -sign * 2 * math.pi / 3):
            ca, sa = math.cos(ang), math.sin(ang)
            w = [v[0] * ca - v[1] * sa, v[0] * sa + v[1] * ca, 0.0]
            hs.append([n[i] + NH * w[i] for i in range(3)])
        # cis (nearer the C–H) first
        hs.sort(key=lambda h: -h[1])
        return hs

    atoms = [("C", c), ("N", n1), ("N", n2), ("H", hc)] + [("H", h) for h in on_n(n1, 1)] + [("H", h) for h in on_n(n2, -1)]
    centroid = [sum(p[i] for _, p in atoms) / len(atoms) for i in range(3)]
    return [(e, [p[i] - centroid[i] for i in range(3)]) for e, p in atoms]


def rotate(p, axis, angle):
    ax = [v / math.sqrt(sum(w * w for w in axis)) for v in axis]
    c, s = math.cos(angle), math.sin(angle)
    d = sum(ax[i] * p[i] for i in range(3))
    cr = [ax[1] * p[2] - ax[2] * p[1], ax[2] * p[0] - ax[0] * p[2], ax[0] * p[1] - ax[1] * p[0]]
    return [p[i] * c + cr[i] * s + ax[i] * d * (1 - c) for i in range(3)]

# --- writers --------------------------------------------------------------------------------------

def write_cif(name, lattice, sites, ops, group, number, note):
    (a, b, c), (al, be, ga) = lengths_angles(lattice)
    lines = [f"# {note}", "# written by clusters/bulk/make-library-cells.py; sources in clusters/bulk/SOURCES.md",
             f"data_{name}", f"_cell_length_a    {a:.6f}", f"_cell_length_b    {b:.6f}", f"_cell_length_c    {c:.6f}",
             f"_cell_angle_alpha {al:.4f}", f"_cell_angle_beta  {be:.4f}", f"_cell_angle_gamma {ga:.4f}",
             f"_space_group_name_H-M_alt '{group}'", f"_space_group_IT_number {number}", "",
             "loop_", "  _space_group_symop_operation_xyz"]
    lines += [f"  '{op}'" for op in ops]
    lines += ["", "loop_", "  _atom_site_label", "  _atom_site_type_symbol", "  _atom_site_fract_x",
              "  _atom_site_fract_y", "  _atom_site_fract_z", "  _atom_site_occupancy"]
    counts = {}
    for el, f in sites:
        counts[el] = counts.get(el, 0) + 1
        lines.append(f"  {el}{counts[el]:<3d} {el:<2s} {f[0]:.6f} {f[1]:.6f} {f[2]:.6f} 1.0")
    with open(os.path.join(HERE, name + ".cif"), "w") as fh:
        fh.write("\n".join(lines) + "\n")


def write_extxyz(name, lattice, atoms, note):
    lat = " ".join(f"{v:.6f}" for row in lattice for v in row)
    lines = [str(len(atoms)), f'Lattice="{lat}" Properties=species:S:1:pos:R:3 pbc="T T T" comment="{note}"']
    for el, f in atoms:
        r = cart(lattice, f)
        lines.append(f"{el:<2s} {r[0]:14.8f} {r[1]:14.8f} {r[2]:14.8f}")
    with open(os.path.join(HERE, name + ".extxyz"), "w") as fh:
        fh.write("\n".join(lines) + "\n")

# --- checks ---------------------------------------------------------------------------------------

COVALENT = {"H": 0.31, "C": 0.76, "N": 0.71, "Cl": 1.02, "Br": 1.20, "I": 1.39, "Cs": 2.44, "Pb": 1.46, "Sn": 1.39}


def check(name, lattice, atoms, expected, b, x, units):
    assert len(atoms) == expected, f"{name}: {len(atoms)} atoms, expected {expected}"
    worst = 1e9
    bx = []
    for i, (ei, fi) in enumerate(atoms):
        for j, (ej, fj) in enumerate(atoms):
            if j <= i or units[i] == units[j] and units[i] is not None:
                continue
            d = min_image(lattice, fi, fj)
            worst = min(worst, d / (COVALENT[ei] + COVALENT[ej]))
    for i, (ei, fi) in enumerate(atoms):
        if ei != b:
            continue
        d = sorted(r for ej, fj in atoms if ej == x for r in image_distances(lattice, fi, fj, 6.0))
        assert d[5] < 1.25 * (COVALENT[b] + COVALENT[x]), f"{name}: {b} {i + 1} has fewer than six {x}"
        bx += d[:6]
    h = [min_image(lattice, fi, fj) for i, (ei, fi) in enumerate(atoms) for j, (ej, fj) in enumerate(atoms)
         if ei == "H" and ej == x]
    six = sorted(bx)
    print(f"{name:34s} {len(atoms):3d} atoms  {b}–{x} {six[0]:.3f}…{max(d for d in six if d < 1.25 * (COVALENT[b] + COVALENT[x])):.3f} Å"
          f"  min d/(r_i+r_j) between units {worst:.2f}" + (f"  H···{x} ≥ {min(h):.3f} Å" if h else ""))
    assert worst > 0.75, name
    if h:
        assert min(h) > 2.4, f"{name}: H···{x} {min(h):.3f} Å"


def atoms_units(atoms):
    """Each atom its own unit (inorganic cells)."""
    return [None] * len(atoms)

# --- the cells ------------------------------------------------------------------------------------

CSPBI3_ALPHA = 6.2894
DELTA_CELL = (10.458, 4.801, 17.776)
# δ-CsPbI3 asymmetric unit (Pnma, 4c), the sites of clusters/bulk/CsPbI3-delta.cif
DELTA_SITES = [("Cs", [0.08127558, 0.75, 0.32788027]), ("Pb", [0.16184885, 0.25, 0.06078324]),
               ("I", [0.02927197, 0.25, 0.88769176]), ("I", [0.16278884, 0.25, 0.49795545]),
               ("I", [0.20368336, 0.75, 0.71269448])]


def cubic(name, a, cation, metal, halide, note):
    lattice = orthorhombic(a, a, a)
    sites = [(cation, [0.5, 0.5, 0.5]), (metal, [0.0, 0.0, 0.0]), (halide, [0.5, 0.0, 0.0])]
    ops = pm3m_operations()
    atoms = expand(sites, ops, lattice)
    check(name, lattice, atoms, 5, metal, halide, atoms_units(atoms))
    write_cif(name, lattice, sites, ops, "P m -3 m", 221, note)
    write_extxyz(name, lattice, atoms, note)


def delta_type(name, cell, sites, metal, halide, note):
    lattice = orthorhombic(*cell)
    atoms = expand(sites, PNMA, lattice)
    check(name, lattice, atoms, 20, metal, halide, atoms_units(atoms))
    write_cif(name, lattice, sites, PNMA, "P n m a", 62, note)
    write_extxyz(name, lattice, atoms, note)


def hybrid(name, lattice, frame, centres, orientation, note):
    """P1 cell: the inorganic atoms `frame` (fractional) and one FA+ per centre in `orientation`."""
    fa = formamidinium()
    atoms, units = [], []
    for el, f in frame:
        atoms.append((el, f))
        units.append(None)
    for k, centre in enumerate(centres):
        r0 = cart(lattice, centre)
        for el, p in fa:
            q = orientation(p)
            f = frac(lattice, [r0[i] + q[i] for i in range(3)])
            atoms.append((el, [v - math.floor(v) for v in f]))
            units.append(k)
    check(name, lattice, atoms, len(frame) + 8 * len(centres), "Pb", "I", units)
    write_cif(name, lattice, atoms, ["x, y, z"], "P 1", 1, note)
    write_extxyz(name, lattice, atoms, note)


def identity(p):
    return p


def delta_fa_orientation(p):
    """δ-FAPbI3: N···N along c, C–H along +a, molecular plane the a–c plane (normal Cartesian y).

    Chosen by a scan over orientations (5° grid): N···N along c keeps every H ≥ 2.8 Å and every
    C/N ≥ 3.6 Å from I; the turn about c hardly matters (±0.01 Å), so C–H is put along a."""
    return [p[1], p[2], p[0]]


def main():
    br, cl = 5.874, 5.605
    cubic("CsPbBr3-alpha", br, "Cs", "Pb", "Br", "alpha-CsPbBr3, cubic Pm-3m, a = 5.874 A (Moller 1958)")
    cubic("CsPbCl3-alpha", cl, "Cs", "Pb", "Cl", "alpha-CsPbCl3, cubic Pm-3m, a = 5.605 A (Moller 1958)")
    cubic("CsSnI3-alpha", 6.2057, "Cs", "Sn", "I", "B-alpha-CsSnI3, cubic Pm-3m, a = 6.2057 A at 500 K (Chung et al. 2012)")
    for label, a, halide in (("CsPbBr3", br, "Br"), ("CsPbCl3", cl, "Cl")):
        s = a / CSPBI3_ALPHA
        cell = tuple(round(v * s, 4) for v in DELTA_CELL)
        sites = [(halide if e == "I" else e, f) for e, f in DELTA_SITES]
        delta_type(f"{label}-delta-hypothetical", cell, sites, "Pb", halide,
                   f"HYPOTHETICAL delta-type {label}: delta-CsPbI3 sites, cell scaled by {s:.5f} = a({label})/a(CsPbI3)")
    # Y-CsSnI3: PBEsol fractional sites (da Silva et al. 2015), shifted by (0, 1/2, 0) onto the δ-CsPbI3
    # origin, in the experimental cell of Chung et al. 2012.
    y_sites = [("Cs", [0.082544, 0.75, 0.329278]), ("Sn", [0.158212, 0.25, 0.060162]),
               ("I", [0.031209, 0.25, 0.886374]), ("I", [0.163032, 0.25, 0.500770]),
               ("I", [0.204493, 0.75, 0.710931])]
    delta_type("CsSnI3-delta", (10.3500, 4.7632, 17.6873), y_sites, "Sn", "I",
               "Y-CsSnI3 (yellow, NH4CdCl3-type Pnma), experimental cell (Chung et al. 2012), PBEsol sites (da Silva et al. 2015)")
    a = 6.3620
    frame = [("Pb", [0, 0, 0]), ("I", [0.5, 0, 0]), ("I", [0, 0.5, 0]), ("I", [0, 0, 0.5])]
    hybrid("FAPbI3-alpha", orthorhombic(a, a, a), frame, [[0.5, 0.5, 0.5]], identity,
           "alpha-FAPbI3, cubic a = 6.3620 A (Weller et al. 2015), one FA+ fixed in the z = 1/2 mirror plane, C-H along +y")
    ah, ch = 8.6603, 7.9022
    hexl = hexagonal(ah, ch)
    xi = iodide_x(ah, ch, 3.22)
    frame = [("Pb", [0, 0, 0]), ("Pb", [0, 0, 0.5])]
    for f in ([xi, 2 * xi, 0.25], [-2 * xi, -xi, 0.25], [xi, -xi, 0.25],
              [-xi, -2 * xi, 0.75], [2 * xi, xi, 0.75], [-xi, xi, 0.75]):
        frame.append(("I", [v - math.floor(v) for v in f]))
    hybrid("FAPbI3-delta", hexl, frame, [[1 / 3, 2 / 3, 0.75], [2 / 3, 1 / 3, 0.25]], delta_fa_orientation,
           f"delta-FAPbI3 (2H, face-sharing PbI6 chains), hexagonal a = 8.6603, c = 7.9022 A (Stoumpos et al. 2013); "
           f"idealised P63/mmc sites, I x = {xi:.4f} (Pb-I 3.22 A, estimate); FA+ fixed")


def iodide_x(a, c, pb_i):
    """x of the 6h iodide (x, 2x, 1/4) giving Pb–I = pb_i: in-plane distance sqrt(3)·x·a."""
    return math.sqrt(pb_i ** 2 - (c / 4) ** 2) / (math.sqrt(3) * a)


if __name__ == "__main__":
    main()
