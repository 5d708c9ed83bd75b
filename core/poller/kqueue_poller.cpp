#include "kqueue_poller.h"

#if defined(__APPLE__) || defined(__FreeBSD__) || defined(__OpenBSD__) || defined(__NetBSD__) || \
    defined(__DragonFly__)

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "clock.h"

#if defined(EVFILT_EXCEPT) && defined(NOTE_OOB)
#define SS_KQUEUE_EXCEPT_FILTER 1
#endif

namespace ss {

namespace {

void pushIf(std::vector<int32_t>& list, bool condition, int fd) {
    if (condition)
        list.push_back(fd);
}

// Appends an EV_ADD or EV_DELETE for one filter when its interest bit changed.
void change(struct kevent* changes, int& n, int fd, short filter, uint32_t fflags, bool was,
            bool now) {
    if (was == now)
        return;
    EV_SET(&changes[n], static_cast<uintptr_t>(fd), filter, now ? EV_ADD : EV_DELETE, fflags, 0, 0);
    ++n;
}

}  // namespace

std::unique_ptr<Poller> KqueuePoller::create(std::string* error) {
    int kq = ::kqueue();
    if (kq < 0) {
        if (error)
            *error = "kqueue failed: " + socketErrorText(errno);
        return nullptr;
    }
    ::fcntl(kq, F_SETFD, FD_CLOEXEC);
    return std::unique_ptr<Poller>(new KqueuePoller(kq));
}

KqueuePoller::~KqueuePoller() {
    ::close(m_kq);
}

std::vector<KqueuePoller::Entry>::iterator KqueuePoller::lowerBound(int fd) {
    return std::lower_bound(m_entries.begin(), m_entries.end(), fd,
                            [](const Entry& e, int v) { return e.fd < v; });
}

bool KqueuePoller::apply(int fd, uint8_t from, uint8_t to, std::string* error) {
    struct kevent changes[3];
    int n = 0;
    change(changes, n, fd, EVFILT_READ, 0, from & kRead, to & kRead);
    change(changes, n, fd, EVFILT_WRITE, 0, from & kWrite, to & kWrite);
#ifdef SS_KQUEUE_EXCEPT_FILTER
    change(changes, n, fd, EVFILT_EXCEPT, NOTE_OOB, from & kExcept, to & kExcept);
#endif
    if (n == 0 || ::kevent(m_kq, changes, n, nullptr, 0, nullptr) == 0)
        return true;
    if (error)
        *error = "kevent(fd " + std::to_string(fd) + ") failed: " + socketErrorText(errno);
    return false;
}

bool KqueuePoller::add(NativeSocket fd, uint8_t interest, std::string* error) {
    auto it = lowerBound(fd);
    if (it != m_entries.end() && it->fd == fd) {
        if (error)
            *error = "fd " + std::to_string(fd) + " is already watched";
        return false;
    }
    if (!apply(fd, 0, interest, error))
        return false;
    m_entries.insert(it, Entry{fd, interest, 0, 0});
    if (m_events.size() < 2 * m_entries.size())
        m_events.resize(4 * m_entries.size());
    return true;
}

bool KqueuePoller::modify(NativeSocket fd, uint8_t interest, std::string* error) {
    auto it = lowerBound(fd);
    if (it == m_entries.end() || it->fd != fd) {
        if (error)
            *error = "fd " + std::to_string(fd) + " is not watched";
        return false;
    }
    if (it->interest == interest)
        return true;
    if (!apply(fd, it->interest, interest, error))
        return false;
    it->interest = interest;
    return true;
}

void KqueuePoller::remove(NativeSocket fd) {
    auto it = lowerBound(fd);
    if (it == m_entries.end() || it->fd != fd)
        return;
    // Closing a descriptor removes its filters in the kernel, so a failure here (ENOENT,
    // EBADF) only means the caller closed first; the entry goes either way.
    apply(fd, it->interest, 0, nullptr);
    m_entries.erase(it);
}

void KqueuePoller::recordInput(CallDraft* draft) const {
    for (const Entry& e : m_entries) {
        pushIf(draft->inRead, e.interest & kRead, e.fd);
        pushIf(draft->inWrite, e.interest & kWrite, e.fd);
        pushIf(draft->inExcept, e.interest & kExcept, e.fd);
    }
}

// One triggered filter -> readiness bits, recording what the kernel said when drafting.
uint8_t KqueuePoller::translate(const struct kevent& ev, CallDraft* draft) const {
    int fd = static_cast<int>(ev.ident);
    bool eof = ev.flags & EV_EOF;
    bool failed = (ev.flags & EV_ERROR) || (eof && ev.fflags != 0);
    bool read = ev.filter == EVFILT_READ, write = ev.filter == EVFILT_WRITE;
    bool except = false;
#ifdef SS_KQUEUE_EXCEPT_FILTER
    except = ev.filter == EVFILT_EXCEPT && (ev.fflags & NOTE_OOB);
#elif defined(EV_OOBAND)
    except = read && (ev.flags & EV_OOBAND);
#endif
    if (draft) {
        pushIf(draft->readyRead, read, fd);
        pushIf(draft->readyWrite, write, fd);
        pushIf(draft->readyExcept, except, fd);
        pushIf(draft->readyHangup, eof, fd);
        pushIf(draft->readyError, failed, fd);
    }
    uint8_t ready = (read ? kRead : 0) | (write ? kWrite : 0) | (except ? kExcept : 0);
    if (eof)
        ready |= kHangup | kRead;
    if (failed)
        ready |= kError | kRead;
    return ready;
}

// Several filters of one fd become one PollEvent; the entry remembers where it was emitted.
void KqueuePoller::merge(int fd, uint8_t ready, std::vector<PollEvent>& out) {
    auto it = lowerBound(fd);
    if (it == m_entries.end() || it->fd != fd) {
        out.push_back(PollEvent{fd, ready});  // removed meanwhile; still the truth
        return;
    }
    if (it->mark == m_generation) {
        out[it->slot].ready |= ready;
        return;
    }
    it->mark = m_generation;
    it->slot = static_cast<uint32_t>(out.size());
    out.push_back(PollEvent{fd, ready});
}

int KqueuePoller::wait(int timeoutMs, std::vector<PollEvent>& out, int* err, CallDraft* draft) {
    out.clear();
    if (m_events.empty())
        m_events.resize(1);
    timespec ts{timeoutMs / 1000, static_cast<long>(timeoutMs % 1000) * 1000000L};
    const timespec* tsp = timeoutMs < 0 ? nullptr : &ts;
    if (draft) {
        draft->clear();
        recordInput(draft);
        draft->timeoutMs = timeoutMs;
        draft->startNs = monotonicNs();
    }
    int ret = ::kevent(m_kq, nullptr, 0, m_events.data(), static_cast<int>(m_events.size()), tsp);
    int code = ret < 0 ? errno : 0;
    if (draft) {
        draft->durationNs = monotonicNs() - draft->startNs;
        draft->ret = ret;
        draft->err = code;
    }
    if (err)
        *err = code;
    if (++m_generation == 0) {
        for (Entry& e : m_entries)
            e.mark = 0;  // wrapped: no stale mark may match
        m_generation = 1;
    }
    for (int i = 0; i < ret; ++i) {
        const struct kevent& ev = m_events[static_cast<size_t>(i)];
        merge(static_cast<int>(ev.ident), translate(ev, draft), out);
    }
    return ret;
}

}  // namespace ss

#endif  // kqueue platforms
