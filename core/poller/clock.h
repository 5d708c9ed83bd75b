// SPDX-License-Identifier: GPL-3.0-or-later
// The engine's one clock: monotonic nanoseconds, cheap enough to read twice per wait call.
#pragma once

#include <chrono>
#include <cstdint>

namespace ss {

inline int64_t monotonicNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

}  // namespace ss
