// SPDX-License-Identifier: GPL-3.0-or-later
// JsonLineWriter: exact output for each line type, and every line accepted by a real JSON
// parser (Python's), whatever bytes the trace holds.
#include <gtest/gtest.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>

#ifndef _WIN32
#include <unistd.h>
#endif

#include "core/net/platform.h"
#include "core/trace/json_lines.h"

using namespace std::string_literals;

namespace {

// The error codes the engine records: errno on POSIX, WSAGetLastError() on Windows, each with
// the name the platform gives it.
#ifdef _WIN32
constexpr int kInterrupted = WSAEINTR;
constexpr int kReset = WSAECONNRESET;
constexpr const char* kInterruptedName = "WSAEINTR";
constexpr const char* kResetName = "WSAECONNRESET";
#else
constexpr int kInterrupted = EINTR;
constexpr int kReset = ECONNRESET;
constexpr const char* kInterruptedName = "EINTR";
constexpr const char* kResetName = "ECONNRESET";
#endif

#ifndef _WIN32
// Runs a Python script over the given JSON lines and returns its output; the script reads the
// lines on stdin. A real parser is the point: it catches what a hand-written check would miss.
std::string runPython(const std::string& script, std::string_view lines) {
    char dataPath[] = "/tmp/tst_json_lines_XXXXXX";
    const int fd = mkstemp(dataPath);
    if (fd < 0)
        return "mkstemp failed";
    close(fd);
    {
        std::ofstream out(dataPath, std::ios::binary);
        out.write(lines.data(), static_cast<std::streamsize>(lines.size()));
    }
    std::string scriptPath = std::string(dataPath) + ".py";
    {
        std::ofstream out(scriptPath, std::ios::binary);
        out << script;
    }
    const std::string cmd = "python3 " + scriptPath + " < " + dataPath + " 2>&1";
    std::string result;
    if (FILE* p = popen(cmd.c_str(), "r")) {
        char buf[4096];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, p)) > 0)
            result.append(buf, n);
        if (pclose(p) != 0)
            result += "[python exited with an error]";
    }
    std::remove(dataPath);
    std::remove(scriptPath.c_str());
    return result;
}

bool havePython() {
    return std::system("python3 -c 'pass' >/dev/null 2>&1") == 0;
}
#else
std::string runPython(const std::string&, std::string_view) {
    return {};
}
bool havePython() {
    return false;
}
#endif

// Parses every line strictly and prints it back canonically (sorted keys, ASCII only).
const char* kCanonical = R"(import json, sys
for line in sys.stdin.buffer:
    text = line.decode("utf-8")  # raises on invalid UTF-8
    assert text.endswith("\n") and "\n" not in text[:-1]
    obj = json.loads(text, parse_constant=lambda c: 1 / 0)
    assert isinstance(obj, dict)
    print(json.dumps(obj, sort_keys=True, ensure_ascii=True))
)";

ss::CallRecord sampleCall() {
    ss::CallRecord c;
    c.number = 12;
    c.startNs = 1234567890;
    c.durationNs = 12300;
    c.backend = ss::BackendKind::Select;
    c.timeoutMs = 1000;
    c.ret = 2;
    c.inRead = {3, 5};
    c.inWrite = {5};
    c.readyRead = {5};
    c.readyWrite = {5};
    return c;
}

ss::SocketEvent sampleEvent(ss::EventKind kind, std::string preview) {
    ss::SocketEvent e;
    e.number = 7;
    e.timeNs = 2000999;
    e.kind = kind;
    e.fd = 5;
    e.bytes = static_cast<int64_t>(preview.size());
    e.preview = std::move(preview);
    return e;
}

std::string callLine(const ss::CallRecord& c) {
    ss::JsonLineWriter w;
    w.appendCall(c);
    return w.take();
}

std::string eventLine(const ss::SocketEvent& e) {
    ss::JsonLineWriter w;
    w.appendEvent(e);
    return w.take();
}

std::string jsonString(std::string_view bytes) {
    std::string out;
    ss::appendJsonString(out, bytes);
    return out;
}

}  // namespace

TEST(JsonLines, CallRecordWithSets) {
    EXPECT_EQ(callLine(sampleCall()),
              R"({"type":"call","n":12,"t_us":1234567,"backend":"select","timeout_ms":1000,)"
              R"("in":{"read":[3,5],"write":[5],"except":[]},"ready":{"read":[5],"write":[5],)"
              R"("except":[],"hangup":[],"error":[]},"ret":2,"errno":0,"errno_name":"",)"
              R"("blocked_us":12.3})"
              "\n");
}

