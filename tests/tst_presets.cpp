// Every preset against a client written like its tutorial's client, bytes checked exactly, with
// several clients open at once and their messages interleaved.
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "support/test_net.h"

using namespace ss;
using namespace ss::test;

namespace {

// The tutorials' clients decode with UTF-8 and print; on the wire they see exactly these bytes.
const std::string kWelcome = "欢迎访问";
const std::string kHao = "好";

}  // namespace

TEST(Presets, WelcomeGreetsOnEveryPortAndCloses) {
    auto engine = startPreset("welcome");
    ASSERT_TRUE(engine);
    const std::vector<int> ports = listenerPorts(*engine);
    ASSERT_EQ(ports.size(), 3u);
    for (int port : ports) {
        Client c = Client::connectTcp(port);
        ASSERT_TRUE(c.valid());
        EXPECT_EQ(c.recvOnce(1024), kWelcome);  // the client's single recv(1024)
    }
    // The connections are never watched: the trace shows only the listeners and the wake-up.
    Trace t;
    t.drainFrom(*engine);
    EXPECT_EQ(t.count(EventKind::Accept), 3u);
    for (const SocketEvent& e : t.events) {
        if (e.kind != EventKind::Watch) continue;
        EXPECT_NE(e.role, Role::Connection);
    }
}

TEST(Presets, GreetSuffixGreetsThenAppendsHao) {
    auto engine = startPreset("greet-suffix");
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

TEST(Presets, RwSplitRepliesThroughTheWriteSet) {
    auto engine = startPreset("rw-split");
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

TEST(Presets, EchoEchoesInterleavedClients) {
    auto engine = startPreset("echo");
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

TEST(Presets, QueueEchoUsesPerConnectionQueues) {
    auto engine = startPreset("queue-echo");
    ASSERT_TRUE(engine);
    const int port = listenerPorts(*engine).at(0);
    Client a = Client::connectTcp(port), b = Client::connectTcp(port);
    a.sendAll("123");
    b.sendAll("345");
    EXPECT_EQ(b.recvOnce(), "345");
    EXPECT_EQ(a.recvOnce(), "123");
}

TEST(Presets, UpperUppercasesAsciiOnly) {
    auto engine = startPreset("upper");
    ASSERT_TRUE(engine);
    const int port = listenerPorts(*engine).at(0);
    Client c = Client::connectTcp(port);
    c.sendAll("hello, 世界 abc");
    EXPECT_EQ(c.recvOnce(), "HELLO, 世界 ABC");
}

TEST(Presets, UdpUpperAnswersEachDatagramToItsSender) {
    auto engine = startPreset("udp-upper");
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

TEST(Presets, FramedFileSendsLengthHeaderAndBytes) {
    const auto dir = std::filesystem::temp_directory_path() / "ss_tst_presets_files";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "a.txt", std::ios::binary) << "hello file";
    EngineConfig config;
    config.serveDir = dir.string();
    auto engine = startPreset("framed-file", config);
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

TEST(Presets, HttpAnswersGetWithStatsAndRejectsGarbage) {
    auto engine = startPreset("http");
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

TEST(Presets, ChatBroadcastsToEveryOtherClient) {
    auto engine = startPreset("chat");
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

TEST(Presets, EveryTutorialPortIsKept) {
    EXPECT_EQ(findPreset("welcome")->listeners.at(2).endpoint.port, 9993);
    EXPECT_EQ(findPreset("greet-suffix")->listeners.at(0).endpoint.port, 9991);
    EXPECT_EQ(findPreset("echo")->listeners.at(0).endpoint.port, 8000);
    EXPECT_EQ(findPreset("queue-echo")->listeners.at(0).endpoint.port, 9999);
    EXPECT_EQ(findPreset("upper")->listeners.at(0).endpoint.port, 8080);
    EXPECT_TRUE(findPreset("udp-upper")->listeners.at(0).udp);
    EXPECT_EQ(findPreset("framed-file")->listeners.at(0).endpoint.port, 8080);
}
