// SPDX-License-Identifier: GPL-3.0-or-later
// Round-trip latencies for the load generator, in a fixed set of log-linear buckets. A fixed
// array means recording never allocates and two snapshots can be subtracted bucket by bucket
// (which is how a warm-up phase is cut off); the price is a resolution of 1/16 of the value.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>

namespace ss {

// Round-trip latencies in a fixed set of log-linear buckets: 16 linear steps per power of two,
// so any value is known to within 1/16 (6 %) and recording costs no allocation. Values are in
// nanoseconds; the range ends at 2^41 ns (about 36 minutes), where everything larger is clamped.
class LatencyHistogram {
public:
    static constexpr int kSubBits = 4;
    static constexpr int kMaxExponent = 40;
    static constexpr int kBucketCount = (kMaxExponent - kSubBits + 2) << kSubBits;
    using Counts = std::array<uint64_t, kBucketCount>;

    static int bucketOf(uint64_t ns);
    // The largest value that falls into a bucket: percentiles are reported conservatively.
    static uint64_t upperBoundOf(int bucket);

    // Only the owning load thread records; the relaxed load+store avoids a locked instruction
    // per round trip while still letting other threads read a torn-free snapshot.
    void record(uint64_t ns) {
        auto& slot = m_counts[static_cast<size_t>(bucketOf(ns))];
        slot.store(slot.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    }
    void addTo(Counts* out) const;

private:
    std::array<std::atomic<uint64_t>, kBucketCount> m_counts{};
};

// A percentile (0..100) of a set of counts in microseconds; zero when there are none.
double percentileUs(const LatencyHistogram::Counts& counts, double percentile);

}  // namespace ss
