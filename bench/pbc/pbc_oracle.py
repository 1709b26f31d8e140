"""tblite 0.8.0 periodic GFN1/GFN2 against the xtb 6.5.1 binary (the oracle), same structures.

Sections (run all, or name some): box, slab, cluster, bulk, cspbi3.
  slab_long tblite only, NaCl (001) 1x1, vacuum 15..320 A.
  cluster molecular GFN1 rock-salt blocks (xtb binary): gamma(001) free of periodic electrostatics.
  cluster_more two thicker blocks (384, 480 atoms) added to the cluster results, then refit.
  cluster_fit  refit of the cluster results (no new calculations).
  box    Na4Cl4 cube in a cubic box of growing edge, E(box) - E(molecule), both programs.
  slab   NaCl (001) slabs (2 and 4 planes, 3x3 conventional cells in plane) vs vacuum, GFN1:
         E_slab change with vacuum as J/m^2, and gamma from the slope over thickness
         (Fiorentini-Methfessel) at each vacuum.
  bulk   rock-salt NaCl, energy per NaCl vs supercell of the 8-atom conventional cell, GFN1.
  cspbi3 alpha - delta CsPbI3 per formula unit, GFN1, committed cells (clusters/bulk).
Run from the repository root:
  OMP_NUM_THREADS=1 .venv/bin/python bench/pbc/pbc_oracle.py [section ...]
Results are printed and written to bench/pbc/results/<section>.json.
"""
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import engines as E  # noqa: E402
import structures as S  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PROGRAMS = ("tblite", "xtb")


def attempt(program, gfn, numbers, positions, cell=None):
    try:
        e, t = E.energy(program, gfn, numbers, positions, cell)
        return {"energy": e, "seconds": round(t, 2)}
    except Exception as err:  # xtb's Cholesky failures are results too
        return {"error": str(err)[:200]}


def save(name, rows):
    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    with open(os.path.join(HERE, "results", name + ".json"), "w") as f:
        json.dump(rows, f, indent=1)


def box():
    rows = []
    n, p = S.cube()
    for gfn in (1, 2):
        for program in PROGRAMS:
            if program == "xtb" and gfn == 2:
                continue  # xtb 6.5.1 refuses periodic GFN2
            mol = attempt(program, gfn, n, p)
            print(f"GFN{gfn} {program} Na4Cl4 molecular {mol.get('energy')}", flush=True)
            for edge in (12, 15, 20, 25, 30, 40, 60):
                r = attempt(program, gfn, *S.in_box(n, p, edge))
                d = (r["energy"] - mol["energy"]) * E.KJ_PER_EH if "energy" in r else None
                rows.append(dict(gfn=gfn, program=program, edge=edge, molecular=mol.get("energy"), **r, offset_kj=d))
                print(f"GFN{gfn} {program} box {edge:3d} A: " + (f"{d:+9.4f} kJ/mol  L^3*dE {d * edge ** 3:10.0f}" if d is not None else r["error"]), flush=True)
    save("box", rows)


def slab():
    rows = []
    save_rows = rows
    rep = 3
    for program in ("xtb", "tblite"):
        for vac in (10, 20, 35, 50, 80):
            pts = {}
            for planes in (2, 4):
                n, p, c = S.slab(vac, planes=planes, rep=rep)
                r = attempt(program, 1, n, p, c)
                pts[planes] = r
                rows.append(dict(program=program, vacuum=vac, planes=planes, atoms=len(n), **r))
            area = (rep * S.A_NACL) ** 2
            line = f"GFN1 {program} vacuum {vac:3d} A:"
            if all("energy" in pts[k] for k in (2, 4)):
                units2, units4 = 2 * rep * rep * 2 // 2, 2 * rep * rep * 4 // 2
                mu = (pts[4]["energy"] - pts[2]["energy"]) / (units4 - units2)
                gamma = (pts[4]["energy"] - units4 * mu) / (2 * area) * E.J_PER_EH * 1e20
                rows.append(dict(program=program, vacuum=vac, gamma_fm_j_m2=gamma, mu_eh_per_nacl=mu / 2))
                line += f" E2 {pts[2]['energy']:.8f} E4 {pts[4]['energy']:.8f} Eh, gamma(FM) {gamma:+.4f} J/m^2, mu {mu / 2:.6f} Eh per NaCl"
            else:
                line += " " + "; ".join(pts[k].get("error", "ok") for k in (2, 4))
            print(line, flush=True)
    save("slab", rows)


