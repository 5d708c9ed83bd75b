// SPDX-License-Identifier: GPL-3.0-or-later
// What the fd_set picture draws for one wait call, in the backend's own shape, computed from
// the CallRecord alone (no widgets), so that a test can check the picture cell by cell:
//
// - select: three rows of bits (readfds, writefds, exceptfds) numbered 0 ... nfds-1, each bit
//   passed and/or returned. A bit that was passed but did not come back was CLEARED by the
//   kernel, which overwrote the caller's set: the reason a select() loop rebuilds its sets
//   before every call. A set passed as NULL has no bits at all. When nfds comes near
//   FD_SETSIZE the picture runs to the limit, so the wall at FD_SETSIZE is in view.
// - poll and WSAPoll: the pollfd (WSAPOLLFD) array, one entry per watched descriptor, in the
//   order the kernel got them, with events and revents.
// - epoll and kqueue: the interest list the kernel holds (it persists between calls and changes
//   only through epoll_ctl / the changelist), the changes made since the previous wait, and the
//   ready list this call returned (epoll_wait's events, kevent's eventlist).
//
// For poll, epoll and kqueue the CallRecord's "in" lists are exactly what the kernel held at the
// time of the call (core/poller/call_draft.h), so no second source of the interest list exists.
#pragma once

#include <QString>

#include <array>
#include <cstdint>
#include <vector>

#include "core/poller/backend_kind.h"
#include "core/trace/trace_types.h"

class FdSetPicture {
public:
    enum class Shape { Bits, PollArray, KernelList };
    // One cell of a select() row, as flags.
    enum Cell : uint8_t { Passed = 1, Returned = 2 };

    // select(): one of the three sets.
    struct BitRow {
        uint8_t set = 0;    // ss::kRead, ss::kWrite or ss::kExcept
        bool null = false;  // passed as a NULL pointer: no bits went in, none can come back
        std::vector<uint8_t> cells;  // indexed by fd, Cell flags; size() == cellCount()

        bool passed(int fd) const { return flags(fd) & Passed; }
        bool returned(int fd) const { return flags(fd) & Returned; }
        // Passed but not returned: the kernel cleared the bit in the caller's set.
        bool cleared(int fd) const { return flags(fd) == Passed; }
        std::vector<int32_t> passedFds() const;
        std::vector<int32_t> returnedFds() const;
        std::vector<int32_t> clearedFds() const;

    private:
        uint8_t flags(int fd) const {
            return fd >= 0 && size_t(fd) < cells.size() ? cells[size_t(fd)] : 0;
        }
    };

    // A descriptor with readiness bits (ss::ReadinessBits): a pollfd entry (events in, revents
    // out), an interest-list entry (interest in), or a ready-list entry (ready out).
    struct Entry {
        int32_t fd = -1;
        uint8_t in = 0;
        uint8_t out = 0;
    };

    // Where a long list is cut for display: the rows kept, and before each how many were left
    // out since the previous kept row.
    struct Shown {
        size_t index;
        size_t skippedBefore;
    };

    // Near the limit from here on: the picture runs to FD_SETSIZE and draws the wall.
    static constexpr int kNearLimit = 900;

    FdSetPicture() = default;
    explicit FdSetPicture(const ss::CallRecord& call);

    const ss::CallRecord& call() const { return m_call; }
    ss::BackendKind backend() const { return m_call.backend; }
    Shape shape() const;

    // select
    int nfds() const { return m_nfds; }
    // The cells each row holds: nfds, or FD_SETSIZE when nfds is near it.
    int cellCount() const { return m_cellCount; }
    static int setSize();
    bool nearLimit() const { return m_nfds > kNearLimit; }
    const std::array<BitRow, 3>& rows() const { return m_rows; }
    const BitRow& row(uint8_t set) const;

    // poll, WSAPoll: the array; epoll, kqueue: the interest list (out = what this call reported).
    const std::vector<Entry>& entries() const { return m_entries; }
    // epoll, kqueue: the ready list this call returned, in the kernel's order where it is known.
    const std::vector<Entry>& readyList() const { return m_ready; }
    // The ready descriptors with their bits, in fd order (for the "why" strip).
    std::vector<Entry> readyFds() const;
    // The facts sampled for fd, or null when the call has none for it.
    const ss::ReadyFacts* facts(int32_t fd) const;

    // At most `limit` of `entries` in their order, those with `out` bits kept first. A last
    // item with index == entries.size() carries how many were left out at the end.
    static std::vector<Shown> window(const std::vector<Entry>& entries, size_t limit);

    // The backend's own names for readiness bits: "POLLIN | POLLOUT", "EPOLLIN",
    // "EVFILT_READ", "POLLRDNORM"; "0" for none. Identifiers of the API, never translated.
    static QString flagNames(ss::BackendKind backend, uint8_t bits);
    // "epoll_ctl(EPOLL_CTL_ADD, 5, EPOLLIN)" or "EV_ADD 5 EVFILT_READ".
    static QString changeText(ss::BackendKind backend, const ss::InterestChange& change);
    // "select", "poll", "epoll_wait", "kevent", "WSAPoll": the call's name.
    static QString callName(ss::BackendKind backend);

private:
    void buildBits();
    void buildEntries();
    void buildReadyList();

    ss::CallRecord m_call;
    int m_nfds = 0;
    int m_cellCount = 0;
    std::array<BitRow, 3> m_rows;
    std::vector<Entry> m_entries;
    std::vector<Entry> m_ready;
};