// select() got the except set as NULL: null in and ready, where an empty set passed is [].
TEST(JsonLines, SetPassedAsNullIsNull) {
    ss::CallRecord c = sampleCall();
    c.nullSets = 4;  // except
    EXPECT_EQ(callLine(c),
              R"({"type":"call","n":12,"t_us":1234567,"backend":"select","timeout_ms":1000,)"
              R"("in":{"read":[3,5],"write":[5],"except":null},"ready":{"read":[5],"write":[5],)"
              R"("except":null,"hangup":[],"error":[]},"ret":2,"errno":0,"errno_name":"",)"
              R"("blocked_us":12.3})"
              "\n");
}

// epoll's interest-list changes since the previous call and the facts sampled for each ready
// descriptor: facts the platform could not sample (-1) and flags not set are left out.
TEST(JsonLines, ChangesAndWhyOnCallLines) {
    ss::CallRecord c = sampleCall();
    c.backend = ss::BackendKind::Epoll;
    c.changes = {{ss::InterestChange::Op::Add, 3, 1},
                 {ss::InterestChange::Op::Modify, 5, 3},
                 {ss::InterestChange::Op::Delete, 6, 0}};
    ss::ReadyFacts listener;
    listener.fd = 3;
    listener.acceptQueue = 2;
    ss::ReadyFacts conn;
    conn.fd = 5;
    conn.recvQueue = 5;
    conn.sendFree = 16384;
    conn.flags = ss::ReadyFacts::PeerClosed | ss::ReadyFacts::Urgent;
    ss::ReadyFacts reset;
    reset.fd = 7;
    reset.recvQueue = 0;
    reset.flags = ss::ReadyFacts::Reset;
    c.why = {listener, conn, reset};
    const std::string line = callLine(c);
    const std::string tail =
        R"("blocked_us":12.3,"changes":[{"op":"add","fd":3,"interest":1},)"
        R"({"op":"modify","fd":5,"interest":3},{"op":"delete","fd":6,"interest":0}],)"
        R"("why":[{"fd":3,"accept_queue":2},)"
        R"({"fd":5,"recv_queue":5,"send_free":16384,"peer_closed":true,"urgent":true},)"
        R"({"fd":7,"recv_queue":0,"reset":true}]})"
        "\n";
    ASSERT_GE(line.size(), tail.size());
    EXPECT_EQ(line.substr(line.size() - tail.size()), tail) << line;
    if (havePython()) {
        EXPECT_EQ(runPython(kCanonical, line).substr(0, 1), "{") << line;
    }
}

// An edge-triggered registration (--epoll-mode et, et-drain) says "et":true; a level-triggered
// one says nothing more than before.
TEST(JsonLines, EdgeTriggeredChangesSayEt) {
    ss::CallRecord c = sampleCall();
    c.backend = ss::BackendKind::Epoll;
    c.changes = {{ss::InterestChange::Op::Add, 4, 1, true},
                 {ss::InterestChange::Op::Modify, 4, 3, true},
                 {ss::InterestChange::Op::Add, 5, 1, false}};
    const std::string line = callLine(c);
    const std::string tail =
        R"("blocked_us":12.3,"changes":[{"op":"add","fd":4,"interest":1,"et":true},)"
        R"({"op":"modify","fd":4,"interest":3,"et":true},{"op":"add","fd":5,"interest":1}]})"
        "\n";
    ASSERT_GE(line.size(), tail.size());
    EXPECT_EQ(line.substr(line.size() - tail.size()), tail) << line;
    if (havePython()) {
        EXPECT_EQ(runPython(kCanonical, line).substr(0, 1), "{") << line;
    }
}

// Nothing changed and nothing was sampled (select, or --trace without a watcher of facts): the
// keys are absent, not empty.
TEST(JsonLines, NoChangesNoWhyNoKeys) {
    const std::string line = callLine(sampleCall());
    EXPECT_EQ(line.find("\"changes\""), std::string::npos);
    EXPECT_EQ(line.find("\"why\""), std::string::npos);
}

TEST(JsonLines, FailedCallNamesErrno) {
    ss::CallRecord c = sampleCall();
    c.ret = -1;
    c.err = kInterrupted;
    c.durationNs = 5000;
    const std::string line = callLine(c);
    const std::string want = R"("ret":-1,"errno":)" + std::to_string(kInterrupted) +
                             R"(,"errno_name":")" + kInterruptedName + R"(","blocked_us":5})";
    EXPECT_NE(line.find(want), std::string::npos) << line;
}

