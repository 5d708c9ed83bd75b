// kqueue (macOS and the BSDs): the interest list lives in the kernel as one filter per
// (descriptor, condition): EVFILT_READ, EVFILT_WRITE and, where the system has it, EVFILT_EXCEPT.
// kevent() both changes filters and waits; this backend applies changes immediately in
// add/modify/remove (so errors surface there) and only waits in wait().
//
// Cost model: like epoll, a wait costs O(number of triggered filters), not O(number watched).
// Each interest change costs a kevent() call, so the backend keeps its own copy of each fd's
// interest and only adds or deletes the filters whose bit actually changed.
//
// Result mapping: EVFILT_READ -> kRead (data, a pending connection, or EOF). EV_EOF on either
// filter means the peer shut down that direction -> kHangup | kRead, and a non-zero fflags with
// EV_EOF carries the socket error -> kError as well. EV_ERROR (data holds errno) -> kError.
// One descriptor can trigger two or three filters in one call; they are merged into a single
// PollEvent so the loop sees each descriptor once, while the draft lists each filter's report.
//
// The exceptional condition: sockets have no "exceptional set" in kqueue's model. macOS (and
// OpenBSD, DragonFly) provide EVFILT_EXCEPT with NOTE_OOB for TCP urgent data, which is used
// for kExcept when the headers define it. Elsewhere (FreeBSD, NetBSD) there is no OOB filter:
// urgent data shows only as the EV_OOBAND flag on a triggered EVFILT_READ where that flag is
// defined, so kExcept is then reported only for descriptors that also have read interest.
//
// kqueue descriptors are not inherited by fork()ed children; the backend also sets FD_CLOEXEC.
#pragma once

#if defined(__APPLE__) || defined(__FreeBSD__) || defined(__OpenBSD__) || defined(__NetBSD__) || \
    defined(__DragonFly__)

#include <sys/event.h>
#include <sys/time.h>
#include <sys/types.h>

#include <memory>
#include <vector>

#include "poller.h"

namespace ss {

class KqueuePoller final : public Poller {
public:
    // Returns null and sets *error when kqueue() fails.
    static std::unique_ptr<Poller> create(std::string* error);
    ~KqueuePoller() override;
    KqueuePoller(const KqueuePoller&) = delete;
    KqueuePoller& operator=(const KqueuePoller&) = delete;

    BackendKind kind() const override { return BackendKind::Kqueue; }
    bool add(NativeSocket fd, uint8_t interest, std::string* error) override;
    bool modify(NativeSocket fd, uint8_t interest, std::string* error) override;
    void remove(NativeSocket fd) override;
    int wait(int timeoutMs, std::vector<PollEvent>& out, int* err, CallDraft* draft) override;

private:
    struct Entry {
        int fd;
        uint8_t interest;
        uint32_t mark;  // generation of the call that last emitted this fd
        uint32_t slot;  // its index in that call's output
    };

    explicit KqueuePoller(int kq) : m_kq(kq) {}
    std::vector<Entry>::iterator lowerBound(int fd);
    bool apply(int fd, uint8_t from, uint8_t to, std::string* error);
    void recordInput(CallDraft* draft) const;
    uint8_t translate(const struct kevent& ev, CallDraft* draft) const;
    void merge(int fd, uint8_t ready, std::vector<PollEvent>& out);

    int m_kq;
    uint32_t m_generation = 0;
    // The registered interest list in ascending fd order: the draft's "what went in".
    std::vector<Entry> m_entries;
    // kevent's output array, grown with the number of watched fds and reused every call.
    std::vector<struct kevent> m_events;
};

}  // namespace ss

#endif  // kqueue platforms
