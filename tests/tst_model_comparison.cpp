// SPDX-License-Identifier: GPL-3.0-or-later
// The IO-models comparison: the three scripted clients (one slow) against each model's preset,
// with what a teacher reads off the table: who was served while the slow client held its
// connection, how long the second client waited, the threads, the CPU and the system calls.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>

#include "core/load/scripted_clients.h"
#include "core/models/model_comparison.h"
#include "core/net/endpoint.h"
#include "core/net/platform.h"

using namespace ss;

namespace {

// Long enough that a server serving side by side answers clients 2 and 3 well within it, even
// under a sanitizer on a loaded machine.
constexpr std::chrono::milliseconds kHold{1000};

ModelRun run(const std::string& preset) {
    ModelRun r = runModel(preset, kHold);
    EXPECT_EQ(r.error, "") << preset;
    for (const ScriptedClient& c : r.clients.clients)
        EXPECT_EQ(c.error, "") << preset;
    return r;
}

// The run took at least the hold, so the rates are over a real interval.
void expectMeasured(const ModelRun& r) {
    EXPECT_GE(r.seconds, 0.9 * std::chrono::duration<double>(kHold).count());
    EXPECT_GT(r.calls, 0u);
    EXPECT_GE(r.cpuPercent, 0.0);
}

}  // namespace

TEST(ModelComparison, ComparesTheChaptersModelsInItsOrder) {
    const std::vector<std::string> presets = comparedPresets();
#ifdef __linux__
    EXPECT_EQ(presets, (std::vector<std::string>{"io-blocking", "io-threaded", "io-nonblocking",
                                                 "io-select"}));
#else
    EXPECT_EQ(presets, std::vector<std::string>{"io-select"});
#endif
}

TEST(ModelComparison, SelectServesAllThreeWhileTheSlowClientHoldsOnOneThread) {
    const ModelRun r = run("io-select");
    EXPECT_EQ(r.model, IoModel::Multiplexed);
    EXPECT_EQ(r.clients.served(), 3);
    EXPECT_EQ(r.clients.servedWhileSlowHeld(), 3);
    EXPECT_TRUE(r.clients.clients[1].servedWhileSlowHeld);
    EXPECT_GE(r.clients.clients[1].waitMs, 0.0);
    EXPECT_EQ(r.threads, 1u);
    EXPECT_LT(r.cpuPercent, 20.0);
    expectMeasured(r);
    // Client 2 came and went while client 1 held its connection.
    const ScriptedClient& second = r.clients.clients[1];
    EXPECT_GE(second.sentAtMs, r.clients.holdFromMs);
    EXPECT_LT(second.closedAtMs, r.clients.holdToMs);
    EXPECT_GE(r.clients.holdToMs - r.clients.holdFromMs, 0.9 * double(kHold.count()));
}

// Nothing listens: every client says why it was not served, and the run ends at once rather
// than waiting out the hold.
TEST(ModelComparison, ClientsThatCannotConnectSayWhy) {
    initSocketPlatform();
    const NativeSocket probe = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_storage addr{};
    socklen_t len = 0;
    ASSERT_TRUE(toSockaddr(Endpoint{"127.0.0.1", 0}, &addr, &len, nullptr));
    ASSERT_EQ(::bind(probe, reinterpret_cast<sockaddr*>(&addr), len), 0);
    const std::string local = localAddress(probe);
    ClientScript script;
    script.port = uint16_t(std::stoi(local.substr(local.rfind(':') + 1)));
    script.slowHold = std::chrono::seconds(30);
    const auto before = std::chrono::steady_clock::now();
    const ScriptOutcome out = runClientScript(script);  // bound but not listening: refused
    closeSocket(probe);
    EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::seconds(10));
    EXPECT_EQ(out.served(), 0);
    for (const ScriptedClient& c : out.clients) {
        EXPECT_EQ(c.error.rfind("connect: ", 0), 0u) << c.error;
        EXPECT_LT(c.waitMs, 0.0);
    }
}

#ifdef __linux__
// The second client is answered only once the slow one has gone: after the hold.
TEST(ModelComparison, BlockingServesTheOthersOnlyAfterTheSlowClientLeft) {
    const ModelRun r = run("io-blocking");
    EXPECT_EQ(r.model, IoModel::Blocking);
    EXPECT_EQ(r.clients.served(), 3);
    EXPECT_EQ(r.clients.servedWhileSlowHeld(), 1);
    EXPECT_TRUE(r.clients.clients[0].servedWhileSlowHeld);
    EXPECT_FALSE(r.clients.clients[1].servedWhileSlowHeld);
    EXPECT_FALSE(r.clients.clients[2].servedWhileSlowHeld);
    // Client 2 sent while client 1 held, and was answered only after the hold.
    EXPECT_LT(r.clients.clients[1].sentAtMs, r.clients.holdToMs);
    EXPECT_GT(r.clients.clients[1].sentAtMs + r.clients.clients[1].waitMs, r.clients.holdToMs);
    EXPECT_EQ(r.threads, 1u);
    EXPECT_LT(r.cpuPercent, 20.0);
    expectMeasured(r);
}

TEST(ModelComparison, ThreadedServesAllThreeWithAThreadEach) {
    const ModelRun r = run("io-threaded");
    EXPECT_EQ(r.model, IoModel::Threaded);
    EXPECT_EQ(r.clients.servedWhileSlowHeld(), 3);
    // The accepting thread and the slow client's thread, and at least one more; the third
    // may start after the second has ended.
    EXPECT_GE(r.threads, 3u);
    EXPECT_LE(r.threads, 4u);
    EXPECT_LT(r.cpuPercent, 20.0);
    expectMeasured(r);
}

// The non-blocking loop serves everyone too, at the price of a core spent on EAGAIN.
TEST(ModelComparison, NonBlockingServesAllThreeAndSpinsOnEagain) {
    const ModelRun nonBlocking = run("io-nonblocking");
    EXPECT_EQ(nonBlocking.model, IoModel::NonBlocking);
    EXPECT_EQ(nonBlocking.clients.servedWhileSlowHeld(), 3);
    EXPECT_EQ(nonBlocking.threads, 1u);
    EXPECT_GT(nonBlocking.cpuPercent, 20.0);
    expectMeasured(nonBlocking);
    // A blocking server makes a few calls per client; this one tries accept() and recv() again
    // and again.
    EXPECT_GT(nonBlocking.callsPerSecond, 10000.0);
}
#endif