TEST(JsonLines, RecvEventWithBinaryPreview) {
    ss::SocketEvent e = sampleEvent(ss::EventKind::Recv, "hi\x00\xff"s);
    EXPECT_EQ(eventLine(e),
              R"({"type":"event","n":7,"t_us":2000,"kind":"recv","fd":5,"role":"connection",)"
              R"("bytes":4,"preview":"hi\u0000\ufffd","preview_hex":"686900ff"})"
              "\n");
}

TEST(JsonLines, KindSpecificAuxKeys) {
    ss::SocketEvent close = sampleEvent(ss::EventKind::Close, "");
    close.aux = static_cast<int64_t>(ss::CloseReason::PeerClosed);
    EXPECT_NE(eventLine(close).find(R"("kind":"close","fd":5,"role":"connection","bytes":0,)"
                                    R"("reason":"peer-closed"})"),
              std::string::npos);
    ss::SocketEvent queue = sampleEvent(ss::EventKind::QueueChange, "");
    queue.aux = 3;
    EXPECT_NE(eventLine(queue).find(R"("kind":"queue-change")"), std::string::npos);
    EXPECT_NE(eventLine(queue).find(R"("messages":3})"), std::string::npos);
    ss::SocketEvent accept = sampleEvent(ss::EventKind::Accept, "");
    accept.aux = 4;
    accept.text = "127.0.0.1:50000";
    EXPECT_NE(eventLine(accept).find(R"("listener_fd":4,"text":"127.0.0.1:50000"})"),
              std::string::npos);
    ss::SocketEvent mode = sampleEvent(ss::EventKind::Mode, "");
    EXPECT_EQ(eventLine(mode).find("aux"), std::string::npos);
}

TEST(JsonLines, ErrorFieldsOnlyWhenErrSet) {
    ss::SocketEvent e = sampleEvent(ss::EventKind::Error, "");
    e.err = kReset;
    e.text = "recv failed";
    const std::string line = eventLine(e);
    const std::string want = R"("errno":)" + std::to_string(kReset) + R"(,"errno_name":")" +
                             kResetName + R"(","error":")";
    EXPECT_NE(line.find(want), std::string::npos) << line;
    EXPECT_EQ(eventLine(sampleEvent(ss::EventKind::Send, "x")).find("errno"), std::string::npos);
}

TEST(JsonLines, ControlCharsAndQuotes) {
    EXPECT_EQ(jsonString("a\"b\\c\n\r\t\b\f\x01\x1f\x7f"s),
              R"("a\"b\\c\n\r\t\b\f\u0001\u001f\u007f")");
}

TEST(JsonLines, Utf8PassesThroughAndInvalidBytesAreReplaced) {
    EXPECT_EQ(jsonString("你好 é 😀"), "\"你好 é 😀\"");
    EXPECT_EQ(jsonString("\xc3"s), R"("\ufffd")");                      // truncated
    EXPECT_EQ(jsonString("\xc0\xaf"s), R"("\ufffd\ufffd")");            // overlong lead
    EXPECT_EQ(jsonString("\xed\xa0\x80"s), R"("\ufffd\ufffd\ufffd")");  // surrogate
    EXPECT_EQ(jsonString("\xe4\xbd!"s), R"("\ufffd!")");                // one maximal subpart
    EXPECT_EQ(jsonString("\xf4\x90\x80\x80"s), R"("\ufffd\ufffd\ufffd\ufffd")");  // > U+10FFFF
}

TEST(JsonLines, FixedPointNumbers) {
    std::string out;
    ss::appendJsonFixed(out, 12300, 3);
    out += ' ';
    ss::appendJsonFixed(out, 5000, 3);
    out += ' ';
    ss::appendJsonFixed(out, -1050, 3);
    out += ' ';
    ss::appendJsonFixed(out, 7, 6);
    EXPECT_EQ(out, "12.3 5 -1.05 0.000007");
}

TEST(JsonLines, PythonParsesEveryKind) {
    if (!havePython())
        GTEST_SKIP() << "python3 not available";
    ss::JsonLineWriter w;
    w.appendCall(sampleCall());
    ss::SocketEvent e = sampleEvent(ss::EventKind::Recv, "\"q\"\\\n\x01\xff\xfe你"s);
    e.text = "tab\there";
    w.appendEvent(e);
    const std::string out = runPython(kCanonical, w.buffer());
    const std::string expectedEvent =
        R"({"bytes": 11, "fd": 5, "kind": "recv", "n": 7, "preview": "\"q\"\\\n\u0001)"
        R"(\ufffd\ufffd\u4f60", "preview_hex": "227122)"
        R"(5c0a01fffee4bda0", "role": "connection", "t_us": 2000, "text": "tab\there", )"
        R"("type": "event"})";
    EXPECT_NE(out.find(expectedEvent), std::string::npos) << out;
    EXPECT_NE(out.find(R"("in": {"except": [], "read": [3, 5], "write": [5]})"), std::string::npos)
        << out;
    EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 2) << out;
}

