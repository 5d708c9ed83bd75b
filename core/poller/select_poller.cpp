// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/poller/select_poller.h"

#include <algorithm>
#include <string>
#include <utility>

#ifndef _WIN32
#include <sys/select.h>
#include <sys/time.h>
#endif

#include "core/trace/engine_text.h"

namespace ss {

namespace {

class SelectPoller final : public Poller {
public:
    BackendKind kind() const override { return BackendKind::Select; }
    int descriptorLimit() const override { return kValueLimit; }

private:
    // One of the three sets: the master says what the caller wants watched, the work copy is
    // what the kernel gets and overwrites on each call. count is the master's population: an
    // empty set is passed as NULL, as CPython's select.select() passes it.
    struct Set {
        explicit Set(uint8_t b) : bit(b) {
            FD_ZERO(&master);
            FD_ZERO(&work);
        }
        uint8_t bit;
        int count = 0;
        fd_set master, work;
    };

    bool nativeAdd(Watch& w, std::string* /*error*/) override { return apply(w.fd, w.interest); }
    bool nativeModify(Watch& w, uint8_t interest, std::string* /*error*/) override {
        return apply(w.fd, interest);
    }
    void nativeRemove(const Watch& w) override { apply(w.fd, 0); }

    void prepareWait() override {
        for (Set& set : m_sets)
            copySet(set.work, set.master);
    }

    void recordPassed(CallDraft& draft) const override {
        Poller::recordPassed(draft);
        for (const Set& set : m_sets)
            if (set.count == 0)
                draft.nullSets |= set.bit;
    }

    int nativeWait(int timeoutMs) override {
        // nfds is ignored on Windows; on POSIX it is the highest watched fd + 1.
        const int nfds = watches().empty() ? 0 : fdNumber(watches().back().fd) + 1;
        fd_set* r = passed(m_sets[0]);
        fd_set* w = passed(m_sets[1]);
        fd_set* x = passed(m_sets[2]);
#ifdef __linux__
        timespec ts;
        if (waitMask())
            return ::pselect(nfds, r, w, x, toTimespec(timeoutMs, ts), waitMask());
#endif
        timeval tv{timeoutMs / 1000, (timeoutMs % 1000) * 1000};
        return ::select(nfds, r, w, x, timeoutMs < 0 ? nullptr : &tv);
    }

    static fd_set* passed(Set& set) {
        return set.count > 0 ? &set.work : nullptr;
    }

    void collect(int /*ret*/, std::vector<PollEvent>& out, CallDraft* draft) override {
#ifdef _WIN32
        for (const Set& set : m_sets)
            markReady(set);
#endif
        for (Watch& w : watches()) {
            const uint8_t ready = takeReady(w);
            if (ready)
                pushReady(out, draft, w.fd, ready, ready);
        }
    }

    // Only called for descriptors that passed admit(): FD_SET/FD_CLR stay inside the sets.
    bool apply(NativeSocket fd, uint8_t interest) {
        for (Set& set : m_sets) {
            if (FD_ISSET(fd, &set.master)) {
                FD_CLR(fd, &set.master);
                --set.count;
            }
            if (interest & set.bit) {
                FD_SET(fd, &set.master);
                ++set.count;
            }
        }
        return true;
    }

#ifdef _WIN32
    static constexpr int kValueLimit = 0;  // a count limit: SOCKET values themselves are unbounded
    bool admit(NativeSocket fd, std::string* error) const override {
        if (watches().size() < FD_SETSIZE)
            return true;
        if (error)
            *error = engineText(TextId::SocketOverSetsize,
                                {std::to_string(fdNumber(fd)), std::to_string(watches().size() + 1),
                                 std::to_string(FD_SETSIZE)});
        return false;
    }

    // Only the used part of the counted array is copied (a full fd_set is 8 KiB here).
    static void copySet(fd_set& dst, const fd_set& src) {
        dst.fd_count = src.fd_count;
        std::copy(src.fd_array, src.fd_array + src.fd_count, dst.fd_array);
    }
    // FD_ISSET is a linear search on Windows; walking the short returned array and
    // binary-searching the table is O(ready * log n) instead of O(n^2). The bits wait in each
    // watch's slot until takeReady() collects and clears them.
    void markReady(const Set& set) {
        for (u_int i = 0; i < set.work.fd_count; ++i) {
            if (Watch* w = findWatch(set.work.fd_array[i]))
                w->slot |= set.bit;
        }
    }
    static uint8_t takeReady(Watch& w) {
        return static_cast<uint8_t>(std::exchange(w.slot, 0));
    }
#else
    static constexpr int kValueLimit = FD_SETSIZE;
    bool admit(NativeSocket fd, std::string* error) const override {
        if (fd >= 0 && fd < FD_SETSIZE)
            return true;
        if (error && fd < 0)
            *error = engineText(TextId::NotAValidDescriptor, {std::to_string(fd)});
        else if (error)
            *error =
                engineText(TextId::FdOverSetsize, {std::to_string(fd), std::to_string(FD_SETSIZE)});
        return false;
    }

    static void copySet(fd_set& dst, const fd_set& src) {
        dst = src;
    }
    uint8_t takeReady(const Watch& w) const {
        uint8_t bits = 0;
        for (const Set& set : m_sets) {
            if ((w.interest & set.bit) && FD_ISSET(w.fd, &set.work))
                bits |= set.bit;
        }
        return bits;
    }
#endif

    Set m_sets[3] = {Set(kRead), Set(kWrite), Set(kExcept)};
};

}  // namespace

std::unique_ptr<Poller> createSelectPoller() {
    return std::make_unique<SelectPoller>();
}

}  // namespace ss
