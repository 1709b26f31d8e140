"""Independent check of a verdict's nanocrystal size model (NanocrystalVerdictCLITests).

Reads `interscreen verdict --json` (argv[1]) and the results database (argv[2]) and recomputes,
with numpy only: each point's energy from its calculation row; each phase's least-squares fit
E = N*mu + sum_f A_f*gamma_f + beta*N*ln(V^(1/3)), one gamma for a cell whose three faces have
equal area (cubic), else one per face family; gamma_eff, the
geometric mean over the three families; and the cube L* in the glass,
G_p(N) = N*mu + 6 (N v)^(2/3) (gamma_eff + theta*rho*dE) + beta*N*ln((N v)^(1/3)),
rho the surface B sites per area of the Wulff particle (sites fitted per face group, through the
origin, weighted by multiplicity / gamma), dE the Boltzmann mean (at the verdict's temperature) of the
phase's exchange reaction energies, read from the reactions table rows the verdict names; with
exchanges on block faces, the same L* with each phase's largest block's face exchange instead.
Prints one JSON object of the recomputed numbers.
"""
import json
import sqlite3
import sys

import numpy as np

KJ = 2625.4996394799          # kJ/mol per Hartree
JM2 = 4.3597447222071e-18 / 1e-20  # J/m^2 per (Hartree / A^2)

verdict = json.load(open(sys.argv[1]))[0]
db = sqlite3.connect(sys.argv[2])
model = verdict["size_model"]
out = {"phases": {}, "energies_match": True}
fits = {}
for phase in model["phases"]:
    pts = phase["points"]
    for p in pts:
        (e,) = db.execute("SELECT energy_hartree FROM calculations WHERE id = ?", (p["calculationID"],)).fetchone()
        out["energies_match"] &= e == p["energyHartree"]
    n = np.array([p["formulaUnits"] for p in pts])
    v = np.array([p["boxVolumeA3"] for p in pts])
    e = np.array([p["energyHartree"] for p in pts])
    faces = np.array([p["faceAreasA2"] for p in pts])
    reps = np.array([[int(k) for k in p["repeats"].split("x")] for p in pts])
    cell_faces = faces[0] / (2 * np.array([reps[0][1] * reps[0][2], reps[0][2] * reps[0][0], reps[0][0] * reps[0][1]]))
    # One gamma when all three cell faces have equal area (cubic), else one per face family.
    cubic = all(abs(f - cell_faces[0]) <= 1e-6 * max(f, cell_faces[0]) for f in cell_faces)
    groups = [cell_faces[0]] if cubic else list(cell_faces)
    member = [0, 0, 0] if cubic else [0, 1, 2]
    columns = [faces[:, [i for i in range(3) if member[i] == k]].sum(axis=1) for k in range(len(groups))]
    x = np.column_stack([n] + columns + [n * np.log(v ** (1 / 3))])
    c, *_ = np.linalg.lstsq(x, e, rcond=None)
    mu, gammas, beta = c[0], c[1:-1], c[-1]
    gamma_eff = float(np.prod([gammas[m] for m in member]) ** (1 / 3)) if len(groups) > 1 else float(gammas[0])
    sites = np.array([p["surfaceBSites"] for p in pts])
    rho_g, *_ = np.linalg.lstsq(np.column_stack(columns), sites, rcond=None)
    weight = np.array([member.count(k) / gammas[k] for k in range(len(groups))])
    fits[phase["name"]] = dict(mu=mu, gamma=gamma_eff, beta=beta, v=float(np.mean(v / n)),
                               rho=float(weight @ rho_g / weight.sum()))
    out["phases"][phase["name"]] = {"mu_kj": mu * KJ, "gamma_j_m2": gamma_eff * JM2, "beta_kj": beta * KJ,
                                    "face_energies_j_m2": list(gammas * JM2)}

