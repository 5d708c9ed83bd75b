// epoll (Linux only): the interest list lives in the kernel. epoll_ctl(ADD/MOD/DEL) changes it
// one descriptor at a time, and epoll_wait() returns only the descriptors that are ready.
//
// Cost model: a wait costs O(number of ready descriptors), not O(number watched), which is why
// it scales to tens of thousands of idle connections. The price is a system call per interest
// change, so this backend keeps its own copy of each fd's interest and calls epoll_ctl only
// when the interest really changes (toggling write interest per message would otherwise double
// the system calls of an echo server).
//
// Semantics and edge cases: the backend is level-triggered (no EPOLLET), so it reports the same
// conditions select() and poll() would. EPOLLIN -> kRead, EPOLLOUT -> kWrite, EPOLLPRI (TCP
// urgent data) -> kExcept. EPOLLHUP and EPOLLERR are always reported, even with interest 0;
// they map to kHangup / kError plus kRead so the loop reads and learns of EOF or the error
// from recv(). epoll registers the open file description, not the descriptor number: a
// descriptor that is closed while a dup() of it stays open keeps being reported, so remove()
// must come before close(). The epoll descriptor itself is created with EPOLL_CLOEXEC. The
// kernel returns ready descriptors in its ready-list order, which the draft keeps as is.
#pragma once

#ifdef __linux__

#include <sys/epoll.h>

#include <memory>
#include <vector>

#include "poller.h"

namespace ss {

class EpollPoller final : public Poller {
public:
    // Returns null and sets *error when epoll_create1 fails.
    static std::unique_ptr<Poller> create(std::string* error);
    ~EpollPoller() override;
    EpollPoller(const EpollPoller&) = delete;
    EpollPoller& operator=(const EpollPoller&) = delete;

    BackendKind kind() const override { return BackendKind::Epoll; }
    bool add(NativeSocket fd, uint8_t interest, std::string* error) override;
    bool modify(NativeSocket fd, uint8_t interest, std::string* error) override;
    void remove(NativeSocket fd) override;
    int wait(int timeoutMs, std::vector<PollEvent>& out, int* err, CallDraft* draft) override;

private:
    struct Entry {
        int fd;
        uint8_t interest;
    };

    explicit EpollPoller(int epfd) : m_epfd(epfd) {}
    std::vector<Entry>::iterator lowerBound(int fd);
    bool control(int op, int fd, uint8_t interest, std::string* error);
    void recordInput(CallDraft* draft) const;
    void collect(int count, std::vector<PollEvent>& out, CallDraft* draft) const;

    int m_epfd;
    // The registered interest list in ascending fd order: the draft's "what went in".
    std::vector<Entry> m_entries;
    // epoll_wait's output array, grown with the number of watched fds and reused every call.
    std::vector<epoll_event> m_events;
};

}  // namespace ss

#endif  // __linux__
