// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/load/latency_histogram.h"

#include <algorithm>
#include <cmath>

namespace ss {

int LatencyHistogram::bucketOf(uint64_t ns) {
    constexpr uint64_t kSub = uint64_t{1} << kSubBits;
    if (ns < kSub)
        return static_cast<int>(ns);
    int msb = 63;
    while (!(ns >> msb))
        --msb;
    if (msb > kMaxExponent)
        return kBucketCount - 1;
    const auto sub = static_cast<int>((ns >> (msb - kSubBits)) & (kSub - 1));
    return ((msb - kSubBits + 1) << kSubBits) + sub;
}

uint64_t LatencyHistogram::upperBoundOf(int bucket) {
    constexpr int kSub = 1 << kSubBits;
    if (bucket < kSub)
        return static_cast<uint64_t>(bucket);
    const int msb = (bucket >> kSubBits) + kSubBits - 1;
    const uint64_t width = uint64_t{1} << (msb - kSubBits);
    const uint64_t lower = static_cast<uint64_t>(kSub + (bucket & (kSub - 1))) * width;
    return lower + width - 1;
}

void LatencyHistogram::addTo(Counts* out) const {
    for (size_t i = 0; i < m_counts.size(); ++i)
        (*out)[i] += m_counts[i].load(std::memory_order_relaxed);
}

double percentileUs(const LatencyHistogram::Counts& counts, double percentile) {
    uint64_t total = 0;
    for (uint64_t n : counts)
        total += n;
    if (total == 0)
        return 0;
    // The rank of the wanted sample, 1-based; p100 is the last sample.
    const auto rank = std::max<uint64_t>(
        1, static_cast<uint64_t>(std::llround(percentile / 100.0 * double(total))));
    uint64_t seen = 0;
    for (size_t i = 0; i < counts.size(); ++i) {
        seen += counts[i];
        if (seen >= rank)
            return LatencyHistogram::upperBoundOf(static_cast<int>(i)) / 1000.0;
    }
    return LatencyHistogram::upperBoundOf(LatencyHistogram::kBucketCount - 1) / 1000.0;
}

}  // namespace ss
