// SPDX-License-Identifier: GPL-3.0-or-later
// How the tracer's thread is woken from waitpid(), which has no timeout and watches no
// descriptor: a signal to that thread (kTracerSignal, handled by a function that does nothing
// and installed without SA_RESTART), so that waitpid() returns EINTR. Another thread sends it to
// ask for a stop; a DeadlineSignal sends it when a grace period is over.
#pragma once

#include <signal.h>
#include <time.h>

#include <cstdint>

namespace ss::tracer {

constexpr int kTracerSignal = SIGUSR2;

// On the tracer's thread, before its first waitpid(): installs the handler (once per process)
// and unblocks the signal on this thread.
void prepareTracerThread();

// A timer that sends kTracerSignal to the thread that made it after `ms`, and every 100 ms
// after that until it is destroyed.
class DeadlineSignal {
public:
    explicit DeadlineSignal(int ms);
    ~DeadlineSignal();
    DeadlineSignal(const DeadlineSignal&) = delete;
    DeadlineSignal& operator=(const DeadlineSignal&) = delete;

    bool passed() const;

private:
    timer_t m_timer{};
    bool m_armed = false;
    int64_t m_deadlineNs = 0;
};

}  // namespace ss::tracer
