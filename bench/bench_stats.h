// SPDX-License-Identifier: GPL-3.0-or-later
// What the GUI benchmarks share: the process's resident memory and percentiles of samples.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace bench {

// VmRSS from /proc/self/status, in KiB; -1 where there is none.
inline long rssKiB() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::atol(line.c_str() + 6);
    return -1;
}

// The sample at fraction p (0 .. 1) of the sorted samples; 0 for none.
inline double percentile(std::vector<double> values, double p) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, static_cast<size_t>(p * double(values.size())))];
}

}  // namespace bench
