// SPDX-License-Identifier: GPL-3.0-or-later
// The one interface every readiness backend implements. A backend only translates: it turns the
// interest list into its native call and the native result into PollEvents. It never reads,
// writes, accepts or closes a socket; the loop (core/server/event_loop) does all of that.
//
// The base does everything that is the same for every backend, in the shape of Redis's ae: it
// keeps the interest table and its add/modify/remove checks (with their error texts), and it
// times and records each wait call into the CallDraft. A backend supplies only the native part,
// through the private hooks below: register or change interest, make the call, and turn what came
// back into PollEvents and the draft's ready lists. The hooks are called once per add, modify,
// remove or wait, never once per event, and the per-event helpers are inline.
#pragma once

#ifndef _WIN32
#include <signal.h>
#include <time.h>
#endif

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/net/platform.h"
#include "core/poller/backend_kind.h"
#include "core/poller/call_draft.h"
#include "core/trace/engine_text.h"

namespace ss {

#ifdef _WIN32
struct SignalMask {};  // Windows has no signals; the type only keeps the interface the same
#else
using SignalMask = sigset_t;
#endif

// Interest and readiness bits. kHangup and kError appear only in results.
enum ReadinessBits : uint8_t {
    kRead = 1,
    kWrite = 2,
    kExcept = 4,
    kHangup = 8,
    kError = 16,
};

struct PollEvent {
    NativeSocket fd;
    uint8_t ready;  // ReadinessBits. Hang-up and error also set kRead, so that the loop reads and
                    // learns of EOF or the pending error from recv(), as select() would report it.
};

class Poller {
public:
    virtual ~Poller() = default;
    // A poller mirrors state held by the kernel (or by its own master sets): a copy would be a
    // second owner of that state, so there is none.
    Poller(const Poller&) = delete;
    Poller& operator=(const Poller&) = delete;

    virtual BackendKind kind() const = 0;

    // Largest descriptor value (exclusive) the backend can watch, or 0 when it has no such
    // limit. select() returns FD_SETSIZE here.
    virtual int descriptorLimit() const { return 0; }

    // Whether descriptors are registered edge-triggered (epoll with EPOLLET): a readiness is
    // then reported once per change, and the loop must read until EAGAIN to see it all.
    virtual bool edgeTriggered() const { return false; }

    // Starts watching fd with the given interest (kRead|kWrite|kExcept, may be 0). Returns false
    // and sets *error when the backend cannot watch it (for select: fd >= FD_SETSIZE; it must
    // not call FD_SET then). Adding an fd that is already watched is a programming error.
    bool add(NativeSocket fd, uint8_t interest, std::string* error);
    // Changes the interest of a watched fd. The backend is not asked when nothing changed, so
    // no system call is made then.
    bool modify(NativeSocket fd, uint8_t interest, std::string* error);
    // Stops watching fd. Must be called before the fd is closed.
    void remove(NativeSocket fd);

    // Makes one wait call with timeoutMs (-1 blocks). Appends ready descriptors to out (cleared
    // first). Returns the native call's return value; on failure returns -1 with *err set (EINTR
    // is returned to the caller, not retried here, so the trace shows it). When draft is not
    // null, it records exactly what was passed and what came back, and the interest-list
    // changes made since the previous call (see setRecordChanges()).
    int wait(int timeoutMs, std::vector<PollEvent>& out, int* err, CallDraft* draft);

    // The signal mask for the wait call, or null for none (Linux only). With a mask the call is
    // the variant that installs it for the call's duration only, atomically: pselect(),
    // ppoll(), epoll_pwait(). That is how the loop lets a signal interrupt its wait and nothing
    // else (core/server/wait_interrupt.h). The mask must outlive the poller.
    void setWaitMask(const SignalMask* mask) { m_waitMask = mask; }

    // Whether the interest-list changes the backend makes (epoll_ctl, kevent's changelist) are
    // kept for the next wait call's draft. Off by default, so that a loop that records no calls
    // pays nothing for them; the loop turns it on when it records calls.
    void setRecordChanges(bool on);

protected:
    // One row of the interest table, which is kept in ascending descriptor order.
    struct Watch {
        NativeSocket fd;
        uint8_t interest;  // kRead|kWrite|kExcept, as last registered with the backend
        uint32_t slot;     // the backend's own word for this descriptor; 0 until it sets one
    };

    // noun names a descriptor in error texts ("fd 7 is not watched"); Winsock's backends that
    // speak of sockets pass "socket".
    explicit Poller(const char* noun = "fd") : m_noun(noun) {}

    // Backends may change a watch's slot, never its fd or interest: the base owns those.
    std::vector<Watch>& watches() { return m_watches; }
    const std::vector<Watch>& watches() const { return m_watches; }
    Watch* findWatch(NativeSocket fd);

