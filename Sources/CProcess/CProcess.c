#define _GNU_SOURCE
#include <spawn.h>
#include "CProcess.h"

int cprocess_addchdir(posix_spawn_file_actions_t *actions, const char *path) {
    return posix_spawn_file_actions_addchdir_np(actions, path);
}

int cprocess_addclosefrom(posix_spawn_file_actions_t *actions, int from) {
    return posix_spawn_file_actions_addclosefrom_np(actions, from);
}

#include <signal.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

int cprocess_die_with_parent(int expected_parent) {
#ifdef __linux__
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) return -1;
#endif
    /* The parent may have died before the call: then we are already an orphan. */
    if (expected_parent > 0 && getppid() != expected_parent) return 1;
    return 0;
}
