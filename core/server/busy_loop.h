// SPDX-License-Identifier: GPL-3.0-or-later
// Finds a loop that spins: wait calls that come back at once with something ready that the
// server does not act on, e.g. a socket readable at EOF that is never closed, a socket in the
// write set with nothing to write, or a zero timeout with nothing to do. The loop reports what
// each iteration showed; the detector judges over windows of a quarter second, so that a single
// spurious wake-up never counts, and a spinning loop is named within one window.
#pragma once

#include <cstdint>
#include <string>

#include "core/trace/trace_types.h"

namespace ss {

// What one iteration showed: the first descriptor that was ready without being acted on.
struct SpinSign {
    SpinReason reason = SpinReason::None;
    int32_t fd = -1;
};

class BusyLoopDetector {
public:
    static constexpr int64_t kWindowNs = 250 * 1000000LL;
    // A window counts as spinning when at least this many of its calls, and nine in ten of
    // them, showed a sign. A loop that waits with a timeout cannot reach it.
    static constexpr uint32_t kMinSpinningCalls = 100;

    // The clock is read once every kClockEvery calls, and after every call that may have waited
    // out its timeout: a busy loop makes thousands of calls per window, and a loop under load
    // need not pay a clock read per round trip.
    static constexpr uint32_t kClockEvery = 16;

    enum class Verdict : uint8_t {
        Nothing,      // the window goes on
        WindowEnded,  // a window ended: the rates and the spinning state are new
        Spinning,     // a window ended, and it is the first spinning one of a run: report it
    };

    // After every wait call, with what its iteration showed and whether the call may have
    // blocked (it timed out with a non-zero timeout). Reads the clock and the thread's CPU time
    // itself, only when it needs them.
    Verdict note(SpinSign sign, bool mayHaveWaited) {
        ++m_calls;
        if (sign.reason != SpinReason::None) {
            ++m_spins;
            m_sign = sign;
        }
        if (--m_untilClock != 0 && !mayHaveWaited)
            return Verdict::Nothing;
        return readClock();
    }

    bool spinning() const { return m_spinning; }
    SpinSign sign() const { return m_spinningSign; }
    // Over the last whole window.
    double callsPerSecond() const { return m_callsPerSecond; }
    double cpuPercent() const { return m_cpuPercent; }

private:
    Verdict readClock();

    int64_t m_windowStartNs = 0;
    int64_t m_windowCpuNs = 0;
    uint32_t m_calls = 0, m_spins = 0;
    uint32_t m_untilClock = 1;
    SpinSign m_sign;
    bool m_spinning = false;
    SpinSign m_spinningSign;
    double m_callsPerSecond = 0;
    double m_cpuPercent = 0;
};

// "fd 4 readable at EOF and never closed": the engine's sentence (engine_text.h) for a sign.
std::string spinText(SpinSign sign);

// CPU time the calling thread has used, in nanoseconds; 0 where the platform cannot say.
int64_t threadCpuNs();

}  // namespace ss
