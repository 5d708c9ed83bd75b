// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tracer/ptrace_session.h"

#include <fcntl.h>
#include <linux/close_range.h>
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <unordered_set>

#include "core/tracer/deadline_signal.h"
#include "core/tracer/process_info.h"
#include "core/tracer/traced_syscalls.h"

namespace ss::tracer {
namespace {

constexpr unsigned kFollow = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK |
                             PTRACE_O_TRACEVFORK | PTRACE_O_TRACEEXEC;
constexpr int kSyscallStop = SIGTRAP | 0x80;

int64_t monotonicNs() {
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// ptrace() takes an option word, a signal or a size in its pointer arguments.
long request(__ptrace_request what, pid_t tid, uintptr_t address = 0, uintptr_t data = 0) {
    // NOLINTNEXTLINE(performance-no-int-to-ptr): the kernel reads these as integers
    return ::ptrace(what, tid, reinterpret_cast<void*>(address), reinterpret_cast<void*>(data));
}

bool isGroupStop(int signal) {
    return signal == SIGSTOP || signal == SIGTSTP || signal == SIGTTIN || signal == SIGTTOU;
}

int endSignal(EndAction action) {
    switch (action) {
        case EndAction::Interrupt:
            return SIGINT;
        case EndAction::Terminate:
            return SIGTERM;
        case EndAction::Kill:
            break;
    }
    return SIGKILL;
}

// In the child, after fork(): everything here is async-signal-safe. The program starts with
// default signal handling and nothing blocked, whatever the tracer's thread had.
[[noreturn]] void runChild(const int sync[2], const int report[2], const char* dir,
                           bool stdoutToStderr, char* const* argv,
                           const std::vector<sock_filter>& filter) {
    ::close(sync[1]);
    ::close(report[0]);
    const int reportFd = report[1];
    // EOF once the tracer has seized this process and closed its end.
    char go = 0;
    while (::read(sync[0], &go, 1) < 0 && errno == EINTR) {
    }
    for (int s = 1; s < NSIG; ++s)
        ::signal(s, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    // Only 0, 1 and 2 reach the program, as when it starts from a terminal: the descriptors of
    // the window (or of whatever started SelectScope) would shift its listener off fd 3. They
    // close at exec, so that the failure report can still be written before it.
    ::close_range(3, ~0U, CLOSE_RANGE_CLOEXEC);
    if (stdoutToStderr)
        ::dup2(STDERR_FILENO, STDOUT_FILENO);
    const char* stage = "chdir";
    if ((!dir || ::chdir(dir) == 0) && (stage = "seccomp", installSeccompFilter(filter))) {
        stage = "exec";
        ::execvp(argv[0], argv);
    }
    const int err = errno;
    (void)!::write(reportFd, &err, sizeof err);
    (void)!::write(reportFd, stage, std::strlen(stage));
    ::_exit(127);
}

std::string joined(const std::vector<std::string>& argv) {
    std::string text;
    for (const std::string& a : argv)
        text += (text.empty() ? "" : " ") + a;
    return text;
}

}  // namespace

PtraceSession::PtraceSession(CallDecoder& decoder) : m_decoder(decoder) {}

int64_t PtraceSession::now() const {
    return monotonicNs() - m_origin;
}

bool PtraceSession::begin(const TraceTarget& target, std::string* error) {
    m_target = target;
    m_origin = monotonicNs();
    return target.attachPid > 0 ? attach(target.attachPid, error) : spawn(target, error);
}

bool PtraceSession::spawn(const TraceTarget& target, std::string* error) {
    if (target.argv.empty()) {
        *error = "no program to run";
        return false;
    }
    const std::vector<sock_filter> filter = seccompProgram();
    std::vector<std::string> args = target.argv;
    std::vector<char*> argv;
    argv.reserve(args.size() + 1);
    for (std::string& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    const char* dir = target.workingDir.empty() ? nullptr : target.workingDir.c_str();
    int sync[2], report[2];
    if (::pipe2(sync, O_CLOEXEC) != 0 || ::pipe2(report, O_CLOEXEC) != 0) {
        *error = std::string("cannot start the program: pipe: ") + std::strerror(errno);
        return false;
    }
    const pid_t child = ::fork();
    if (child == 0)
        runChild(sync, report, dir, target.stdoutToStderr, argv.data(), filter);
    ::close(sync[0]);
    ::close(report[1]);
    if (child < 0 ||
        request(PTRACE_SEIZE, child, 0, kFollow | PTRACE_O_TRACESECCOMP | PTRACE_O_EXITKILL) != 0) {
        *error = std::string("cannot start the program: ") + std::strerror(errno);
        if (child > 0) {
            ::kill(child, SIGKILL);
            ::waitpid(child, nullptr, 0);
        }
        ::close(sync[1]);
        ::close(report[0]);
        return false;
    }
    ::close(sync[1]);  // the child goes on: it is traced from its first call on
    m_leader = child;
    m_seccomp = true;
    m_tracees[child] = Tracee{child, false};
    m_command = joined(target.argv);
    const bool started = waitForExec(child, report[0], error);
    ::close(report[0]);
    return started;
}

// Until the child has called execve(): its failure report (written under the filter, so it
// stops at the write) or the exec event.
bool PtraceSession::waitForExec(pid_t child, int reportFd, std::string* error) {
    for (;;) {
        int status = 0;
        if (::waitpid(child, &status, __WALL) < 0) {
            if (errno == EINTR)
                continue;
            *error = std::string("cannot start the program: waitpid: ") + std::strerror(errno);
            return false;
        }
        if (WIFEXITED(status) || WIFSIGNALED(status)) {
            int err = 0;
            char stage[16] = {};
            const bool told = ::read(reportFd, &err, sizeof err) == sizeof err;
            (void)!::read(reportFd, stage, sizeof stage - 1);
            *error = "cannot start " + m_command + ": " +
                     (told ? std::string(stage) + ": " + std::strerror(err)
                           : std::string("it ended before it started"));
            m_tracees.clear();
            return false;
        }
        if (status >> 16 == PTRACE_EVENT_EXEC) {
            m_decoder.spawned(child, child, now(), "exec " + executableOf(child));
            resume(child);
            return true;
        }
        const int signal = WSTOPSIG(status);
        request(PTRACE_CONT, child, 0, (status >> 16) || signal == SIGTRAP ? 0 : signal);
    }
}

bool PtraceSession::attach(pid_t pid, std::string* error) {
    if (pid == ::getpid() || ::kill(pid, 0) != 0) {
        *error = attachError(pid, pid == ::getpid() ? EPERM : errno);
        return false;
    }
    // Threads may start while the others are seized: list them until no new one appears.
    for (int round = 0; round < 10; ++round) {
        bool added = false;
        for (pid_t tid : threadsOf(pid)) {
            if (m_tracees.count(tid))
                continue;
            if (request(PTRACE_SEIZE, tid, 0, kFollow) != 0) {
                if (tid != pid)
                    continue;  // the thread ended meanwhile
                *error = attachError(pid, errno);
                detachAll();
                return false;
            }
            request(PTRACE_INTERRUPT, tid);
            m_tracees[tid] = Tracee{pid, false};
            added = true;
        }
        if (!added)
            break;
    }
    m_leader = pid;
    m_command = commandLineOf(pid);
    m_decoder.spawned(pid, pid, now(), "attached to " + m_command);
    for (const auto& [tid, tracee] : m_tracees)
        if (tid != pid)
            m_decoder.spawned(pid, tid, now(), "thread");
    return true;
}

bool PtraceSession::run(const std::atomic<bool>& stop) {
    while (!m_tracees.empty()) {
        if (stop.load())
            return false;
        int status = 0;
        const pid_t tid = ::waitpid(-1, &status, __WALL);
        if (tid > 0)
            handle(tid, status);
        else if (errno == ECHILD)
            m_tracees.clear();
    }
    return true;
}

void PtraceSession::handle(pid_t tid, int status) {
    const auto found = m_tracees.find(tid);
    if (WIFEXITED(status) || WIFSIGNALED(status)) {
        if (found == m_tracees.end())
            return;
        m_decoder.exited(found->second.pid, tid, status, now());
        m_tracees.erase(found);
        return;
    }
    if (!WIFSTOPPED(status))
        return;
    if (found == m_tracees.end()) {
        adopt(tid);
        return;
    }
    const int signal = WSTOPSIG(status);
    if (signal == kSyscallStop)
        handleSyscallStop(tid, found->second);
    else if (status >> 16)
        handleEvent(tid, found->second, status >> 16, status);
    else
        resume(tid, signal);  // a signal on its way to the program: delivered unchanged
}

// The first stop of a thread or process the program started (PTRACE_O_TRACECLONE and FORK).
void PtraceSession::adopt(pid_t tid) {
    const pid_t pid = threadGroupOf(tid);
    m_tracees[tid] = Tracee{pid ? pid : tid, false};
    const bool thread = pid != 0 && pid != tid;
    m_decoder.spawned(pid ? pid : tid, tid, now(), thread ? "thread" : "fork");
    resume(tid);
}

void PtraceSession::handleSyscallStop(pid_t tid, Tracee& tracee) {
    __ptrace_syscall_info info{};
    if (request(PTRACE_GET_SYSCALL_INFO, tid, sizeof info, uintptr_t(&info)) <= 0) {
        resume(tid);
        return;
    }
    if (info.op == PTRACE_SYSCALL_INFO_EXIT) {
        if (tracee.wantsExit)
            m_decoder.leave(tid, info.exit.rval, info.exit.is_error != 0, now());
        tracee.wantsExit = false;
    } else if (info.op == PTRACE_SYSCALL_INFO_ENTRY || info.op == PTRACE_SYSCALL_INFO_SECCOMP) {
        const bool seccomp = info.op == PTRACE_SYSCALL_INFO_SECCOMP;
        SyscallEntry entry;
        entry.pid = tracee.pid;
        entry.tid = tid;
        entry.call = info.arch == nativeArch()
                         ? syscallOf(seccomp ? info.seccomp.nr : info.entry.nr)
                         : Syscall::None;
        for (int i = 0; i < 6; ++i)
            entry.args[i] = seccomp ? info.seccomp.args[i] : info.entry.args[i];
        entry.timeNs = now();
        tracee.wantsExit = entry.call != Syscall::None && m_decoder.enter(entry);
    }
    resume(tid);
}

void PtraceSession::handleEvent(pid_t tid, Tracee& tracee, int event, int status) {
    switch (event) {
        case PTRACE_EVENT_SECCOMP:
            handleSyscallStop(tid, tracee);
            return;
        case PTRACE_EVENT_EXEC: {
            unsigned long former = 0;
            request(PTRACE_GETEVENTMSG, tid, 0, uintptr_t(&former));
            if (pid_t(former) != tid)
                m_tracees.erase(pid_t(former));  // a thread other than the leader called execve
            tracee.wantsExit = false;
            m_decoder.execed(tracee.pid, now(), "exec " + executableOf(tracee.pid));
            resume(tid);
            return;
        }
        case PTRACE_EVENT_STOP:
            if (isGroupStop(WSTOPSIG(status)))
                request(PTRACE_LISTEN, tid);  // stopped by SIGSTOP/SIGTSTP: stays stopped
            else
                resume(tid);
            return;
        default:  // PTRACE_EVENT_FORK, VFORK, CLONE: the new one reports its own first stop
            resume(tid);
            return;
    }
}

void PtraceSession::resume(pid_t tid, int signal) {
    const auto found = m_tracees.find(tid);
    const bool wantsExit = found != m_tracees.end() && found->second.wantsExit;
    request(!m_seccomp || wantsExit ? PTRACE_SYSCALL : PTRACE_CONT, tid, 0, uintptr_t(signal));
}

void PtraceSession::end() {
    if (m_target.attachPid > 0)
        detachAll();
    else
        endStarted();
}

// Every thread is brought to a stop and let go; a signal caught on its way is passed on.
void PtraceSession::detachAll() {
    std::unordered_set<pid_t> left;
    for (const auto& [tid, tracee] : m_tracees) {
        request(PTRACE_INTERRUPT, tid);
        left.insert(tid);
    }
    while (!left.empty()) {
        int status = 0;
        const pid_t tid = ::waitpid(-1, &status, __WALL);
        if (tid < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (WIFEXITED(status) || WIFSIGNALED(status)) {
            handle(tid, status);
            left.erase(tid);
            continue;
        }
        const int signal = WSTOPSIG(status);
        const bool passOn = !(status >> 16) && signal != kSyscallStop;
        request(PTRACE_DETACH, tid, 0, passOn ? uintptr_t(signal) : 0);
        left.erase(tid);
    }
    m_tracees.clear();
}

// The signal the user chose, then its handlers get endGraceMs to run (still traced, so their
// last calls are recorded), then SIGKILL.
void PtraceSession::endStarted() {
    std::unordered_set<pid_t> processes;
    for (const auto& [tid, tracee] : m_tracees)
        processes.insert(tracee.pid);
    const int signal = endSignal(m_target.end);
    for (pid_t pid : processes)
        ::kill(pid, signal);
    DeadlineSignal deadline(m_target.endGraceMs);
    bool killed = signal == SIGKILL;
    while (!m_tracees.empty()) {
        if (!killed && deadline.passed()) {
            killed = true;
            for (const auto& [tid, tracee] : m_tracees)
                ::kill(tracee.pid, SIGKILL);
        }
        int status = 0;
        const pid_t tid = ::waitpid(-1, &status, __WALL);
        if (tid > 0)
            handle(tid, status);
        else if (errno == ECHILD)
            break;
    }
    m_tracees.clear();
}

}  // namespace ss::tracer
