// SPDX-License-Identifier: GPL-3.0-or-later
// Every preset against a client written like its tutorial's client, bytes checked exactly, with
// several clients open at once and their messages interleaved, on every backend the platform has
// (a teacher may pick any of them, or switch while a lesson runs).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "tests/support/test_net.h"

using namespace ss;
using namespace ss::test;

namespace {

// The tutorials' clients decode with UTF-8 and print; on the wire they see exactly these bytes.
const std::string kWelcome = "欢迎访问";
const std::string kHao = "好";

class Presets : public ::testing::TestWithParam<BackendKind> {
protected:
    std::unique_ptr<Engine> start(const std::string& name, EngineConfig config = {}) {
        config.backend = GetParam();
        return startPreset(name, std::move(config));
    }
};

}  // namespace

TEST_P(Presets, WelcomeGreetsOnEveryPortAndCloses) {
    auto engine = start("welcome");
    ASSERT_TRUE(engine);
    const std::vector<int> ports = listenerPorts(*engine);
    ASSERT_EQ(ports.size(), 3u);
    for (int port : ports) {
        Client c = Client::connectTcp(port);
        ASSERT_TRUE(c.valid());
        EXPECT_EQ(c.recvOnce(1024), kWelcome);  // the client's single recv(1024)
    }
    // The connections are never watched: only the listeners (and, where the platform needs
    // one, the wake-up descriptor) are.
    Trace t;
    t.drainFrom(*engine);
    EXPECT_EQ(t.count(EventKind::Accept), 3u);
    for (const SocketEvent& e : t.events) {
        if (e.kind != EventKind::Watch)
            continue;
        EXPECT_NE(e.role, Role::Connection);
    }
}

TEST_P(Presets, GreetSuffixGreetsThenAppendsHao) {
    auto engine = start("greet-suffix");
    ASSERT_TRUE(engine);
    const int port = listenerPorts(*engine).at(0);
    Client a = Client::connectTcp(port), b = Client::connectTcp(port);
    EXPECT_EQ(a.recvOnce(), "你好");
    EXPECT_EQ(b.recvOnce(), "你好");
    a.sendAll("hello");
    b.sendAll("世界");
    EXPECT_EQ(b.recvOnce(), "世界" + kHao);
    EXPECT_EQ(a.recvOnce(), "hello" + kHao);
    a.sendAll("again");
    EXPECT_EQ(a.recvOnce(), "again" + kHao);
}

TEST_P(Presets, RwSplitRepliesThroughTheWriteSet) {
    auto engine = start("rw-split");
    ASSERT_TRUE(engine);
    const int port = listenerPorts(*engine).at(0);
    Client a = Client::connectTcp(port), b = Client::connectTcp(port);
    a.sendAll("一");
    b.sendAll("two");
    EXPECT_EQ(a.recvOnce(), "一" + kHao);
    EXPECT_EQ(b.recvOnce(), "two" + kHao);
    // The reply was queued and written when the socket showed up in a call's write set.
    Trace t;
    t.drainFrom(*engine);
    bool sawWriteSet = false;
    for (const CallRecord& c : t.calls)
        sawWriteSet |= !c.readyWrite.empty();
    EXPECT_TRUE(sawWriteSet);
    EXPECT_GE(t.count(EventKind::QueueChange), 2u);
    // The listener and the connections are in the except set, as in select(lib, lib2, lib, 1).
    ASSERT_FALSE(t.calls.empty());
    EXPECT_GE(t.calls.back().inExcept.size(), 3u);
}

TEST_P(Presets, EchoEchoesInterleavedClients) {
    auto engine = start("echo");
    ASSERT_TRUE(engine);
    const int port = listenerPorts(*engine).at(0);
    std::vector<Client> clients;
    for (int i = 0; i < 5; ++i)
        clients.push_back(Client::connectTcp(port));
    for (int round = 0; round < 3; ++round)
        for (size_t i = 0; i < clients.size(); ++i) {
            const std::string msg = "c" + std::to_string(i) + "r" + std::to_string(round);
            clients[i].sendAll(msg);
            EXPECT_EQ(clients[i].recvOnce(), msg);
        }
}

