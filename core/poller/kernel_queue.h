// SPDX-License-Identifier: GPL-3.0-or-later
// What the two kernel-queue backends (epoll, kqueue) hold alike: the queue's own descriptor,
// closed with the backend, and the output array the kernel fills on each wait. The array grows
// with the number of watched descriptors and is reused, so a wait never allocates once warm.
// POSIX only: included by epoll_poller.cpp and kqueue_poller.cpp.
#pragma once

#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "core/poller/poller.h"
#include "core/trace/engine_text.h"

namespace ss {

template <class Event>
class KernelQueue {
public:
    explicit KernelQueue(int fd) : m_fd(fd) {}
    ~KernelQueue() { ::close(m_fd); }
    KernelQueue(const KernelQueue&) = delete;
    KernelQueue& operator=(const KernelQueue&) = delete;

    int fd() const { return m_fd; }

    // Makes room for at least count results; growth doubles, so it is rare.
    void reserve(size_t count) {
        if (m_events.size() < count)
            m_events.resize(2 * count);
    }
    // Before a wait: the kernel wants room for one result even when nothing is watched.
    void prepare() {
        if (m_events.empty())
            m_events.resize(1);
    }

    Event* events() { return m_events.data(); }
    int capacity() const { return static_cast<int>(m_events.size()); }
    const Event& operator[](size_t i) const { return m_events[i]; }

private:
    int m_fd;
    std::vector<Event> m_events;
};

// Hands fd, just returned by the queue's creating call, to a new Backend; when that call failed
// (fd < 0), returns null and sets *error naming it.
template <class Backend>
std::unique_ptr<Poller> openKernelQueue(int fd, const char* call, std::string* error) {
    if (fd >= 0)
        return std::make_unique<Backend>(fd);
    const int code = errno;
    if (error)
        *error = engineText(TextId::CallFailed, {call, socketErrorText(code)});
    return nullptr;
}

}  // namespace ss
