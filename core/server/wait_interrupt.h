// SPDX-License-Identifier: GPL-3.0-or-later
// How another thread (a command: Stop, Pause, a new listener) interrupts the loop's blocked wait
// call, without adding anything of its own to the sets the server passes.
//
// Linux: a signal. The loop thread keeps kInterruptSignal (SIGUSR2) blocked at all times except
// inside the wait call, which the backends make with pselect(), ppoll() or epoll_pwait() and the
// mask that unblocks it (Poller::setWaitMask). The kernel swaps the mask in and out atomically
// with the call, so a signal sent just before the call starts stays pending and cuts the call
// short the moment it starts: nothing is lost, and nothing is polled. The interrupted call
// returns -1 with EINTR, and the trace shows exactly that, as strace does (with a line
// "--- SIGUSR2 {si_code=SI_TKILL ...} ---"). The handler does nothing; the command queue says
// what to do. The sets hold only the server's listeners and connections, numbered from 3 as in
// the tutorial's own server.
//
// Elsewhere: the wake-up descriptor (wakeup.h), watched for reading like a socket and labelled
// "wakeup" in the trace. Windows has no signals, and macOS's pselect() is emulated in libc
// (mask, select, mask), so a signal between the steps would be lost.
//
// Protocol (EventLoop): the loop calls enterWait() under the command lock once it has found the
// queue empty, and leaveWait() right after the call returns; a poster calls interrupt() under
// the same lock after queueing a command. Only a loop that is in (or about to enter) a wait
// call is interrupted, and leaveWait() takes back a signal that arrived after the call had
// already returned, so that it cannot cut the next call short.
#pragma once

#include <atomic>
#include <mutex>

#include "core/net/platform.h"
#include "core/poller/poller.h"

#ifdef __linux__
#include <pthread.h>
#include <signal.h>
#else
#include "core/server/wakeup.h"
#endif

namespace ss {

class WaitInterrupt {
public:
    WaitInterrupt();
    WaitInterrupt(const WaitInterrupt&) = delete;
    WaitInterrupt& operator=(const WaitInterrupt&) = delete;

    bool valid() const;
    // The descriptor the loop must watch for reading, or kInvalidSocket where a signal is used.
    NativeSocket descriptor() const;

    // On the loop thread, before its first wait call.
    void attachLoopThread();
    // Gives a poller (the first, or one switched to) what its wait call needs.
    void prepare(Poller& poller) const;

    // The loop thread, with the command lock held, having found no command queued.
    void enterWait() { m_inWait.store(true); }
    // The loop thread, right after the wait call returned, without the lock.
    void leaveWait(std::mutex& commandLock);
    // Any thread, with the command lock held, after queueing a command.
    void interrupt();
    // The loop thread, when the wake-up descriptor was readable.
    void drain();

private:
#ifdef __linux__
    pthread_t m_loopThread{};
    sigset_t m_waitMask{};
    // Set by interrupt() before it decides to send; cleared under the lock by leaveWait(), or
    // by interrupt() itself when the loop had already left the call.
    std::atomic<bool> m_sent{false};
#else
    Wakeup m_wakeup;
#endif
    std::atomic<bool> m_inWait{false};
};

}  // namespace ss
