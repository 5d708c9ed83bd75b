// SPDX-License-Identifier: GPL-3.0-or-later
// The hand-off ring between the engine thread and its watcher: records come out as they went
// in, wrap-around works, a full ring drops and counts instead of blocking, and one producer
// with one consumer on two threads lose nothing when there is room.
#include <gtest/gtest.h>

#include <thread>

#include "core/trace/trace_ring.h"

using namespace ss;

namespace {

CallDraft draftWith(std::vector<int32_t> read, std::vector<int32_t> ready) {
    CallDraft d;
    d.inRead = std::move(read);
    d.readyRead = std::move(ready);
    d.startNs = 5000;
    d.durationNs = 1234;
    d.timeoutMs = 1000;
    d.ret = int32_t(d.readyRead.size());
    return d;
}

SocketEvent eventNumbered(uint64_t n) {
    SocketEvent e;
    e.number = n;
    e.kind = EventKind::Recv;
    e.fd = 7;
    e.bytes = int64_t(n);
    return e;
}

}  // namespace

TEST(TraceRing, CallRecordsRoundTrip) {
    TraceRing ring(4096);
    CallDraft d = draftWith({3, 4, 9}, {9});
    d.inExcept = {3};
    d.readyHangup = {4};
    ASSERT_TRUE(ring.pushCall(42, BackendKind::Poll, d, 1000));
    std::vector<CallRecord> out;
    EXPECT_EQ(ring.drain([&](const CallRecord& c) { out.push_back(c); }, nullptr), 1u);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].number, 42u);
    EXPECT_EQ(out[0].backend, BackendKind::Poll);
    EXPECT_EQ(out[0].startNs, 4000);
    EXPECT_EQ(out[0].durationNs, 1234);
    EXPECT_EQ(out[0].inRead, (std::vector<int32_t>{3, 4, 9}));
    EXPECT_EQ(out[0].inExcept, (std::vector<int32_t>{3}));
    EXPECT_EQ(out[0].readyRead, (std::vector<int32_t>{9}));
    EXPECT_EQ(out[0].readyHangup, (std::vector<int32_t>{4}));
    EXPECT_TRUE(out[0].inWrite.empty());
}

TEST(TraceRing, EventsKeepPreviewAndText) {
    TraceRing ring(4096);
    SocketEvent e = eventNumbered(1);
    const std::string binary("a\0b\xff", 4);
    ASSERT_TRUE(ring.pushEvent(e, binary, "127.0.0.1:5555"));
    std::vector<SocketEvent> out;
    ring.drain(nullptr, [&](const SocketEvent& ev) { out.push_back(ev); });
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].preview, binary);
    EXPECT_EQ(out[0].text, "127.0.0.1:5555");
    EXPECT_EQ(out[0].fd, 7);
}

TEST(TraceRing, PreviewIsCappedAtKPreviewBytes) {
    TraceRing ring(4096);
    ASSERT_TRUE(ring.pushEvent(eventNumbered(1), std::string(1000, 'z'), {}));
    ring.drain(nullptr, [](const SocketEvent& ev) { EXPECT_EQ(ev.preview.size(), kPreviewBytes); });
}

TEST(TraceRing, FullRingDropsAndCounts) {
    TraceRing ring(4096);
    int pushed = 0;
    while (ring.pushEvent(eventNumbered(uint64_t(pushed)), "payload", {}))
        ++pushed;
    EXPECT_GT(pushed, 10);
    EXPECT_EQ(ring.dropped(), 1u);
    EXPECT_FALSE(ring.pushEvent(eventNumbered(0), {}, {}));
    EXPECT_EQ(ring.dropped(), 2u);
    EXPECT_EQ(ring.drain(nullptr, nullptr), size_t(pushed));
    EXPECT_TRUE(ring.pushEvent(eventNumbered(0), {}, {}));  // room again
}

TEST(TraceRing, WrapsAroundInOrder) {
    TraceRing ring(4096);
    uint64_t next = 0, expected = 0;
    for (int round = 0; round < 50; ++round) {
        for (int i = 0; i < 7; ++i)
            ASSERT_TRUE(ring.pushEvent(eventNumbered(next++), "abcdefghij", {}));
        ring.drain(nullptr, [&](const SocketEvent& ev) { EXPECT_EQ(ev.number, expected++); });
    }
    EXPECT_EQ(expected, next);
    EXPECT_EQ(ring.dropped(), 0u);
}

TEST(TraceRing, ProducerAndConsumerThreadsLoseNothingWithRoom) {
    TraceRing ring(1 << 16);
    constexpr uint64_t kCount = 200000;
    std::thread producer([&] {
        for (uint64_t i = 0; i < kCount;) {
            if (ring.pushEvent(eventNumbered(i), "x", {}))
                ++i;
            else
                std::this_thread::yield();
        }
    });
    uint64_t expected = 0;
    while (expected < kCount)
        ring.drain(nullptr, [&](const SocketEvent& ev) { ASSERT_EQ(ev.number, expected++); });
    producer.join();
    // Failed pushes were retried above, so drops are counted but every record still arrived.
    EXPECT_EQ(expected, kCount);
}

// An accept, recv or send of the IO-model servers comes out with its kind, socket and thread; a
// wait call keeps the defaults.
TEST(TraceRing, SocketCallKeepsKindFdAndThread) {
    TraceRing ring(4096);
    CallDraft d;
    d.kind = CallKind::Recv;
    d.fd = 5;
    d.thread = 3;
    d.startNs = 9000;
    d.durationNs = 777;
    d.ret = -1;
    d.err = 11;
    ASSERT_TRUE(ring.pushCall(1, BackendKind::Select, d, 1000));
    ASSERT_TRUE(ring.pushCall(2, BackendKind::Select, draftWith({3}, {}), 0));
    std::vector<CallRecord> got;
    ring.drain([&](const CallRecord& c) { got.push_back(c); }, nullptr);
    ASSERT_EQ(got.size(), 2u);
    EXPECT_EQ(got[0].kind, CallKind::Recv);
    EXPECT_EQ(got[0].fd, 5);
    EXPECT_EQ(got[0].thread, 3u);
    EXPECT_EQ(got[0].startNs, 8000);
    EXPECT_EQ(got[0].durationNs, 777);
    EXPECT_EQ(got[0].ret, -1);
    EXPECT_EQ(got[0].err, 11);
    EXPECT_TRUE(got[0].inRead.empty());
    EXPECT_EQ(got[1].kind, CallKind::Wait);
    EXPECT_EQ(got[1].fd, -1);
    EXPECT_EQ(got[1].thread, 0u);
}