    // Lists fd in the draft's "in" sets that interest names.
    static void recordIn(CallDraft& draft, NativeSocket fd, uint8_t interest);
    // Lists fd in the draft's ready lists that reported names: what the kernel said, before
    // hang-up and error were widened into kRead for the loop.
    static void recordReady(CallDraft& draft, NativeSocket fd, uint8_t reported);
    // Hands one ready descriptor to the loop and, when drafting, records what was reported.
    static void pushReady(std::vector<PollEvent>& out, CallDraft* draft, NativeSocket fd,
                          uint8_t ready, uint8_t reported);
    // Sets *error (when not null) to "<call>(fd N) failed: <the last socket error>", reading the
    // error before anything can overwrite it; returns false.
    static bool failed(std::string* error, const char* call, NativeSocket fd);
    // Notes one change the backend made to the kernel's interest list, when changes are being
    // recorded: interest is the descriptor's interest after it (0 for Delete).
    void noteChange(InterestChange::Op op, NativeSocket fd, uint8_t interest, bool edge = false);

    const SignalMask* waitMask() const { return m_waitMask; }
    // What the call is given, as the draft's "in" lists: by default the interest table, in
    // ascending order, which is what select's sets and the kernel interest lists hold.
    virtual void recordPassed(CallDraft& draft) const;

private:
    // A check before anything else, for limits that are the backend's own (select: FD_SETSIZE).
    virtual bool admit(NativeSocket /*fd*/, std::string* /*error*/) const { return true; }
    // Registers a new descriptor with w.interest; may set w.slot. On false, nothing is watched.
    virtual bool nativeAdd(Watch& w, std::string* error) = 0;
    // Changes w's interest from w.interest to interest; the base stores it on success.
    virtual bool nativeModify(Watch& w, uint8_t interest, std::string* error) = 0;
    // Forgets w, which the base then drops from the table.
    virtual void nativeRemove(const Watch& w) = 0;
    // Whatever the call needs that must not count as time inside it.
    virtual void prepareWait() {}
    // The system call itself; returns its return value and leaves its error for
    // lastSocketError().
    virtual int nativeWait(int timeoutMs) = 0;
    // Turns a positive return value's results into PollEvents (through pushReady()).
    virtual void collect(int ret, std::vector<PollEvent>& out, CallDraft* draft) = 0;

    std::vector<Watch>::iterator lowerBound(NativeSocket fd);
    bool refuse(std::string* error, NativeSocket fd, TextId why) const;

    const char* m_noun;
    std::vector<Watch> m_watches;
    const SignalMask* m_waitMask = nullptr;
    bool m_recordChanges = false;
    // Changes made since the last wait call; swapped with the draft's list, so that both keep
    // their capacity and a warm loop does not allocate for them.
    std::vector<InterestChange> m_changes;
};

namespace detail {

inline void listIf(std::vector<int32_t>& list, bool condition, int32_t fd) {
    if (condition)
        list.push_back(fd);
}

}  // namespace detail

inline void Poller::recordIn(CallDraft& draft, NativeSocket fd, uint8_t interest) {
    const int32_t n = fdNumber(fd);
    detail::listIf(draft.inRead, interest & kRead, n);
    detail::listIf(draft.inWrite, interest & kWrite, n);
    detail::listIf(draft.inExcept, interest & kExcept, n);
}

inline void Poller::recordReady(CallDraft& draft, NativeSocket fd, uint8_t reported) {
    const int32_t n = fdNumber(fd);
    detail::listIf(draft.readyRead, reported & kRead, n);
    detail::listIf(draft.readyWrite, reported & kWrite, n);
    detail::listIf(draft.readyExcept, reported & kExcept, n);
    detail::listIf(draft.readyHangup, reported & kHangup, n);
    detail::listIf(draft.readyError, reported & kError, n);
}

inline void Poller::pushReady(std::vector<PollEvent>& out, CallDraft* draft, NativeSocket fd,
                              uint8_t ready, uint8_t reported) {
    out.push_back(PollEvent{fd, ready});
    if (draft)
        recordReady(*draft, fd, reported);
}

inline void Poller::noteChange(InterestChange::Op op, NativeSocket fd, uint8_t interest,
                               bool edge) {
    if (m_recordChanges)
        m_changes.push_back(InterestChange{op, fdNumber(fd), interest, edge});
}

#ifndef _WIN32
// timeoutMs as the timespec the signal-aware calls take; null (block) when it is negative.
inline const timespec* toTimespec(int timeoutMs, timespec& ts) {
    ts.tv_sec = timeoutMs / 1000;
    ts.tv_nsec = long(timeoutMs % 1000) * 1000000;
    return timeoutMs < 0 ? nullptr : &ts;
}
#endif

// Creates a backend; returns null and sets *error when it is not available on this platform or
// cannot be created (epoll_create1 failing, for instance). epollMode matters only to epoll:
// Edge and EdgeDrain register every descriptor with EPOLLET; the other backends ignore it.
std::unique_ptr<Poller> createPoller(BackendKind kind, std::string* error,
                                     EpollMode epollMode = EpollMode::Level);

}  // namespace ss
