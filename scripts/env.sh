# Sourced by the scripts: one thread per process unless the user chose otherwise.
# Left unset, OpenMP/OpenBLAS threads made small xTB calculations 10–250× slower on a 2-core node.
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}"
export OMP_STACKSIZE="${OMP_STACKSIZE:-512M}"
# Open MPI as root (containers, CI) needs explicit consent.
if [ "$(id -u)" -eq 0 ]; then
  export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
fi
# The project's Python environment (scripts/setup): tblite and ase for the bridge, tests and benches.
_interscreen_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -x "$_interscreen_root/.venv/bin/python" ]; then
  export PATH="$_interscreen_root/.venv/bin:$PATH"
  export INTERSCREEN_PYTHON="${INTERSCREEN_PYTHON:-$_interscreen_root/.venv/bin/python}"
fi
unset _interscreen_root