TEST_P(Presets, QueueEchoUsesPerConnectionQueues) {
    auto engine = start("queue-echo");
    ASSERT_TRUE(engine);
    const int port = listenerPorts(*engine).at(0);
    Client a = Client::connectTcp(port), b = Client::connectTcp(port);
    a.sendAll("123");
    b.sendAll("345");
    EXPECT_EQ(b.recvOnce(), "345");
    EXPECT_EQ(a.recvOnce(), "123");
}

TEST_P(Presets, UpperUppercasesAsciiOnly) {
    auto engine = start("upper");
    ASSERT_TRUE(engine);
    const int port = listenerPorts(*engine).at(0);
    Client c = Client::connectTcp(port);
    c.sendAll("hello, 世界 abc");
    EXPECT_EQ(c.recvOnce(), "HELLO, 世界 ABC");
}

TEST_P(Presets, UdpUpperAnswersEachDatagramToItsSender) {
    auto engine = start("udp-upper");
    ASSERT_TRUE(engine);
    const int port = listenerPorts(*engine).at(0);
    Client a = Client::udp(), b = Client::udp();
    a.sendTo(port, "hello");
    b.sendTo(port, "world");
    EXPECT_EQ(a.recvFrom(), "HELLO");
    EXPECT_EQ(b.recvFrom(), "WORLD");
    a.sendTo(port, "");  // a zero-length datagram is a datagram, answered with one
    EXPECT_EQ(a.recvFrom(), "");
    a.sendTo(port, "again");
    EXPECT_EQ(a.recvFrom(), "AGAIN");
}

TEST_P(Presets, UdpUpperTruncatesLongDatagramsAsRecvfrom1024Does) {
    auto engine = start("udp-upper");
    ASSERT_TRUE(engine);
    const int port = listenerPorts(*engine).at(0);
    Client c = Client::udp();
    c.sendTo(port, std::string(3000, 'a'));
    EXPECT_EQ(c.recvFrom(4096), std::string(1024, 'A'));
    c.sendTo(port, "next");  // the socket goes on
    EXPECT_EQ(c.recvFrom(), "NEXT");
    Trace t;
    ASSERT_TRUE(waitUntil([&] {
        t.drainFrom(*engine);
        return t.count(EventKind::Datagram) == 2;
    }));
    // The first datagram event is the long one: its first 1024 bytes, and the truncation named.
    auto first = std::find_if(t.events.begin(), t.events.end(),
                              [](const SocketEvent& e) { return e.kind == EventKind::Datagram; });
    ASSERT_NE(first, t.events.end());
    EXPECT_EQ(first->bytes, 1024);
    EXPECT_NE(first->text.find("truncated"), std::string::npos) << first->text;
}

TEST_P(Presets, FramedFileSendsLengthHeaderAndBytes) {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("ss_tst_presets_files_" + std::string(backendName(GetParam())));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "a.txt", std::ios::binary) << "hello file";
    EngineConfig config;
    config.serveDir = dir.string();
    auto engine = start("framed-file", config);
    ASSERT_TRUE(engine);
    Client c = Client::connectTcp(listenerPorts(*engine).at(0));
    // The tutorial's client: send the path, recv(4) for the length, then the header, then data.
    for (int i = 0; i < 2; ++i) {
        c.sendAll("a.txt");
        const std::string len = c.recvExactly(4);
        ASSERT_EQ(len.size(), 4u);
        int32_t headerLen = 0;
        std::memcpy(&headerLen, len.data(), 4);
        const std::string header = c.recvExactly(size_t(headerLen));
        EXPECT_EQ(header, R"({"filename": "a.txt", "size": 10})");
        EXPECT_EQ(c.recvExactly(10), "hello file");
    }
    // A bad path gets a framed error header with size 0, and the connection stays usable.
    c.sendAll("../../etc/passwd");
    int32_t headerLen = 0;
    std::memcpy(&headerLen, c.recvExactly(4).data(), 4);
    const std::string header = c.recvExactly(size_t(headerLen));
    EXPECT_NE(header.find(R"("size": 0)"), std::string::npos) << header;
    EXPECT_NE(header.find(R"("error")"), std::string::npos) << header;
    c.sendAll("a.txt");
    const size_t headerSize = std::strlen(R"({"filename": "a.txt", "size": 10})");
    EXPECT_EQ(c.recvExactly(4 + headerSize + 10).substr(4 + headerSize), "hello file");
    std::filesystem::remove_all(dir);
}