def slab_long():
    """tblite only (xtb fails on 1x1): NaCl (001) 1x1, 2 and 4 planes, GFN1, vacuum up to 320 A."""
    rows, area = [], S.A_NACL ** 2
    for vac in (15, 40, 80, 160, 320):
        e2, _ = E.tblite_energy(1, *S.slab(vac, planes=2, rep=1))
        e4, _ = E.tblite_energy(1, *S.slab(vac, planes=4, rep=1))
        mu = (e4 - e2) / 4
        gamma = (e4 - 8 * mu) / (2 * area) * E.J_PER_EH * 1e20
        rows.append(dict(vacuum=vac, e2=e2, e4=e4, mu_eh_per_nacl=mu, gamma_fm_j_m2=gamma))
        print(f"GFN1 tblite 1x1 vacuum {vac:3d} A: gamma(FM) {gamma:.4f} J/m^2, mu {mu:.6f} Eh per NaCl", flush=True)
    save("slab-long", rows)


def cluster():
    """Reference free of periodic electrostatics: molecular GFN1 (xtb binary) of rock-salt blocks
    m x n x k atoms, E = N mu + S gamma + L e + 8 c fitted by least squares (S = 2 d^2 (mn + nk + km),
    L = 4 d (m + n + k), d = a/2: each atom owns a d^3 cube)."""
    rows, design, energies = [], [], []
    d = S.A_NACL / 2
    for m, n, k in ((4, 4, 2), (4, 4, 4), (6, 4, 2), (6, 6, 2), (6, 4, 4), (6, 6, 4), (8, 8, 2), (6, 6, 6), (8, 8, 4), (8, 6, 6)):
        nums = [11 if (i + j + l) % 2 == 0 else 17 for i in range(m) for j in range(n) for l in range(k)]
        pos = [[i * d, j * d, l * d] for i in range(m) for j in range(n) for l in range(k)]
        r = attempt("xtb", 1, np.array(nums), np.array(pos))
        rows.append(dict(block=f"{m}x{n}x{k}", atoms=len(nums), **r))
        print(f"GFN1 xtb molecular block {m}x{n}x{k} ({len(nums)} atoms): {r.get('energy', r.get('error'))}", flush=True)
        if "energy" in r:
            design.append([m * n * k / 2, 2 * d * d * (m * n + n * k + k * m), 4 * d * (m + n + k), 8])
            energies.append(r["energy"])
    x, res, *_ = np.linalg.lstsq(np.array(design), np.array(energies), rcond=None)
    fit = np.array(design) @ x
    gamma = x[1] * E.J_PER_EH * 1e20
    print(f"fit: mu {x[0]:.6f} Eh per NaCl, gamma {gamma:.4f} J/m^2, edge {x[2]:.5f} Eh/A, corner {x[3]:.5f} Eh; "
          f"max residual {np.max(np.abs(fit - energies)) * E.KJ_PER_EH:.2f} kJ/mol", flush=True)
    # Leave-one-out spread of gamma: how much one block moves it.
    loo = []
    for drop in range(len(energies)):
        keep = [i for i in range(len(energies)) if i != drop]
        xi = np.linalg.lstsq(np.array(design)[keep], np.array(energies)[keep], rcond=None)[0]
        loo.append(xi[1] * E.J_PER_EH * 1e20)
    print(f"gamma leave-one-out range {min(loo):.4f} .. {max(loo):.4f} J/m^2", flush=True)
    rows.append(dict(fit_mu_eh=x[0], fit_gamma_j_m2=gamma, fit_edge=x[2], fit_corner=x[3], loo=loo))
    save("cluster", rows)


def cluster_more():
    """Two thicker blocks (8x8x6, 10x8x6), appended to results/cluster.json; then refit."""
    path = os.path.join(HERE, "results", "cluster.json")
    rows = json.load(open(path))
    d = S.A_NACL / 2
    for m, n, k in ((8, 8, 6), (10, 8, 6)):
        if any(r.get("block") == f"{m}x{n}x{k}" for r in rows):
            continue
        nums = [11 if (i + j + l) % 2 == 0 else 17 for i in range(m) for j in range(n) for l in range(k)]
        pos = [[i * d, j * d, l * d] for i in range(m) for j in range(n) for l in range(k)]
        r = attempt("xtb", 1, np.array(nums), np.array(pos))
        rows.insert(-1, dict(block=f"{m}x{n}x{k}", atoms=len(nums), **r))
        print(f"GFN1 xtb molecular block {m}x{n}x{k} ({len(nums)} atoms): {r.get('energy', r.get('error'))}", flush=True)
        save("cluster", rows)
    cluster_fit()


