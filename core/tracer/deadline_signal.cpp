// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tracer/deadline_signal.h"

#include <unistd.h>

#include <mutex>

namespace ss::tracer {
namespace {

extern "C" void onTracerSignal(int) {}

int64_t monotonicNs() {
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

}  // namespace

void prepareTracerThread() {
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction action {};
        action.sa_handler = onTracerSignal;
        sigemptyset(&action.sa_mask);
        ::sigaction(kTracerSignal, &action, nullptr);
    });
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, kTracerSignal);
    ::pthread_sigmask(SIG_UNBLOCK, &only, nullptr);
}

DeadlineSignal::DeadlineSignal(int ms) : m_deadlineNs(monotonicNs() + int64_t(ms) * 1000000) {
    sigevent event{};
    event.sigev_notify = SIGEV_THREAD_ID;
    event.sigev_signo = kTracerSignal;
    event._sigev_un._tid = ::gettid();
    if (::timer_create(CLOCK_MONOTONIC, &event, &m_timer) != 0)
        return;
    m_armed = true;
    itimerspec when{};
    when.it_value.tv_sec = ms / 1000;
    when.it_value.tv_nsec = long(ms % 1000) * 1000000;
    // Again every 100 ms after that: a signal that arrives while the thread is not in
    // waitpid() is not lost for good.
    when.it_interval.tv_nsec = 100 * 1000000L;
    ::timer_settime(m_timer, 0, &when, nullptr);
}

DeadlineSignal::~DeadlineSignal() {
    if (m_armed)
        ::timer_delete(m_timer);
}

bool DeadlineSignal::passed() const {
    return monotonicNs() >= m_deadlineNs;
}

}  // namespace ss::tracer
