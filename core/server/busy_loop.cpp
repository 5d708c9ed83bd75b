// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/server/busy_loop.h"

#include "core/trace/engine_text.h"

#ifdef _WIN32
#include <windows.h>
#else
#include <time.h>
#endif

namespace ss {

bool BusyLoopDetector::endWindow(int64_t nowNs, int64_t cpuNs) {
    const double seconds = double(nowNs - m_windowStartNs) / 1e9;
    m_callsPerSecond = double(m_calls) / seconds;
    m_cpuPercent = cpuNs > 0 ? 100.0 * double(cpuNs - m_windowCpuNs) / 1e9 / seconds : 0;
    const bool wasSpinning = m_spinning;
    m_spinning = m_spins >= kMinSpinningCalls && uint64_t(m_spins) * 10 >= uint64_t(m_calls) * 9;
    if (m_spinning)
        m_spinningSign = m_sign;
    m_windowStartNs = nowNs;
    m_windowCpuNs = cpuNs;
    m_calls = m_spins = 0;
    m_sign = {};
    return m_spinning && !wasSpinning;
}

std::string spinText(SpinSign sign) {
    switch (sign.reason) {
        case SpinReason::EofNeverClosed:
            return engineText(TextId::SpinEofNeverClosed, {std::to_string(sign.fd)});
        case SpinReason::WritableNothingQueued:
            return engineText(TextId::SpinWritableNothingQueued, {std::to_string(sign.fd)});
        case SpinReason::ZeroTimeoutIdle:
        case SpinReason::None:
            break;
    }
    return engineText(TextId::SpinZeroTimeout);
}

int64_t threadCpuNs() {
#ifdef _WIN32
    FILETIME created, exited, kernel, user;
    if (!GetThreadTimes(GetCurrentThread(), &created, &exited, &kernel, &user))
        return 0;
    auto ticks = [](const FILETIME& t) {
        return (int64_t(t.dwHighDateTime) << 32) | int64_t(t.dwLowDateTime);
    };
    return (ticks(kernel) + ticks(user)) * 100;  // 100 ns units
#else
    timespec ts{};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
        return 0;
    return int64_t(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
#endif
}

}  // namespace ss
