// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/server/own_descriptors.h"

#ifdef __linux__
#include <dirent.h>
#include <sched.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <vector>

#include "core/net/platform.h"
#endif

#include "core/trace/engine_text.h"

namespace ss {

#ifdef __linux__

namespace {

// Without close_range() (kernels before 5.9): the numbers listed in the thread's own table.
void closeListed() {
    std::vector<int> open;
    if (DIR* dir = opendir("/proc/thread-self/fd")) {
        const int own = dirfd(dir);
        while (dirent* entry = readdir(dir)) {
            const int fd = std::atoi(entry->d_name);
            if (fd > 2 && fd != own)
                open.push_back(fd);
        }
        closedir(dir);
    }
    for (int fd : open)
        close(fd);
}

}  // namespace

bool useOwnDescriptorTable(std::string* error) {
    if (unshare(CLONE_FILES) != 0) {
        if (error)
            *error = engineText(TextId::UnshareFailed, {socketErrorText(errno)});
        return false;
    }
    if (close_range(3, ~0U, 0) != 0)
        closeListed();
    return true;
}

#else

bool useOwnDescriptorTable(std::string* error) {
    if (error)
        *error = engineText(TextId::OwnTableNeedsLinux);
    return false;
}

#endif

}  // namespace ss
