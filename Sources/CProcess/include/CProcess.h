#ifndef CPROCESS_H
#define CPROCESS_H
#include <spawn.h>

/// glibc's posix_spawn extensions, which Swift cannot see without _GNU_SOURCE.
/// Each returns 0 or an errno value, like the functions it wraps.
int cprocess_addchdir(posix_spawn_file_actions_t *actions, const char *path);
int cprocess_addclosefrom(posix_spawn_file_actions_t *actions, int from);

#endif
