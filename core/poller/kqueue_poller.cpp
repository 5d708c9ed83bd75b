// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/poller/kqueue_poller.h"

#if defined(__APPLE__) || defined(__FreeBSD__) || defined(__OpenBSD__) || defined(__NetBSD__) || \
    defined(__DragonFly__)

#include <fcntl.h>
#include <sys/event.h>
#include <sys/time.h>
#include <sys/types.h>

#include <string>
#include <vector>

#include "core/poller/kernel_queue.h"

#if defined(EVFILT_EXCEPT) && defined(NOTE_OOB)
#define SS_KQUEUE_EXCEPT_FILTER 1
#endif

namespace ss {

namespace {

// Appends an EV_ADD or EV_DELETE for one filter when its interest bit changed.
void change(struct kevent* changes, int& n, int fd, short filter, uint32_t fflags, bool was,
            bool now) {
    if (was == now)
        return;
    EV_SET(&changes[n], static_cast<uintptr_t>(fd), filter, now ? EV_ADD : EV_DELETE, fflags, 0, 0);
    ++n;
}

class KqueuePoller final : public Poller {
public:
    explicit KqueuePoller(int kq) : m_queue(kq) { ::fcntl(kq, F_SETFD, FD_CLOEXEC); }

    BackendKind kind() const override { return BackendKind::Kqueue; }

private:
    bool nativeAdd(Watch& w, std::string* error) override {
        if (!apply(w.fd, 0, w.interest, error))
            return false;
        m_queue.reserve(2 * (watches().size() + 1));  // room for two filters per fd
        return true;
    }

    bool nativeModify(Watch& w, uint8_t interest, std::string* error) override {
        return apply(w.fd, w.interest, interest, error);
    }

    // Closing a descriptor removes its filters in the kernel, so a failure here (ENOENT,
    // EBADF) only means the caller closed first; the entry goes either way, and so the change
    // is noted either way.
    void nativeRemove(const Watch& w) override {
        if (!apply(w.fd, w.interest, 0, nullptr))
            noteChange(InterestChange::Op::Delete, w.fd, 0);
    }

    void prepareWait() override { m_queue.prepare(); }

    int nativeWait(int timeoutMs) override {
        timespec ts{timeoutMs / 1000, static_cast<long>(timeoutMs % 1000) * 1000000L};
        return ::kevent(m_queue.fd(), nullptr, 0, m_queue.events(), m_queue.capacity(),
                        timeoutMs < 0 ? nullptr : &ts);
    }

    void collect(int ret, std::vector<PollEvent>& out, CallDraft* draft) override {
        for (size_t i = 0; i < static_cast<size_t>(ret); ++i) {
            const struct kevent& ev = m_queue[i];
            merge(static_cast<int>(ev.ident), translate(ev, draft), out);
        }
    }

    // One kevent() call whose changelist holds an entry per filter whose bit changed; it is
    // noted as one change of the descriptor's interest (Add when nothing was registered before,
    // Delete when nothing is after), like an epoll_ctl. No entry, no call and no change: an fd
    // added with interest 0 is not known to the kernel until a filter is added.
    bool apply(int fd, uint8_t from, uint8_t to, std::string* error) {
        struct kevent changes[3];
        int n = 0;
        change(changes, n, fd, EVFILT_READ, 0, from & kRead, to & kRead);
        change(changes, n, fd, EVFILT_WRITE, 0, from & kWrite, to & kWrite);
#ifdef SS_KQUEUE_EXCEPT_FILTER
        change(changes, n, fd, EVFILT_EXCEPT, NOTE_OOB, from & kExcept, to & kExcept);
#endif
        if (n == 0)
            return true;
        if (::kevent(m_queue.fd(), changes, n, nullptr, 0, nullptr) != 0)
            return failed(error, "kevent", fd);
        noteChange(from == 0 ? InterestChange::Op::Add
                   : to == 0 ? InterestChange::Op::Delete
                             : InterestChange::Op::Modify,
                   fd, to);
        return true;
    }

    // One triggered filter -> readiness bits, recording what the kernel said when drafting.
    static uint8_t translate(const struct kevent& ev, CallDraft* draft) {
        const bool eof = ev.flags & EV_EOF;
        const bool error = (ev.flags & EV_ERROR) || (eof && ev.fflags != 0);
        const bool read = ev.filter == EVFILT_READ, write = ev.filter == EVFILT_WRITE;
        bool except = false;
#ifdef SS_KQUEUE_EXCEPT_FILTER
        except = ev.filter == EVFILT_EXCEPT && (ev.fflags & NOTE_OOB);
#elif defined(EV_OOBAND)
        except = read && (ev.flags & EV_OOBAND);
#endif
        const uint8_t named = (read ? kRead : 0) | (write ? kWrite : 0) | (except ? kExcept : 0) |
                              (eof ? kHangup : 0) | (error ? kError : 0);
        if (draft)
            recordReady(*draft, static_cast<int>(ev.ident), named);
        return (eof || error) ? named | kRead : named;
    }

    // Several filters of one fd become one PollEvent. The watch's slot remembers where the fd
    // was emitted: it is this call's entry only if that entry names the same fd, since each fd
    // appears in one call's output at most once.
    void merge(int fd, uint8_t ready, std::vector<PollEvent>& out) {
        Watch* w = findWatch(fd);
        if (!w) {
            out.push_back(PollEvent{fd, ready});  // removed meanwhile; still the truth
        } else if (w->slot < out.size() && out[w->slot].fd == fd) {
            out[w->slot].ready |= ready;
        } else {
            w->slot = static_cast<uint32_t>(out.size());
            out.push_back(PollEvent{fd, ready});
        }
    }

    KernelQueue<struct kevent> m_queue;
};

}  // namespace

std::unique_ptr<Poller> createKqueuePoller(std::string* error) {
    return openKernelQueue<KqueuePoller>(::kqueue(), "kqueue", error);
}

}  // namespace ss

#endif  // kqueue platforms
