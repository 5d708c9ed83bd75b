// SPDX-License-Identifier: GPL-3.0-or-later
// What CallDecoder keeps between stops, shared by its parts: per process, what each descriptor
// is and what each epoll descriptor watches; per thread, the call it is in.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/trace/trace_types.h"
#include "core/tracer/call_decoder.h"

namespace ss::tracer {

enum class FdKind : uint8_t { Unknown, Socket, Epoll, Other };

struct FdFacts {
    FdKind kind = FdKind::Unknown;
    Role role = Role::Connection;
    bool datagram = false;
    std::string local;  // the address bind() gave it
};

struct EpollWatch {
    uint32_t events = 0;
    uint64_t data = 0;
};

struct EpollTable {
    std::map<int32_t, EpollWatch> watches;  // by descriptor
    std::vector<InterestChange> pending;    // made since the last wait call on it
    bool loaded = false;                    // read from /proc/PID/fdinfo once
};

struct ProcessState {
    explicit ProcessState(pid_t id) : pid(id) {}

    // What the descriptor is: learnt from the calls, or from /proc/PID/fd the first time.
    FdFacts& fd(int32_t fd);
    // The interest list of an epoll descriptor, read from /proc/PID/fdinfo the first time.
    EpollTable& epoll(int32_t epfd);
    // 0 for the main thread, then 1, 2 ... in the order the threads are first seen.
    uint32_t threadNumber(pid_t tid);
    void forget(int32_t fd);

    pid_t pid;
    std::unordered_map<int32_t, FdFacts> fds;
    std::unordered_map<int32_t, EpollTable> epolls;
    std::unordered_map<pid_t, uint32_t> threads;
    uint32_t nextThread = 1;
};

struct PendingCall {
    SyscallEntry entry;
    CallRecord record;
    std::string sent;  // send, sendto, sendmsg, write: the first bytes, read at the entry
    EpollWatch ctl;    // epoll_ctl: the event it passes
    bool ctlRead = false;
};

// The bound on what one call decodes, so that a huge set or array costs bounded memory:
// descriptors of a select() set, entries of a poll() array, events of an epoll_wait().
constexpr uint64_t kMaxDecoded = 65536;

// wait_decoding.cpp: select, pselect6, poll, ppoll, the epoll waits and epoll_ctl.
void enterWait(PendingCall& call, ProcessState& process);
void leaveWait(PendingCall& call, ProcessState& process);
void enterEpollCtl(PendingCall& call);
// A failed epoll_ctl gives an Error event; one that worked changes the table.
void leaveEpollCtl(PendingCall& call, ProcessState& process, std::vector<SocketEvent>* events);

// socket_decoding.cpp: socket life and data calls. enterSocketCall() is false for a call on a
// descriptor that is not a socket.
bool enterSocketCall(PendingCall& call, ProcessState& process);
void leaveSocketCall(PendingCall& call, ProcessState& process, std::vector<SocketEvent>* events);

}  // namespace ss::tracer