active, inactive = verdict["active_phase"], verdict["inactive_phase"]
R = 8.314462618e-3  # kJ/(mol K)


def boltzmann(ids):
    # Boltzmann-weighted mean of the phase's exchange reaction energies (reactions table rows).
    e = np.array([db.execute("SELECT energy_kj_mol FROM reactions WHERE id = ?", (i,)).fetchone()[0] for i in ids])
    w = np.exp(-(e - e.min()) / (R * verdict["temperature_k"]))
    return float(w @ e / w.sum())


roles = verdict["reaction_roles"]
exchange = {active: boltzmann(roles["active"]), inactive: boltzmann(roles["inactive"])}
out["exchange_kj"] = exchange


def boundary(name, dE):
    f = fits[name]
    return f["gamma"] + model["coverage"] * f["rho"] * dE / KJ


for name in fits:
    out["phases"][name]["interface_j_m2"] = boundary(name, exchange[name]) * JM2
    out["phases"][name]["sites_per_nm2"] = fits[name]["rho"] * 100


def crossing(dE, shape="cube"):
    """Size (nm; cube edge or sphere diameter) where G_active - G_inactive changes sign, dE the
    exchange per phase. Cube: A = 6 V^(2/3), V = L^3; sphere: A = (36 pi)^(1/3) V^(2/3), V = pi d^3 / 6."""
    area_factor, volume_of = (6.0, lambda l: l ** 3) if shape == "cube" else \
        ((36 * np.pi) ** (1 / 3), lambda d: np.pi * d ** 3 / 6)

    def g(name, units):
        f = fits[name]
        volume = units * f["v"]
        return units * f["mu"] + area_factor * volume ** (2 / 3) * boundary(name, dE[name]) \
            + f["beta"] * units * np.log(volume ** (1 / 3))

    def diff(size_nm):
        units = volume_of(size_nm * 10) / fits[active]["v"]
        return g(active, units) - g(inactive, units)

    edges = np.geomspace(0.5, 1000, 20001)
    values = np.array([diff(x) for x in edges])
    change = np.nonzero(np.sign(values[:-1]) != np.sign(values[1:]))[0]
    if not len(change):
        return None
    lo, hi = edges[change[0]], edges[change[0] + 1]
    for _ in range(200):
        mid = (lo * hi) ** 0.5
        lo, hi = (mid, hi) if np.sign(diff(mid)) == np.sign(diff(lo)) else (lo, mid)
    return (lo * hi) ** 0.5


out["glass_cube_nm"] = crossing(exchange)
out["glass_sphere_nm"] = crossing(exchange, "sphere")

# Exchanges on block faces: per block the Boltzmann mean of its reaction rows (each must have the
# block among its reactants, read from the rows' species), the largest block (formula units of its
# point) per phase, and the cube L* with those instead of the cluster values.
faces = {p["name"]: p.get("faceExchanges") for p in model["phases"]}
if all(faces.values()):
    largest = {}
    for p in model["phases"]:
        units = {q["name"]: q["formulaUnits"] for q in p["points"]}
        best = None
        for face in faces[p["name"]]:
            for i in face["reactionIDs"]:
                (species,) = db.execute("SELECT species FROM reactions WHERE id = ?", (i,)).fetchone()
                reactants = [s["name"] for s in json.loads(species) if s["coefficient"] < 0]
                assert face["block"] in reactants, (face["block"], reactants)
            mean = boltzmann(face["reactionIDs"])
            out.setdefault("face_kj", {})[face["block"]] = mean
            if best is None or units[face["block"]] > units[best[0]]:
                best = (face["block"], mean)
        largest[p["name"]] = best[1]
        out["phases"][p["name"]]["face_interface_j_m2"] = boundary(p["name"], best[1]) * JM2
    out["face_glass_cube_nm"] = crossing(largest)
    out["face_glass_sphere_nm"] = crossing(largest, "sphere")
print(json.dumps(out))