TEST_P(Presets, HttpAnswersGetWithStatsAndRejectsGarbage) {
    auto engine = start("http");
    ASSERT_TRUE(engine);
    const int port = listenerPorts(*engine).at(0);
    Client ok = Client::connectTcp(port);
    ok.sendAll("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
    const std::string page = ok.recvUntilClosed();
    EXPECT_EQ(page.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << page.substr(0, 80);
    EXPECT_NE(page.find("Content-Length:"), std::string::npos);
    EXPECT_NE(page.find("<html"), std::string::npos);

    Client bad = Client::connectTcp(port);
    bad.sendAll(std::string("\x01\x02garbage\r\n\r\n", 13));
    EXPECT_EQ(bad.recvUntilClosed().rfind("HTTP/1.1 400 ", 0), 0u);

    Client post = Client::connectTcp(port);
    post.sendAll("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
    EXPECT_EQ(post.recvUntilClosed().rfind("HTTP/1.1 405 ", 0), 0u);
}

TEST_P(Presets, ChatBroadcastsToEveryOtherClient) {
    auto engine = start("chat");
    ASSERT_TRUE(engine);
    const int port = listenerPorts(*engine).at(0);
    Client a = Client::connectTcp(port), b = Client::connectTcp(port), c = Client::connectTcp(port);
    ASSERT_TRUE(waitUntil([&] { return engine->stats().openConnections == 3; }));
    a.sendAll("hi all");
    EXPECT_EQ(b.recvOnce(), "hi all");
    EXPECT_EQ(c.recvOnce(), "hi all");
    b.sendAll("from b");
    EXPECT_EQ(a.recvOnce(), "from b");
    EXPECT_EQ(c.recvOnce(), "from b");
}

INSTANTIATE_TEST_SUITE_P(Backends, Presets, ::testing::ValuesIn(availableBackends()),
                         [](const auto& info) { return std::string(backendName(info.param)); });

TEST(PresetTable, EveryTutorialPortIsKept) {
    EXPECT_EQ(findPreset("welcome")->listeners.at(2).endpoint.port, 9993);
    EXPECT_EQ(findPreset("greet-suffix")->listeners.at(0).endpoint.port, 9991);
    EXPECT_EQ(findPreset("echo")->listeners.at(0).endpoint.port, 8000);
    EXPECT_EQ(findPreset("queue-echo")->listeners.at(0).endpoint.port, 9999);
    EXPECT_EQ(findPreset("upper")->listeners.at(0).endpoint.port, 8080);
    EXPECT_TRUE(findPreset("udp-upper")->listeners.at(0).udp);
    EXPECT_EQ(findPreset("framed-file")->listeners.at(0).endpoint.port, 8080);
}

// The servers written with select.select start on select; the selectors server on what
// selectors.DefaultSelector would pick, the best backend this platform has.
TEST(PresetTable, EveryPresetCarriesItsTutorialsBackend) {
    for (const char* name : {"welcome", "greet-suffix", "rw-split", "echo", "queue-echo", "upper",
                             "udp-upper", "framed-file", "chat"})
        EXPECT_EQ(findPreset(name)->backend, BackendKind::Select) << name;
    EXPECT_EQ(findPreset("http")->backend, bestBackend());
#ifdef __linux__
    EXPECT_EQ(builtinPresets().size(), 14u);  // a new preset must be added above
#else
    EXPECT_EQ(builtinPresets().size(), 11u);  // io-blocking, io-threaded, io-nonblocking: Linux
#endif
}
