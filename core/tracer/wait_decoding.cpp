// SPDX-License-Identifier: GPL-3.0-or-later
// The wait calls of a traced program, read the way the kernel reads them.
//
// select/pselect6: three bitmaps of FDS_BYTES(nfds) bytes (nfds bits rounded up to whole longs),
// each NULL or not, read at the entry (what was asked) and again at the exit (what is ready:
// the kernel writes the sets back only when the call returned > 0; at 0, a timeout, strace says
// "Timeout" and so do the empty ready lists here). A NULL set is recorded as NULL (nullSets).
// poll/ppoll: the pollfd array, read at the entry (events) and at the exit (revents).
// epoll_wait/epoll_pwait/epoll_pwait2: the call passes no interest, so "in" is the epoll
// descriptor's interest list as the kernel holds it, learnt from /proc/PID/fdinfo and then from
// each epoll_ctl() that succeeded; the events that came back carry the program's own data word,
// which is mapped back to the descriptor registered with it.
#include <poll.h>
#include <sys/epoll.h>
#include <sys/select.h>

#include <algorithm>
#include <ctime>
#include <vector>

#include "core/poller/native_flags.h"
#include "core/poller/poller.h"
#include "core/tracer/decoder_state.h"
#include "core/tracer/tracee_memory.h"

