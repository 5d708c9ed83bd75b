// SPDX-License-Identifier: GPL-3.0-or-later
// The wake-up descriptor: how another thread interrupts the loop's wait call where no signal can
// (wait_interrupt.h; Linux uses a signal). It is watched for reading like any socket and appears
// in the trace with the role "wakeup", because it is part of what the process really passes to
// select()/poll()/kevent().
//   macOS and the BSDs: a non-blocking pipe (read end watched).
//   Windows: a connected loopback TCP pair, because select()/WSAPoll() accept only sockets.
#pragma once

#include "core/net/platform.h"

namespace ss {

class Wakeup {
public:
    Wakeup();
    ~Wakeup();
    Wakeup(const Wakeup&) = delete;
    Wakeup& operator=(const Wakeup&) = delete;

    bool valid() const { return m_readFd != kInvalidSocket; }
    NativeSocket fd() const { return m_readFd; }
    void signal();  // any thread; async-signal-safe on POSIX
    void drain();   // loop thread: consumes every pending signal

private:
    NativeSocket m_readFd = kInvalidSocket;
    NativeSocket m_writeFd = kInvalidSocket;
};

}  // namespace ss
