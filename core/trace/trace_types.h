// SPDX-License-Identifier: GPL-3.0-or-later
// Value types for what happened inside the engine, as the consumer side sees them after
// decoding the trace ring. The engine thread never builds these; it writes compact binary
// records (trace_ring.h) and the watcher's thread decodes them here.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/poller/backend_kind.h"

namespace ss {

enum class Role : uint8_t { Listener, Connection, Udp, Wakeup };
std::string_view roleName(Role role);

enum class EventKind : uint8_t {
    Listen,           // a listener (TCP or UDP) is bound; text = "127.0.0.1:9991/tcp"
    Accept,           // a connection was accepted; text = peer address, aux = listener fd
    Refuse,           // a connection was accepted and closed at once; text names the reason
    Recv,             // bytes arrived (bytes = count, preview = the first bytes)
    Send,             // bytes were written (bytes = count, preview = the first bytes)
    Datagram,         // UDP datagram received; text = peer address
    QueueChange,      // application queue of fd now holds bytes (aux = messages)
    HalfClose,        // the peer shut down its write side (recv returned 0) while we still send
    Close,            // fd closed; aux = CloseReason
    Error,            // a socket call failed; err = errno
    Urgent,           // urgent (MSG_OOB) data read; bytes = count, preview = the byte
    BackpressureOn,   // app queue reached the limit: fd left the read set
    BackpressureOff,  // queue drained below the limit: fd is read again
    Watch,            // fd entered the interest list
    Unwatch,          // fd left the interest list (still open)
    Backend,          // the loop switched backend; text = "select -> epoll"
    Mode,             // paused / running / stepping / slow motion; text says which
    Wakeup,           // the wake-up descriptor was drained; bytes = commands handled
    AcceptPaused,     // accept failed with EMFILE/ENFILE; listeners rest briefly (aux = ms)
    Note,             // free text from the engine (listener removed, preset started ...)
    // --as-written: the tutorial's code raised; text = the Python exception line, aux = what
    // its code did about it (AsWritten::Fault: 0 closed the socket, 1 dropped it from the lists,
    // 2 nothing caught it and the server stopped).
    Exception,
    // The loop spins: wait calls return at once with nothing the server acts on. bytes = wait
    // calls per second, aux = SpinReason (busy_loop.h), text says why.
    BusyLoop,
    // A traced program (core/tracer): a process or thread began to be traced (a fork, a clone,
    // the attach) or a process called execve(). text says which; fd is -1.
    Spawn,
    // A traced process ended. aux = its exit code, or 128 + the signal that killed it, as a
    // shell reports it; text says which ("exited with code 0", "killed by SIGSEGV").
    Exit,
};
constexpr EventKind kLastEventKind = EventKind::Exit;
std::string_view eventKindName(EventKind kind);

// Why a loop was found spinning (EventKind::BusyLoop, server/busy_loop.h).
enum class SpinReason : uint8_t {
    None,
    EofNeverClosed,         // recv() returned 0 again on a socket the server keeps watching
    WritableNothingQueued,  // reported writable while the server had nothing to send to it
    ZeroTimeoutIdle,        // a zero timeout returned nothing, and the loop called again
};
// "eof-never-closed", "writable-nothing-queued", "zero-timeout-idle": the JSON names.
std::string_view spinReasonName(int64_t reason);

// What the tutorial's code did about an exception (EventKind::Exception's aux): "closed",
// "unwatched" or "server-stopped", the JSON names.
std::string_view exceptionOutcomeName(int64_t aux);

enum class CloseReason : uint8_t {
    PeerClosed,      // recv returned 0 and nothing remained to send
    PeerReset,       // ECONNRESET / EPIPE
    Error,           // another socket error
    ServerClosed,    // the behaviour finished (welcome, http) or the server stopped
    Refused,         // see EventKind::Refuse
    ExceptionalSet,  // the tutorial's rule: an fd reported in the except set is closed
};
std::string_view closeReasonName(CloseReason reason);

// One change to the kernel's interest list, made by the backend before a wait call:
// epoll_ctl() on epoll, one entry of kevent()'s changelist on kqueue. select, poll and WSAPoll
// pass their whole interest with every call and make none.
struct InterestChange {
    enum class Op : uint8_t { Add, Modify, Delete };
    Op op = Op::Add;
    int32_t fd = -1;
    uint8_t interest = 0;  // kRead | kWrite | kExcept after the change (0 for Delete)
    // epoll: registered with EPOLLET (--epoll-mode et or et-drain), as strace shows
    // "EPOLLIN|EPOLLET". Never set for Delete, which passes no events.
    bool edgeTriggered = false;
};

// What the kernel held for one descriptor that came back ready, sampled right after the wait
// call returned (only while something watches the trace). A connection is asked only what
// explains its readiness; -1 where it was not asked or the platform cannot say.
struct ReadyFacts {
    enum Flag : uint8_t {
        PeerClosed = 1 << 0,  // the peer sent FIN: recv() will return 0 once the queue is read
        // The connection was reset (TCP state CLOSE). SO_ERROR is never read: reading it clears
        // the error, and the server's next recv() would then see EOF instead of ECONNRESET.
        Reset = 1 << 1,
        Urgent = 1 << 2,  // an urgent byte is pending (SIOCATMARK)
    };
    int32_t fd = -1;
    uint8_t flags = 0;
    int32_t acceptQueue = -1;  // listener: connections waiting to be accepted
    int32_t recvQueue = -1;    // bytes waiting to be read (FIONREAD)
    int32_t sendFree = -1;     // free bytes in the send buffer (SO_SNDBUF - SIOCOUTQ)
};

// What system call a CallRecord is: the multiplexing servers make wait calls; the servers of the
// IO-models chapter that do not multiplex block (or fail with EAGAIN) in accept, recv and send.
// A traced program's socket calls that move no data (socket, bind, listen, connect, shutdown,
// close) are Other.
enum class CallKind : uint8_t { Wait, Accept, Recv, Send, Other };
// "wait", "accept", "recv", "send", "other".
std::string_view callKindName(CallKind kind);

// The system call a record of a traced program is (core/tracer), by its Linux name: the JSON's
// "call" is "pselect6", "epoll_wait", "accept4", "recvfrom" ... None for the engine's records,
// whose backend and kind say what they are.
enum class Syscall : uint8_t {
    None,
    Select,
    Pselect6,
    Poll,
    Ppoll,
    EpollWait,
    EpollPwait,
    EpollPwait2,
    Socket,
    Bind,
    Listen,
    Accept,
    Accept4,
    Connect,
    Shutdown,
    Close,
    Recvfrom,
    Recvmsg,
    Read,
    Sendto,
    Sendmsg,
    Write,
    // Not a record of its own: a traced epoll_ctl() becomes an entry of the "changes" of the next
    // wait call on the same epoll descriptor, as the engine's own changes are.
    EpollCtl,
};
constexpr Syscall kLastSyscall = Syscall::EpollCtl;
// The Linux name ("pselect6"); "" for None.
std::string_view syscallName(Syscall call);
// What a system call is as a record: Wait, Accept, Recv, Send or Other (Wait for None).
CallKind syscallKind(Syscall call);
// The backend whose call it is: select for pselect6, poll for ppoll, epoll for epoll_pwait2.
BackendKind syscallBackend(Syscall call);

struct CallRecord {
    uint64_t number = 0;  // 1, 2, 3 ... for this engine run
    int64_t startNs = 0;  // monotonic, relative to the engine's start
    int64_t durationNs = 0;
    BackendKind backend = BackendKind::Select;
    int32_t timeoutMs = -1;
    int32_t ret = 0;
    int32_t err = 0;
    // select: the sets passed as NULL, 1 read, 2 write, 4 except (kRead|kWrite|kExcept), as in
    // CallDraft. The JSON line and the window show such a set, and its ready list, as NULL.
    uint8_t nullSets = 0;
    std::vector<int32_t> inRead, inWrite, inExcept;
    std::vector<int32_t> readyRead, readyWrite, readyExcept, readyHangup, readyError;
    // epoll and kqueue: the interest-list changes made since the previous wait call.
    std::vector<InterestChange> changes;
    // One entry per descriptor that came back ready, in fd order; empty when not sampled.
    std::vector<ReadyFacts> why;
    // Accept, Recv and Send: ret is the new fd, the byte count or -1, err the errno, startNs and
    // durationNs the time blocked; the fd lists are empty, timeoutMs is -1 and backend is the
    // engine's configured one, which these calls do not use.
    CallKind kind = CallKind::Wait;
    int32_t fd = -1;  // Accept/Recv/Send: the socket the call was made on (-1 for Wait)
    // The server thread that made it: 0 the main one, 1, 2 ... one per connection thread.
    uint32_t thread = 0;
    // A traced program's calls (core/tracer): which system call, and the process and thread
    // that made it. pid 0 for the engine's own records.
    Syscall syscall = Syscall::None;
    int32_t pid = 0;
    int32_t tid = 0;
    // A traced call's other arguments, decoded as strace would print them in short
    // ("127.0.0.1:9000", "SHUT_WR", "AF_INET, SOCK_STREAM"); empty when there are none.
    std::string args;
    // What could not be read from the traced program's memory (a set, an address), said as such;
    // what could not be read is left empty rather than guessed.
    std::string fault;
};

struct SocketEvent {
    uint64_t number = 0;
    int64_t timeNs = 0;  // monotonic, relative to the engine's start
    EventKind kind = EventKind::Note;
    Role role = Role::Connection;
    int32_t fd = -1;
    int64_t bytes = 0;
    int64_t aux = 0;
    int32_t err = 0;
    std::string preview;  // raw bytes, at most kPreviewBytes
    std::string text;
    // A traced program's process and thread (core/tracer); 0 for the engine's own events.
    int32_t pid = 0;
    int32_t tid = 0;
};

constexpr size_t kPreviewBytes = 64;

}  // namespace ss
