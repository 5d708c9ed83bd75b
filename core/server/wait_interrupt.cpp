// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/server/wait_interrupt.h"

#include <cerrno>
#include <mutex>

namespace ss {

#ifdef __linux__

namespace {

constexpr int kInterruptSignal = SIGUSR2;

extern "C" void onInterruptSignal(int) {}

// Once per process: a handler that does nothing, without SA_RESTART (the signal-aware wait
// calls are never restarted anyway). Without a handler the signal's default action would end
// the process.
void installHandler() {
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction action {};
        action.sa_handler = onInterruptSignal;
        sigemptyset(&action.sa_mask);
        sigaction(kInterruptSignal, &action, nullptr);
    });
}

}  // namespace

WaitInterrupt::WaitInterrupt() {
    installHandler();
}

bool WaitInterrupt::valid() const {
    return true;
}

NativeSocket WaitInterrupt::descriptor() const {
    return kInvalidSocket;
}

void WaitInterrupt::attachLoopThread() {
    sigset_t block;
    sigemptyset(&block);
    sigaddset(&block, kInterruptSignal);
    pthread_sigmask(SIG_BLOCK, &block, &m_waitMask);
    sigdelset(&m_waitMask, kInterruptSignal);
    m_loopThread = pthread_self();
}

void WaitInterrupt::prepare(Poller& poller) const {
    poller.setWaitMask(&m_waitMask);
}

void WaitInterrupt::interrupt() {
    if (m_sent.load())
        return;  // already sent during this call
    // Dekker's order: announce the signal, then look. Either leaveWait() sees m_sent, or this
    // sees that the loop has left the call and takes the announcement back.
    m_sent.store(true);
    if (m_inWait.load())
        pthread_kill(m_loopThread, kInterruptSignal);
    else
        m_sent.store(false);
}

void WaitInterrupt::leaveWait(std::mutex& commandLock) {
    m_inWait.store(false);
    if (!m_sent.load())
        return;
    // The poster holds the lock until it has sent or taken back: after locking, m_sent is final.
    std::lock_guard<std::mutex> lock(commandLock);
    if (!m_sent.exchange(false))
        return;
    // Either the call received the signal (EINTR; the handler ran) or it is pending: consume it.
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, kInterruptSignal);
    const timespec zero{0, 0};
    while (sigtimedwait(&only, nullptr, &zero) < 0 && errno == EINTR) {
    }
}

void WaitInterrupt::drain() {}

#else

WaitInterrupt::WaitInterrupt() = default;

bool WaitInterrupt::valid() const {
    return m_wakeup.valid();
}

NativeSocket WaitInterrupt::descriptor() const {
    return m_wakeup.fd();
}

void WaitInterrupt::attachLoopThread() {}

void WaitInterrupt::prepare(Poller& /*poller*/) const {}

void WaitInterrupt::interrupt() {
    if (m_inWait.load())
        m_wakeup.signal();
}

void WaitInterrupt::leaveWait(std::mutex& /*commandLock*/) {
    m_inWait.store(false);
}

void WaitInterrupt::drain() {
    m_wakeup.drain();
}

#endif

}  // namespace ss
