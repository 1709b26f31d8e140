/// The Python program that runs tblite for a `TBLiteCalculator` (protocol 1), kept here as text so
/// that the binary needs no path into the repository: the calculator writes it into its private
/// scratch folder and starts `python3 -u bridge.py` there, once, for its whole life.
///
/// The protocol is documented at the top of the script and in docs/bulk.md.
enum TBLiteBridgeScript {
    /// Protocol version the Swift side expects in the bridge's hello line.
    static let protocolVersion = 1

    /// File name inside the scratch folder.
    static let fileName = "tblite_bridge.py"

    /// The script.
    static let text = #"""
# interscreen tblite bridge, protocol 1 (written by interscreen's TBLiteCalculator; do not edit:
# the Swift source Sources/Engine/TBLite/TBLiteBridgeScript.swift is the original).
#
# Standard input and output are connected to the calculator. One JSON object per line each way.
#
#   at start  -> {"ready": true, "protocol": 1, "tblite": "0.8.0", "python": "3.11.7", "numpy": "2.4.6"}
#                {"ready": false, "error": "..."}      (numpy or tblite cannot be imported)
#   request   <- {"id": 7, "method": "gfn2" | "gfn1", "numbers": [55, 82, 53, ...],
#                 "positions": [[x, y, z], ...]           Bohr
#                 "lattice": [[ax, ay, az], [bx, by, bz], [cx, cy, cz]] or null     Bohr, rows
#                 "charge": 0, "uhf": 0, "accuracy": 1.0,
#                 "etemp": 300.0,                          electronic temperature, K
#                 "max_iterations": 250}
#   response  -> {"id": 7, "ok": true, "energy": E,       Eh
#                 "gradient": [[gx, gy, gz], ...],        Eh/Bohr
#                 "virial": [[...], [...], [...]] or null, Eh (tblite's sigma)
#                 "charges": [...], "gap_ev": g or null, "converged": true, "seconds": t}
#                {"id": 7, "ok": false, "kind": "scc_not_converged" | "unsupported" | "backend",
#                 "message": "..."}
#   {"op": "quit"} or the end of the input: the bridge exits.
#
# Every request gets a fresh tblite Calculator and Result (no restart from an earlier call), so a
# response depends on its request only, exactly as tblite's own Python API computes it.
# tblite prints to file descriptor 1: the protocol writes to a duplicate of it and descriptor 1 is
# pointed at /dev/null (verbosity is 0 as well). Thread counts come from the environment
# (OMP_NUM_THREADS, OPENBLAS_NUM_THREADS), which the calculator sets.
import json
import os
import sys
import time

KELVIN_TO_HARTREE = 3.166808578545117e-06   # Boltzmann constant in Eh/K, as tblite documents it
METHODS = {"gfn2": "GFN2-xTB", "gfn1": "GFN1-xTB"}


def open_channel():
    out = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)
    sys.stdout = sys.stderr
    return out


def send(out, obj):
    try:
        text = json.dumps(obj, allow_nan=False)
    except ValueError:
        text = json.dumps({"id": obj.get("id"), "ok": False, "kind": "backend",
                           "message": "tblite returned a non-finite number (NaN or infinity)"})
    out.write(text + "\n")
    out.flush()


def classify(message):
    lower = message.lower()
    if "not converged" in lower or "not converge" in lower:
        return "scc_not_converged"
    if "no support for element" in lower:
        return "unsupported"
    return "backend"


def orbital_gap_ev(result):
    try:
        energies = result.get("orbital-energies")
        occupations = result.get("orbital-occupations")
    except Exception:
        return None
    if getattr(energies, "ndim", 1) != 1 or getattr(occupations, "ndim", 1) != 1:
        return None
    electrons = int(round(float(occupations.sum())))
    homo = (electrons + 1) // 2 - 1
    if homo < 0 or homo + 1 >= len(energies):
        return None
    return float(energies[homo + 1] - energies[homo]) * 27.211386245988


def compute(np, Calculator, request):
    numbers = np.asarray(request["numbers"], dtype="i4")
    positions = np.asarray(request["positions"], dtype=float).reshape((-1, 3))
    lattice = request.get("lattice")
    if lattice is not None:
        lattice = np.asarray(lattice, dtype=float).reshape((3, 3))
        periodic = np.array([True, True, True])
    else:
        periodic = None
    calc = Calculator(METHODS[request["method"]], numbers, positions,
                      charge=float(request.get("charge", 0)), uhf=int(request.get("uhf", 0)),
                      lattice=lattice, periodic=periodic)
    calc.set("verbosity", 0)
    calc.set("accuracy", float(request.get("accuracy", 1.0)))
    calc.set("max-iter", int(request.get("max_iterations", 250)))
    calc.set("temperature", float(request.get("etemp", 300.0)) * KELVIN_TO_HARTREE)
    result = calc.singlepoint()
    try:
        virial = result.get("virial").tolist()
    except Exception:
        virial = None
    return {
        "energy": float(result.get("energy")),
        "gradient": result.get("gradient").tolist(),
        "virial": virial,
        "charges": result.get("charges").tolist(),
        "gap_ev": orbital_gap_ev(result),
        "converged": True,
    }


def serve(out, np, Calculator):
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        started = time.perf_counter()
        request_id = None
        try:
            request = json.loads(line)
            request_id = request.get("id")
            if request.get("op") == "quit":
                return
            if request.get("method") not in METHODS:
                send(out, {"id": request_id, "ok": False, "kind": "unsupported",
                           "message": "the tblite bridge offers gfn2 and gfn1, not %r" % request.get("method")})
                continue
            response = compute(np, Calculator, request)
            response.update({"id": request_id, "ok": True, "seconds": time.perf_counter() - started})
            send(out, response)
        except Exception as error:   # tblite's own errors and malformed requests alike
            message = str(error) or type(error).__name__
            send(out, {"id": request_id, "ok": False, "kind": classify(message),
                       "message": "%s: %s" % (type(error).__name__, message)})


def main():
    out = open_channel()
    try:
        import numpy as np
        from tblite.interface import Calculator
        import tblite.library
        version = ".".join(str(part) for part in tblite.library.get_version())
    except Exception as error:
        send(out, {"ready": False, "error": "%s: %s" % (type(error).__name__, error),
                   "python": sys.version.split()[0], "executable": sys.executable})
        return 1
    send(out, {"ready": True, "protocol": 1, "tblite": version, "python": sys.version.split()[0],
               "numpy": np.__version__, "executable": sys.executable})
    serve(out, np, Calculator)
    return 0


if __name__ == "__main__":
    sys.exit(main())
"""#
}
