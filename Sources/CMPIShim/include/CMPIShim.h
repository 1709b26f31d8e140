#pragma once
#include <mpi.h>

/// Open MPI's handles are macros Swift cannot import; these functions expose them.
MPI_Comm cmpi_comm_world(void);
MPI_Datatype cmpi_byte(void);
MPI_Datatype cmpi_int(void);
MPI_Datatype cmpi_double(void);
MPI_Status *cmpi_status_ignore(void);
int cmpi_any_source(void);
int cmpi_any_tag(void);
int cmpi_success(void);
