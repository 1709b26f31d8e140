# Sourced by the scripts: one thread per process unless the user chose otherwise.
# Left unset, OpenMP/OpenBLAS threads made small xTB calculations 10–250× slower on a 2-core node.
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}"
export OMP_STACKSIZE="${OMP_STACKSIZE:-512M}"
# Open MPI as root (containers, CI) needs explicit consent.
if [ "$(id -u)" -eq 0 ]; then
  export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
fi
