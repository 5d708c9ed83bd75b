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

    // After every wait call, with what its iteration showed and the thread's CPU time so far
    // (read only when a window ends: cpuNs is called then). Returns true when this call ended
    // the first spinning window of a run of them: the moment to report it.
    template <typename CpuNs>
    bool note(int64_t nowNs, SpinSign sign, CpuNs cpuNs) {
        ++m_calls;
        if (sign.reason != SpinReason::None) {
            ++m_spins;
            m_sign = sign;
        }
        if (m_windowStartNs == 0) {
            m_windowStartNs = nowNs;
            m_windowCpuNs = cpuNs();
        }
        if (nowNs - m_windowStartNs < kWindowNs)
            return false;
        return endWindow(nowNs, cpuNs());
    }

    bool spinning() const { return m_spinning; }
    SpinSign sign() const { return m_spinningSign; }
    // Over the last whole window.
    double callsPerSecond() const { return m_callsPerSecond; }
    double cpuPercent() const { return m_cpuPercent; }

private:
    bool endWindow(int64_t nowNs, int64_t cpuNs);

    int64_t m_windowStartNs = 0;
    int64_t m_windowCpuNs = 0;
    uint32_t m_calls = 0, m_spins = 0;
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
