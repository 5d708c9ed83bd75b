// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tracer/process_info.h"

#include <dirent.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>

#include "core/tracer/tracer.h"

namespace ss::tracer {
namespace {

std::string procFile(pid_t pid, const char* name) {
    return "/proc/" + std::to_string(pid) + "/" + name;
}

// A "Key:\tvalue" line of /proc/PID/status, or "".
std::string statusField(pid_t pid, const std::string& key) {
    std::ifstream in(procFile(pid, "status"));
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(key + ":", 0) == 0)
            return line.substr(line.find_first_not_of(" \t", key.size() + 1));
    return {};
}

std::string firstLine(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    return line;
}

}  // namespace

pid_t threadGroupOf(pid_t tid) {
    const std::string tgid = statusField(tid, "Tgid");
    return tgid.empty() ? 0 : pid_t(std::stol(tgid));
}

std::string commandLineOf(pid_t pid) {
    std::ifstream in(procFile(pid, "cmdline"), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    while (!text.empty() && text.back() == '\0')
        text.pop_back();
    for (char& c : text)
        if (c == '\0')
            c = ' ';
    return text;
}

std::string executableOf(pid_t pid) {
    char target[4096];
    const ssize_t n = ::readlink(procFile(pid, "exe").c_str(), target, sizeof target - 1);
    return n > 0 ? std::string(target, size_t(n)) : std::string();
}

std::vector<pid_t> threadsOf(pid_t pid) {
    std::vector<pid_t> tids;
    const std::unique_ptr<DIR, int (*)(DIR*)> dir(::opendir(procFile(pid, "task").c_str()),
                                                  ::closedir);
    if (!dir)
        return tids;
    while (const dirent* entry = ::readdir(dir.get()))
        if (entry->d_name[0] != '.')
            tids.push_back(pid_t(std::atol(entry->d_name)));
    return tids;
}

namespace {

int socketCount(pid_t pid) {
    const std::unique_ptr<DIR, int (*)(DIR*)> dir(::opendir(procFile(pid, "fd").c_str()),
                                                  ::closedir);
    if (!dir)
        return 0;
    int sockets = 0;
    char link[64];
    while (const dirent* entry = ::readdir(dir.get())) {
        const ssize_t n = ::readlinkat(::dirfd(dir.get()), entry->d_name, link, sizeof link);
        sockets += n > 8 && std::strncmp(link, "socket:[", 8) == 0;
    }
    return sockets;
}

}  // namespace

std::vector<TraceableProcess> traceableProcesses() {
    std::vector<TraceableProcess> out;
    const std::unique_ptr<DIR, int (*)(DIR*)> proc(::opendir("/proc"), ::closedir);
    if (!proc)
        return out;
    const std::string uid = std::to_string(::geteuid());
    while (const dirent* entry = ::readdir(proc.get())) {
        const auto pid = pid_t(std::atol(entry->d_name));
        if (pid <= 0 || pid == ::getpid())
            continue;
        const std::string owner = statusField(pid, "Uid");
        if (::geteuid() != 0 && owner.substr(0, owner.find('\t')) != uid)
            continue;
        const int sockets = socketCount(pid);  // unreadable for another user's process
        if (sockets > 0)
            out.push_back({pid, sockets, commandLineOf(pid)});
    }
    std::sort(out.begin(), out.end(),
              [](const TraceableProcess& a, const TraceableProcess& b) { return a.pid < b.pid; });
    return out;
}

std::string attachError(pid_t pid, int err) {
    const std::string who = "process " + std::to_string(pid);
    if (err == ESRCH)
        return "there is no " + who + " (it may have ended)";
    if (pid == ::getpid())
        return "SelectScope cannot trace itself";
    const std::string tracer = statusField(pid, "TracerPid");
    if (!tracer.empty() && tracer != "0") {
        // TracerPid names the tracing thread; its process is what the user knows.
        const pid_t tracerThread = pid_t(std::stol(tracer));
        const pid_t tracerPid =
            threadGroupOf(tracerThread) ? threadGroupOf(tracerThread) : tracerThread;
        return who + " is already being traced by process " + std::to_string(tracerPid) + " (" +
               commandLineOf(tracerPid) +
               "); a process can have only one tracer: stop that one (strace, gdb) first";
    }
    const std::string uid = statusField(pid, "Uid");
    if (!uid.empty() && ::geteuid() != 0 && std::stol(uid) != long(::geteuid()))
        return who + " belongs to another user (uid " + uid.substr(0, uid.find('\t')) +
               "); you can trace only your own processes, or run SelectScope as that user";
    const std::string scope = firstLine("/proc/sys/kernel/yama/ptrace_scope");
    if (err == EPERM && (scope == "1" || scope == "2" || scope == "3")) {
        const char* rule = scope == "1"   ? "only a parent process may trace its children"
                           : scope == "2" ? "only a process with CAP_SYS_PTRACE may trace"
                                          : "no process may attach to another";
        return "attaching to " + who + " is not allowed: kernel.yama.ptrace_scope is " + scope +
               " (" + rule +
               "). Start the program under SelectScope with --run instead, or allow attaching "
               "with: sudo sysctl kernel.yama.ptrace_scope=0";
    }
    return "cannot attach to " + who + ": " + std::strerror(err) +
           (err == EPERM ? " (a container or security policy may forbid ptrace; try --run)" : "");
}

}  // namespace ss::tracer
