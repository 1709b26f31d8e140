#ifndef CPROCESS_H
#define CPROCESS_H
#include <spawn.h>

/// glibc's posix_spawn extensions, which Swift cannot see without _GNU_SOURCE.
/// Each returns 0 or an errno value, like the functions it wraps.
int cprocess_addchdir(posix_spawn_file_actions_t *actions, const char *path);
int cprocess_addclosefrom(posix_spawn_file_actions_t *actions, int from);


/// Asks the kernel to SIGKILL this process when its parent thread ends (Linux; a no-op elsewhere).
/// Returns 0, 1 when the parent is already not `expected_parent` (it died first), -1 on error.
int cprocess_die_with_parent(int expected_parent);

#endif