namespace ss::tracer {
namespace {

// The same mapping as the engine's poll and epoll backends: POLLNVAL counts as an error.
constexpr NativeFlags<short> kPollFlags{
    POLLIN, POLLOUT, POLLPRI, POLLHUP, short(POLLERR | POLLNVAL), short(POLLHUP | POLLERR)};
constexpr NativeFlags<uint32_t> kEpollFlags{EPOLLIN,  EPOLLOUT, EPOLLPRI,
                                            EPOLLHUP, EPOLLERR, EPOLLHUP | EPOLLERR};

// A descriptor into the record's "in" lists, one per interest bit.
void addIn(CallRecord& r, int32_t fd, uint8_t bits) {
    if (bits & kRead)
        r.inRead.push_back(fd);
    if (bits & kWrite)
        r.inWrite.push_back(fd);
    if (bits & kExcept)
        r.inExcept.push_back(fd);
}

// A descriptor into the record's "ready" lists, one per bit the kernel reported.
void addReady(CallRecord& r, int32_t fd, uint8_t bits) {
    if (bits & kRead)
        r.readyRead.push_back(fd);
    if (bits & kWrite)
        r.readyWrite.push_back(fd);
    if (bits & kExcept)
        r.readyExcept.push_back(fd);
    if (bits & kHangup)
        r.readyHangup.push_back(fd);
    if (bits & kError)
        r.readyError.push_back(fd);
}

constexpr const char* kSetNames[] = {"readfds", "writefds", "exceptfds"};

void addFault(CallRecord& record, const std::string& what) {
    if (!record.fault.empty())
        record.fault += "; ";
    record.fault += what;
}

void addArgs(CallRecord& record, const std::string& what) {
    if (!record.args.empty())
        record.args += ", ";
    record.args += what;
}

// Microseconds, or -1 for NULL (block). The record's timeout_ms rounds up, as poll() itself
// would sleep at least that long; a timeout that is not a whole number of milliseconds is also
// given exactly in args.
void readTimeout(PendingCall& call, uint64_t address, bool nanoseconds) {
    CallRecord& r = call.record;
    if (address == 0) {
        r.timeoutMs = -1;
        return;
    }
    struct {
        int64_t seconds, fraction;
    } value{};
    TraceeMemory memory(call.entry.tid);
    if (!memory.read(address, &value, sizeof value)) {
        addFault(r, "timeout: " + memory.error());
        return;
    }
    const int64_t perMs = nanoseconds ? 1000000 : 1000;
    const int64_t ms = value.seconds * 1000 + (value.fraction + perMs - 1) / perMs;
    r.timeoutMs = int32_t(std::clamp<int64_t>(ms, 0, INT32_MAX));
    if (value.fraction % perMs != 0)
        addArgs(r, "timeout " + std::to_string(value.seconds) + " s " +
                       std::to_string(value.fraction) + (nanoseconds ? " ns" : " us"));
}

// select's bitmaps: nfds bits in whole longs, as the kernel copies them.
uint64_t selectBits(const PendingCall& call) {
    const auto nfds = int64_t(int32_t(call.entry.args[0]));
    return uint64_t(std::clamp<int64_t>(nfds, 0, int64_t(kMaxDecoded)));
}

bool readSet(PendingCall& call, int which, std::vector<int32_t>* out, const char* when) {
    const uint64_t bits = selectBits(call);
    const size_t bytes = size_t((bits + 63) / 64 * 8);
    std::vector<uint64_t> words(bytes / 8);
    TraceeMemory memory(call.entry.tid);
    if (!memory.read(call.entry.args[1 + which], words.data(), bytes)) {
        addFault(call.record, std::string(kSetNames[which]) + " " + when + ": " + memory.error());
        return false;
    }
    for (uint64_t fd = 0; fd < bits; ++fd)
        if (words[fd / 64] >> (fd % 64) & 1)
            out->push_back(int32_t(fd));
    return true;
}

void enterSelect(PendingCall& call) {
    CallRecord& r = call.record;
    std::vector<int32_t>* in[] = {&r.inRead, &r.inWrite, &r.inExcept};
    for (int i = 0; i < 3; ++i) {
        if (call.entry.args[1 + i] == 0)
            r.nullSets |= uint8_t(1u << i);
        else
            readSet(call, i, in[i], "in");
    }
    addArgs(r, "nfds " + std::to_string(int32_t(call.entry.args[0])));
    if (uint64_t(int32_t(call.entry.args[0])) > kMaxDecoded)
        addFault(r, "decoded the first " + std::to_string(kMaxDecoded) + " descriptors");
    readTimeout(call, call.entry.args[4], call.entry.call == Syscall::Pselect6);
}

void leaveSelect(PendingCall& call) {
    CallRecord& r = call.record;
    if (r.ret <= 0)
        return;
    std::vector<int32_t>* ready[] = {&r.readyRead, &r.readyWrite, &r.readyExcept};
    for (int i = 0; i < 3; ++i)
        if (!(r.nullSets & (1u << i)))
            readSet(call, i, ready[i], "out");
}

bool readPollfds(PendingCall& call, std::vector<pollfd>* fds, const char* when) {
    const uint64_t count = std::min<uint64_t>(uint32_t(call.entry.args[1]), kMaxDecoded);
    fds->resize(size_t(count));
    TraceeMemory memory(call.entry.tid);
    if (memory.read(call.entry.args[0], fds->data(), fds->size() * sizeof(pollfd)))
        return true;
    addFault(call.record, std::string("fds ") + when + ": " + memory.error());
    fds->clear();
    return false;
}

void enterPoll(PendingCall& call) {
    CallRecord& r = call.record;
    std::vector<pollfd> fds;
    readPollfds(call, &fds, "in");
    for (const pollfd& p : fds) {
        if (p.fd >= 0)  // the kernel skips negative descriptors
            addIn(r, p.fd, kPollFlags.named(p.events));
    }
    addArgs(r, "nfds " + std::to_string(uint32_t(call.entry.args[1])));
    if (uint32_t(call.entry.args[1]) > kMaxDecoded)
        addFault(r, "decoded the first " + std::to_string(kMaxDecoded) + " entries");
    if (call.entry.call == Syscall::Poll)
        r.timeoutMs = int32_t(call.entry.args[2]) < 0 ? -1 : int32_t(call.entry.args[2]);
    else
        readTimeout(call, call.entry.args[2], true);
}

void leavePoll(PendingCall& call) {
    CallRecord& r = call.record;
    std::vector<pollfd> fds;
    if (r.ret <= 0 || !readPollfds(call, &fds, "out"))
        return;
    for (const pollfd& p : fds)
        addReady(r, p.fd, kPollFlags.named(p.revents));
}

uint8_t interestOf(uint32_t events) {
    return uint8_t(kEpollFlags.named(events) & (kRead | kWrite | kExcept));
}

void enterEpollWait(PendingCall& call, ProcessState& process) {
    CallRecord& r = call.record;
    const auto epfd = int32_t(call.entry.args[0]);
    r.fd = epfd;
    EpollTable& table = process.epoll(epfd);
    for (const auto& [fd, watch] : table.watches) {
        addIn(r, fd, interestOf(watch.events));
    }
    r.changes = std::move(table.pending);
    table.pending.clear();
    addArgs(r, "epfd " + std::to_string(epfd) + ", maxevents " +
                   std::to_string(int32_t(call.entry.args[2])));
    if (call.entry.call == Syscall::EpollPwait2)
        readTimeout(call, call.entry.args[3], true);
    else
        r.timeoutMs = int32_t(call.entry.args[3]) < 0 ? -1 : int32_t(call.entry.args[3]);
}

void leaveEpollWait(PendingCall& call, ProcessState& process) {
    CallRecord& r = call.record;
    if (r.ret <= 0)
        return;
    std::vector<epoll_event> events(size_t(std::min<uint64_t>(uint64_t(r.ret), kMaxDecoded)));
    TraceeMemory memory(call.entry.tid);
    if (!memory.read(call.entry.args[1], events.data(), events.size() * sizeof(epoll_event))) {
        addFault(r, "events: " + memory.error());
        return;
    }
    const EpollTable& table = process.epoll(r.fd);
    for (const epoll_event& e : events) {
        const uint64_t data = e.data.u64;
        const auto match = std::find_if(table.watches.begin(), table.watches.end(),
                                        [data](const auto& w) { return w.second.data == data; });
        if (match == table.watches.end()) {
            addFault(r, "an event's data " + std::to_string(data) +
                            " matches no descriptor this epoll descriptor watches");
            continue;
        }
        addReady(r, match->first, kEpollFlags.named(e.events));
    }
    for (std::vector<int32_t>* list :
         {&r.readyRead, &r.readyWrite, &r.readyExcept, &r.readyHangup, &r.readyError})
        std::sort(list->begin(), list->end());
}

bool isSelect(Syscall call) {
    return call == Syscall::Select || call == Syscall::Pselect6;
}

bool isPoll(Syscall call) {
    return call == Syscall::Poll || call == Syscall::Ppoll;
}

}  // namespace

void enterWait(PendingCall& call, ProcessState& process) {
    CallRecord& r = call.record;
    r.kind = CallKind::Wait;
    r.backend = syscallBackend(call.entry.call);
    if (isSelect(call.entry.call))
        enterSelect(call);
    else if (isPoll(call.entry.call))
        enterPoll(call);
    else
        enterEpollWait(call, process);
}

void leaveWait(PendingCall& call, ProcessState& process) {
    if (isSelect(call.entry.call))
        leaveSelect(call);
    else if (isPoll(call.entry.call))
        leavePoll(call);
    else
        leaveEpollWait(call, process);
}

void enterEpollCtl(PendingCall& call) {
    if (call.entry.args[3] == 0)
        return;  // EPOLL_CTL_DEL may pass NULL
    TraceeMemory memory(call.entry.tid);
    epoll_event event{};
    call.ctlRead = memory.read(call.entry.args[3], &event, sizeof event);
    call.ctl.events = event.events;
    call.ctl.data = event.data.u64;
}

void leaveEpollCtl(PendingCall& call, ProcessState& process, std::vector<SocketEvent>* events) {
    const auto epfd = int32_t(call.entry.args[0]);
    const auto op = int(call.entry.args[1]);
    const auto fd = int32_t(call.entry.args[2]);
    const char* opName = op == EPOLL_CTL_ADD   ? "EPOLL_CTL_ADD"
                         : op == EPOLL_CTL_MOD ? "EPOLL_CTL_MOD"
                         : op == EPOLL_CTL_DEL ? "EPOLL_CTL_DEL"
                                               : "?";
    if (call.record.err != 0) {
        SocketEvent e;
        e.kind = EventKind::Error;
        e.fd = fd;
        e.err = call.record.err;
        e.text =
            "epoll_ctl(" + std::to_string(epfd) + ", " + opName + ", " + std::to_string(fd) + ")";
        events->push_back(std::move(e));
        return;
    }
    // The first sight of this epoll descriptor reads the kernel's list, which has the change.
    const bool known = process.epolls.count(epfd) && process.epolls[epfd].loaded;
    EpollTable& table = process.epoll(epfd);
    InterestChange change;
    change.fd = fd;
    if (op == EPOLL_CTL_DEL) {
        change.op = InterestChange::Op::Delete;
        table.watches.erase(fd);
    } else {
        change.op = op == EPOLL_CTL_ADD ? InterestChange::Op::Add : InterestChange::Op::Modify;
        change.interest = interestOf(call.ctl.events);
        change.edgeTriggered = call.ctl.events & EPOLLET;
        if (known && call.ctlRead)
            table.watches[fd] = call.ctl;
    }
    table.pending.push_back(change);
}

}  // namespace ss::tracer
