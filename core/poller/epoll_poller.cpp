// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/poller/epoll_poller.h"

#ifdef __linux__

#include <sys/epoll.h>

#include <string>
#include <vector>

#include "core/poller/kernel_queue.h"
#include "core/poller/native_flags.h"

namespace ss {

namespace {

constexpr NativeFlags<uint32_t> kFlags{EPOLLIN,  EPOLLOUT, EPOLLPRI,
                                       EPOLLHUP, EPOLLERR, EPOLLHUP | EPOLLERR};

class EpollPoller final : public Poller {
public:
    explicit EpollPoller(int epfd) : m_queue(epfd) {}

    BackendKind kind() const override { return BackendKind::Epoll; }
    bool edgeTriggered() const override { return m_edge; }
    void setEdgeTriggered(bool edge) { m_edge = edge; }

private:
    bool nativeAdd(Watch& w, std::string* error) override {
        if (!control(EPOLL_CTL_ADD, w.fd, w.interest, error))
            return false;
        noteChange(InterestChange::Op::Add, w.fd, w.interest, m_edge);
        m_queue.reserve(watches().size() + 1);
        return true;
    }

    bool nativeModify(Watch& w, uint8_t interest, std::string* error) override {
        if (!control(EPOLL_CTL_MOD, w.fd, interest, error))
            return false;
        noteChange(InterestChange::Op::Modify, w.fd, interest, m_edge);
        return true;
    }

    // Fails with EBADF if the caller already closed fd; the kernel then dropped it itself
    // (unless a dup() keeps the file open, which is why remove must come before close). The
    // change is noted either way: the descriptor has left the interest list.
    void nativeRemove(const Watch& w) override {
        control(EPOLL_CTL_DEL, w.fd, 0, nullptr);
        noteChange(InterestChange::Op::Delete, w.fd, 0);
    }

    void prepareWait() override { m_queue.prepare(); }

    // epoll_pwait() with the loop's mask (see Poller::setWaitMask), epoll_wait() without.
    int nativeWait(int timeoutMs) override {
        return ::epoll_pwait(m_queue.fd(), m_queue.events(), m_queue.capacity(), timeoutMs,
                             waitMask());
    }

    // In the kernel's ready-list order, which the draft keeps.
    void collect(int ret, std::vector<PollEvent>& out, CallDraft* draft) override {
        for (size_t i = 0; i < static_cast<size_t>(ret); ++i) {
            const epoll_event& ev = m_queue[i];
            pushReady(out, draft, ev.data.fd, kFlags.ready(ev.events), kFlags.named(ev.events));
        }
    }

    bool control(int op, int fd, uint8_t interest, std::string* error) {
        epoll_event ev{};
        ev.events = kFlags.fromInterest(interest) | (m_edge ? uint32_t(EPOLLET) : 0u);
        ev.data.fd = fd;
        return ::epoll_ctl(m_queue.fd(), op, fd, &ev) == 0 || failed(error, "epoll_ctl", fd);
    }

    KernelQueue<epoll_event> m_queue;
    bool m_edge = false;
};

}  // namespace

std::unique_ptr<Poller> createEpollPoller(std::string* error, bool edgeTriggered) {
    std::unique_ptr<Poller> poller =
        openKernelQueue<EpollPoller>(::epoll_create1(EPOLL_CLOEXEC), "epoll_create1", error);
    if (poller)
        static_cast<EpollPoller&>(*poller).setEdgeTriggered(edgeTriggered);
    return poller;
}

}  // namespace ss

#endif  // __linux__