// Random bytes: every line must parse, and the preview must equal Python's own lossy decoding
// of preview_hex, which pins the \ufffd rule to the Unicode recommendation.
TEST(JsonLines, RandomBytesMatchPythonReplaceDecoding) {
    if (!havePython())
        GTEST_SKIP() << "python3 not available";
    std::mt19937 rng(12345);
    ss::JsonLineWriter w;
    for (int i = 0; i < 500; ++i) {
        std::string bytes(1 + rng() % 40, '\0');
        for (char& c : bytes)
            c = static_cast<char>(rng() % 4 == 0 ? 0x80 | (rng() % 64) : rng());
        ss::SocketEvent e = sampleEvent(ss::EventKind::Recv, bytes);
        e.text = bytes;
        w.appendEvent(e);
    }
    const char* check = R"(import json, sys
n = 0
for line in sys.stdin.buffer:
    obj = json.loads(line.decode("utf-8"))
    want = bytes.fromhex(obj["preview_hex"]).decode("utf-8", "replace")
    assert obj["preview"] == want, (obj["preview"], want)
    assert obj["text"] == want
    n += 1
print("ok", n)
)";
    EXPECT_EQ(runPython(check, w.buffer()), "ok 500\n");
}

TEST(JsonLines, FlushWritesOneBatchAndKeepsCapacity) {
    ss::JsonLineWriter w;
    w.appendCall(sampleCall());
    w.appendCall(sampleCall());
    const std::string expected(w.buffer());
    const size_t capacity = w.capacity();
    std::FILE* f = std::tmpfile();
    ASSERT_NE(f, nullptr);
    EXPECT_TRUE(w.flushTo(f));
    EXPECT_TRUE(w.empty());
    EXPECT_EQ(w.capacity(), capacity);
    std::rewind(f);
    std::string back(expected.size() + 10, '\0');
    back.resize(std::fread(back.data(), 1, back.size(), f));
    std::fclose(f);
    EXPECT_EQ(back, expected);
}

// The IO-model servers' accept, recv and send: the call and its socket instead of the sets, the
// thread when it is not the main one, and the wait-call keys (backend, timeout, in, ready) left
// out.
TEST(JsonLines, SocketCallLines) {
    ss::CallRecord c;
    c.number = 9;
    c.startNs = 2500000;
    c.kind = ss::CallKind::Accept;
    c.fd = 3;
    c.ret = 4;
    c.durationNs = 1500000;
    EXPECT_EQ(callLine(c),
              R"({"type":"call","n":9,"t_us":2500,"call":"accept","fd":3,"ret":4,"errno":0,)"
              R"("errno_name":"","blocked_us":1500})"
              "\n");
    c.kind = ss::CallKind::Send;
    c.fd = 4;
    c.thread = 2;
    c.ret = 5;
    c.durationNs = 12300;
    EXPECT_EQ(callLine(c),
              R"({"type":"call","n":9,"t_us":2500,"call":"send","fd":4,"thread":2,"ret":5,)"
              R"("errno":0,"errno_name":"","blocked_us":12.3})"
              "\n");
}

TEST(JsonLines, RecvThatWouldBlockNamesEagain) {
    ss::CallRecord c;
    c.number = 10;
    c.kind = ss::CallKind::Recv;
    c.fd = 4;
    c.ret = -1;
#ifdef _WIN32
    c.err = WSAEWOULDBLOCK;  // Winsock's EAGAIN
    const std::string name = "WSAEWOULDBLOCK";
#else
    c.err = EAGAIN;
    const std::string name = "EAGAIN";
#endif
    const std::string line = callLine(c);
    EXPECT_NE(line.find(R"("call":"recv","fd":4,"ret":-1,"errno":)" + std::to_string(c.err) +
                        R"(,"errno_name":")" + name + '"'),
              std::string::npos)
        << line;
    EXPECT_EQ(line.find("\"in\""), std::string::npos);
    EXPECT_EQ(line.find("\"backend\""), std::string::npos);
}
