// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tracer/decoder_state.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace ss::tracer {
namespace {

std::string procPath(pid_t pid, const char* what, int32_t fd) {
    return "/proc/" + std::to_string(pid) + "/" + what + "/" + std::to_string(fd);
}

FdKind kindFromLink(pid_t pid, int32_t fd) {
    char target[256];
    const ssize_t n = ::readlink(procPath(pid, "fd", fd).c_str(), target, sizeof target - 1);
    if (n <= 0)
        return FdKind::Other;  // not open: nothing of ours to record on it
    const std::string link(target, size_t(n));
    if (link.rfind("socket:[", 0) == 0)
        return FdKind::Socket;
    if (link == "anon_inode:[eventpoll]")
        return FdKind::Epoll;
    return FdKind::Other;
}

// "tfd:        5 events:       19 data:                5  pos:0 ino:2c4b sdev:8"
void loadFdinfo(pid_t pid, int32_t epfd, EpollTable* table) {
    std::ifstream in(procPath(pid, "fdinfo", epfd));
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("tfd:", 0) != 0)
            continue;
        std::istringstream fields(line);
        std::string key;
        int32_t fd = -1;
        EpollWatch watch;
        fields >> key >> fd >> key >> std::hex >> watch.events >> key >> watch.data;
        if (fields && fd >= 0)
            table->watches[fd] = watch;
    }
}

}  // namespace

FdFacts& ProcessState::fd(int32_t fd) {
    FdFacts& facts = fds[fd];
    if (facts.kind == FdKind::Unknown)
        facts.kind = kindFromLink(pid, fd);
    return facts;
}

EpollTable& ProcessState::epoll(int32_t epfd) {
    EpollTable& table = epolls[epfd];
    if (!table.loaded) {
        table.loaded = true;
        loadFdinfo(pid, epfd, &table);
    }
    return table;
}

uint32_t ProcessState::threadNumber(pid_t tid) {
    if (tid == pid)
        return 0;
    const auto found = threads.find(tid);
    if (found != threads.end())
        return found->second;
    return threads[tid] = nextThread++;
}

void ProcessState::forget(int32_t fd) {
    fds.erase(fd);
    epolls.erase(fd);
}

}  // namespace ss::tracer
