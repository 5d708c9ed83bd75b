// SPDX-License-Identifier: GPL-3.0-or-later
// The poll() family, written once for poll() and WSAPoll(): one dense array of {fd, events,
// revents}, handed whole to the kernel on every call, which fills in revents. The two backends
// differ only in the entry type, the flag values and the function called, which their files
// (poll_poller.cpp, wsapoll_poller.cpp) pass to makePollfdPoller(); their headers describe each
// call's semantics and limits.
//
// The array is kept dense: removal moves the last entry into the hole, so the kernel never walks
// dead slots. Each watch's slot in the base's interest table is its entry's index in the array.
// The draft's "in" lists walk the array, so they show the events in the order the kernel got them.
#pragma once

#ifdef __linux__
#include <poll.h>
#endif

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/poller/native_flags.h"
#include "core/poller/poller.h"

namespace ss {

template <class Entry, class Count>
class PollfdPoller final : public Poller {
public:
    using Flags = decltype(Entry::events);
    using Call = int (*)(Entry*, Count, int);

    PollfdPoller(BackendKind kind, const char* noun, Call call, const NativeFlags<Flags>& flags)
        : Poller(noun), m_kind(kind), m_call(call), m_flags(flags) {}

    BackendKind kind() const override { return m_kind; }

private:
    bool nativeAdd(Watch& w, std::string* /*error*/) override {
        w.slot = static_cast<uint32_t>(m_fds.size());
        Entry entry{};
        entry.fd = w.fd;
        entry.events = m_flags.fromInterest(w.interest);
        m_fds.push_back(entry);
        return true;
    }

    bool nativeModify(Watch& w, uint8_t interest, std::string* /*error*/) override {
        m_fds[w.slot].events = m_flags.fromInterest(interest);
        return true;
    }

    void nativeRemove(const Watch& w) override {
        const uint32_t hole = w.slot;
        if (hole + size_t{1} != m_fds.size()) {
            m_fds[hole] = m_fds.back();
            findWatch(m_fds[hole].fd)->slot = hole;
        }
        m_fds.pop_back();
    }

    void recordPassed(CallDraft& draft) const override {
        for (const Entry& p : m_fds)
            recordIn(draft, p.fd, m_flags.named(p.events));
    }

    int nativeWait(int timeoutMs) override {
#ifdef __linux__
        timespec ts;
        if (waitMask())
            return ::ppoll(m_fds.data(), m_fds.size(), toTimespec(timeoutMs, ts), waitMask());
#endif
        return m_call(m_fds.data(), static_cast<Count>(m_fds.size()), timeoutMs);
    }

    // The call returns the number of entries with a non-zero revents, so the scan stops once it
    // has seen that many.
    void collect(int ready, std::vector<PollEvent>& out, CallDraft* draft) override {
        for (size_t i = 0; i < m_fds.size() && ready > 0; ++i) {
            const Entry& p = m_fds[i];
            if (!p.revents)
                continue;
            --ready;
            pushReady(out, draft, p.fd, m_flags.ready(p.revents), m_flags.named(p.revents));
        }
    }

    const BackendKind m_kind;
    const Call m_call;
    const NativeFlags<Flags> m_flags;
    std::vector<Entry> m_fds;
};

// A poll-family backend that calls call (poll, WSAPoll); the entry and count types come from
// call's own signature. noun names a descriptor in error texts.
template <class Entry, class Count>
std::unique_ptr<Poller> makePollfdPoller(BackendKind kind, const char* noun,
                                         int (*call)(Entry*, Count, int),
                                         const NativeFlags<decltype(Entry::events)>& flags) {
    return std::make_unique<PollfdPoller<Entry, Count>>(kind, noun, call, flags);
}

}  // namespace ss