def cluster_fit():
    """Refit results/cluster.json: E = N mu + S gamma + L e + 8 c, with and without a term
    beta N ln(size) (size = (m n k)^(1/3) d, Angstrom) that a 1/r^3 tail with a net weight per
    cell would give; all blocks, and blocks at least 4 planes thick in every direction."""
    rows = [r for r in json.load(open(os.path.join(HERE, "results", "cluster.json"))) if "energy" in r]
    d = S.A_NACL / 2
    g = E.J_PER_EH * 1e20
    out = []

    def design(m, n, k, log):
        N = m * n * k / 2
        row = [N, 2 * d * d * (m * n + n * k + k * m), 4 * d * (m + n + k), 8]
        return row + [N * np.log((m * n * k) ** (1 / 3) * d)] if log else row

    for name, keep in (("all blocks", lambda b: True), ("blocks >= 4 planes thick", lambda b: min(b) >= 4)):
        sel = [r for r in rows if keep(tuple(map(int, r["block"].split("x"))))]
        for log in (False, True):
            X = np.array([design(*map(int, r["block"].split("x")), log) for r in sel])
            y = np.array([r["energy"] for r in sel])
            x = np.linalg.lstsq(X, y, rcond=None)[0]
            res = (X @ x - y) * E.KJ_PER_EH
            loo = [np.linalg.lstsq(np.delete(X, i, 0), np.delete(y, i), rcond=None)[0] for i in range(len(y))]
            line = dict(fit=name, log_term=log, blocks=len(y), mu_eh_per_nacl=x[0], gamma_j_m2=x[1] * g,
                        beta_eh_per_nacl=x[4] if log else None, rms_kj=float(np.sqrt(np.mean(res ** 2))),
                        max_residual_kj=float(np.max(np.abs(res))),
                        gamma_loo=[min(l[1] for l in loo) * g, max(l[1] for l in loo) * g])
            out.append(line)
            print(f"{name} ({len(y)}){' + beta N ln(size)' if log else ''}: mu {x[0]:.5f} Eh per NaCl, gamma {x[1] * g:.3f} J/m^2 "
                  f"(leave-one-out {line['gamma_loo'][0]:.3f} .. {line['gamma_loo'][1]:.3f})"
                  + (f", beta {x[4]:.5f} Eh per NaCl per e-fold" if log else "")
                  + f", rms {line['rms_kj']:.2f} max {line['max_residual_kj']:.2f} kJ/mol", flush=True)
    save("cluster-fit", out)


def bulk():
    rows = []
    for program in PROGRAMS:
        for shape in ((1, 1), (2, 2), (3, 3), (3, 1), (3, 2)):
            n, p, c = S.bulk(shape[0], shape[1])
            r = attempt(program, 1, n, p, c)
            per = r["energy"] / (len(n) // 2) if "energy" in r else None
            rows.append(dict(program=program, supercell=f"{shape[0]}x{shape[0]}x{shape[1]}", atoms=len(n), **r, per_nacl=per))
            print(f"GFN1 {program} NaCl bulk {shape[0]}x{shape[0]}x{shape[1]} ({len(n)} atoms): "
                  + (f"{per:.8f} Eh per NaCl ({r['seconds']} s)" if per else r["error"]), flush=True)
    save("bulk", rows)


def read_extxyz(path):
    from ase.io import read
    atoms = read(path)
    return atoms


def cspbi3():
    from ase.build import make_supercell
    rows = []
    cells = {"alpha": ("CsPbI3-alpha.extxyz", [(2, 2, 2), (4, 4, 4)]),
             "delta": ("CsPbI3-delta.extxyz", [(1, 2, 1), (1, 3, 1), (2, 4, 1)])}
    programs = sys.argv[sys.argv.index("--programs") + 1].split(",") if "--programs" in sys.argv else PROGRAMS
    for program in programs:
        for phase, (name, reps) in cells.items():
            base = read_extxyz(os.path.join(ROOT, "clusters", "bulk", name))
            for rep in reps:
                atoms = make_supercell(base, np.diag(rep))
                units = len(atoms) // 5
                r = attempt(program, 1, atoms.numbers, atoms.positions, atoms.cell.array)
                per = r["energy"] / units if "energy" in r else None
                rows.append(dict(program=program, phase=phase, supercell="x".join(map(str, rep)), atoms=len(atoms), **r, per_fu=per))
                print(f"GFN1 {program} CsPbI3 {phase} {'x'.join(map(str, rep))} ({len(atoms)} atoms): "
                      + (f"{per:.8f} Eh per CsPbI3 ({r['seconds']} s)" if per else r["error"]), flush=True)
                save("cspbi3-" + program, rows)


if __name__ == "__main__":
    args = sys.argv[1:]
    if "--programs" in args:
        del args[args.index("--programs"):args.index("--programs") + 2]
    wanted = [a for a in args if not a.startswith("--")] or ["box", "slab", "cluster", "bulk", "cspbi3"]
    for name in wanted:
        globals()[name]()
