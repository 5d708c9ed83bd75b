// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a recording's lines back: every call and event line the engine writes becomes the
// record it was written from (written again, the same bytes), and a damaged line is refused
// with a message that names what is wrong.
#include <gtest/gtest.h>

#include <QByteArray>
#include <QString>

#include <string>

#include "core/server/listener_spec.h"
#include "core/trace/json_lines.h"
#include "ui/recording/record_line.h"
#include "ui/recording/session_lines.h"

using namespace ss;

namespace {

std::string written(const CallRecord& c) {
    JsonLineWriter w;
    w.appendCall(c);
    return w.take();
}

std::string written(const SocketEvent& e) {
    JsonLineWriter w;
    w.appendEvent(e);
    return w.take();
}

record_line::Parsed read(const std::string& line) {
    record_line::Parsed parsed;
    QString error;
    EXPECT_TRUE(record_line::parse(QByteArray::fromStdString(line), &parsed, &error))
        << error.toStdString() << "\n"
        << line;
    return parsed;
}

// Written, read and written again: the same line.
void expectRoundTrip(const CallRecord& c) {
    const std::string line = written(c);
    const record_line::Parsed parsed = read(line);
    EXPECT_EQ(parsed.type, record_line::Type::Call);
    EXPECT_EQ(written(parsed.call), line);
}

void expectRoundTrip(const SocketEvent& e) {
    const std::string line = written(e);
    const record_line::Parsed parsed = read(line);
    EXPECT_EQ(parsed.type, record_line::Type::Event);
    EXPECT_EQ(written(parsed.event), line);
}

std::string errorOf(const std::string& line) {
    record_line::Parsed parsed;
    QString error;
    EXPECT_FALSE(record_line::parse(QByteArray::fromStdString(line), &parsed, &error)) << line;
    return error.toStdString();
}

}  // namespace

TEST(RecordLine, SelectCallWithNullSetsAndFacts) {
    CallRecord c;
    c.number = 42;
    c.startNs = 601836123456;
    c.durationNs = 2394;
    c.backend = BackendKind::Select;
    c.timeoutMs = 1000;
    c.ret = 2;
    c.nullSets = 2;  // write set passed as NULL
    c.inRead = {3, 4, 5};
    c.inExcept = {3, 4, 5};
    c.readyRead = {4};
    c.readyExcept = {5};
    ReadyFacts facts;
    facts.fd = 4;
    facts.recvQueue = 5;
    facts.flags = ReadyFacts::PeerClosed;
    ReadyFacts urgent;
    urgent.fd = 5;
    urgent.flags = ReadyFacts::Urgent | ReadyFacts::Reset;
    c.why = {facts, urgent};
    expectRoundTrip(c);
    const CallRecord back = read(written(c)).call;
    EXPECT_EQ(back.number, 42u);
    EXPECT_EQ(back.nullSets, 2);
    EXPECT_EQ(back.inRead, (std::vector<int32_t>{3, 4, 5}));
    EXPECT_EQ(back.why.at(1).flags, ReadyFacts::Urgent | ReadyFacts::Reset);
    EXPECT_EQ(back.why.at(0).acceptQueue, -1);
}

TEST(RecordLine, EpollCallWithChangesAndAnError) {
    CallRecord c;
    c.number = 7;
    c.backend = BackendKind::Epoll;
    c.timeoutMs = -1;
    c.ret = -1;
    c.err = 4;  // EINTR
    c.durationNs = 1000000123;
    c.inRead = {3, 6};
    c.inWrite = {6};
    c.readyHangup = {6};
    c.readyError = {6};
    InterestChange add;
    add.op = InterestChange::Op::Add;
    add.fd = 6;
    add.interest = 3;
    add.edgeTriggered = true;
    InterestChange del;
    del.op = InterestChange::Op::Delete;
    del.fd = 5;
    c.changes = {add, del};
    expectRoundTrip(c);
    EXPECT_TRUE(read(written(c)).call.changes.at(0).edgeTriggered);
}

// A traced program's records (core/tracer): the system call by name, the process and thread,
// the decoded arguments and what could not be read, on wait calls and socket calls alike.
TEST(RecordLine, TracedProgramCalls) {
    CallRecord wait;
    wait.syscall = Syscall::Pselect6;
    wait.backend = BackendKind::Select;
    wait.pid = 4242;
    wait.tid = 4243;
    wait.thread = 1;
    wait.timeoutMs = 1000;
    wait.inRead = {3, 4};
    wait.inExcept = {3, 4};
    wait.nullSets = 2;  // writefds passed as NULL
    wait.readyRead = {4};
    wait.ret = 1;
    wait.args = "nfds 5";
    wait.fault = "exceptfds out: Bad address";
    const std::string line = written(wait);
    EXPECT_NE(line.find("\"call\":\"pselect6\",\"pid\":4242,\"tid\":4243"), std::string::npos);
    expectRoundTrip(wait);
    EXPECT_EQ(read(line).call.syscall, Syscall::Pselect6);
    for (Syscall call : {Syscall::Accept4, Syscall::Recvfrom, Syscall::Sendto, Syscall::Bind,
                         Syscall::Close, Syscall::Write}) {
        CallRecord c;
        c.syscall = call;
        c.kind = syscallKind(call);
        c.fd = 4;
        c.pid = 7;
        c.tid = 7;
        c.ret = 5;
        c.args = "127.0.0.1:9000";
        expectRoundTrip(c);
        EXPECT_EQ(read(written(c)).call.kind, syscallKind(call)) << syscallName(call);
    }
    SocketEvent e;
    e.kind = EventKind::Exit;
    e.pid = 7;
    e.tid = 7;
    e.aux = 139;
    e.text = "killed by SIGSEGV";
    expectRoundTrip(e);
    // pid and tid come together.
    std::string lone = written(e);
    lone.replace(lone.find(",\"tid\":7"), 8, "");
    EXPECT_EQ(errorOf(lone), "\"pid\" and \"tid\" come together");
}

TEST(RecordLine, TracedStartLine) {
    const std::string line =
        record_line::tracedStartLine("python3 server.py", 1234, true, TraceMode{}, "1.0");
    const record_line::Parsed parsed = read(line);
    EXPECT_EQ(parsed.type, record_line::Type::Start);
    EXPECT_TRUE(parsed.start.traced);
    EXPECT_EQ(parsed.start.command, "python3 server.py");
    EXPECT_EQ(parsed.start.pid, 1234);
    EXPECT_TRUE(parsed.start.seccomp);
}

TEST(RecordLine, SocketCallsOfTheIoModels) {
    for (CallKind kind : {CallKind::Accept, CallKind::Recv, CallKind::Send}) {
        CallRecord c;
        c.kind = kind;
        c.number = 9;
        c.fd = 4;
        c.thread = kind == CallKind::Recv ? 2 : 0;
        c.ret = kind == CallKind::Send ? -1 : 5;
        c.err = kind == CallKind::Send ? 11 : 0;
        c.durationNs = 812125;
        expectRoundTrip(c);
        EXPECT_EQ(read(written(c)).call.kind, kind);
    }
    // "thread" is written unsigned: every value it can have reads back, a negative one is damage.
    CallRecord c;
    c.kind = CallKind::Recv;
    c.thread = UINT32_MAX;
    expectRoundTrip(c);
    std::string negative = written(c);
    negative.replace(negative.find("4294967295"), 10, "-1");
    EXPECT_EQ(errorOf(negative), "\"thread\" is not an integer from 0 to 4294967295");
}

TEST(RecordLine, EveryEventKindWithItsAux) {
    for (int k = 0; k <= int(kLastEventKind); ++k) {
        SocketEvent e;
        e.kind = EventKind(k);
        e.number = 100 + uint64_t(k);
        e.timeNs = 5000000;
        e.fd = 4;
        e.bytes = 3;
        e.role = e.kind == EventKind::Listen ? Role::Listener : Role::Connection;
        e.aux = e.kind == EventKind::Close       ? int64_t(CloseReason::ExceptionalSet)
                : e.kind == EventKind::Exception ? 2
                : e.kind == EventKind::BusyLoop  ? int64_t(SpinReason::EofNeverClosed)
                                                 : 17;
        e.preview = std::string("h\xff\x00i", 4);  // not UTF-8, with a NUL: only the hex keeps it
        e.text = "peer 127.0.0.1:5000 \xe4\xbd\xa0";
        if (e.kind == EventKind::Error)
            e.err = 104;
        expectRoundTrip(e);
        const SocketEvent back = read(written(e)).event;
        EXPECT_EQ(back.aux, e.aux) << eventKindName(e.kind);
        EXPECT_EQ(back.preview, e.preview);
    }
}

TEST(RecordLine, StartAndSummaryLinesAreKnown) {
    EngineConfig config;
    config.backend = BackendKind::Epoll;
    config.epollMode = EpollMode::EdgeDrain;
    config.timeoutMs = 250;
    config.listeners.push_back(*parseListenSpec("127.0.0.1:9991=echo", nullptr));
    const record_line::Parsed start = read(record_line::startLine(config, "1.2.3"));
    ASSERT_EQ(start.type, record_line::Type::Start);
    EXPECT_EQ(start.start.backend, BackendKind::Epoll);
    EXPECT_EQ(start.start.epollMode, EpollMode::EdgeDrain);
    EXPECT_EQ(start.start.timeoutMs, 250);
    EXPECT_EQ(start.start.listeners, std::vector<std::string>{"127.0.0.1:9991/tcp=echo"});
    EXPECT_EQ(start.start.version, "1.2.3");
    EXPECT_TRUE(start.start.descriptors.empty());
    EXPECT_EQ(read(R"({"type":"summary","wait_calls":3})").type, record_line::Type::Summary);
}

// A recording begun while the server runs lists the descriptors already open.
TEST(RecordLine, StartLineCarriesOpenDescriptors) {
    DescriptorInfo listener;
    listener.fd = 3;
    listener.role = Role::Listener;
    listener.local = "127.0.0.1:9991";
    listener.behaviour = "echo";
    listener.interest = 1;
    DescriptorInfo connection;
    connection.fd = 4;
    connection.peer = "127.0.0.1:50000";
    connection.listenerFd = 3;
    connection.interest = 3;
    connection.state = ConnState::HalfClosed;
    connection.appQueueBytes = 7;
    connection.appQueueMessages = 2;
    connection.bytesIn = 11;
    connection.bytesOut = 4;
    const std::vector<DescriptorInfo> rows =
        read(record_line::startLine(EngineConfig(), "1", {listener, connection})).start.descriptors;
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].local, "127.0.0.1:9991");
    EXPECT_EQ(rows[0].behaviour, "echo");
    EXPECT_EQ(rows[0].role, Role::Listener);
    EXPECT_EQ(rows[1].peer, "127.0.0.1:50000");
    EXPECT_EQ(rows[1].listenerFd, 3);
    EXPECT_EQ(rows[1].interest, 3);
    EXPECT_EQ(rows[1].state, ConnState::HalfClosed);
    EXPECT_EQ(rows[1].appQueueBytes, 7u);
    EXPECT_EQ(rows[1].appQueueMessages, 2u);
    EXPECT_EQ(rows[1].bytesIn, 11u);
    EXPECT_EQ(rows[1].bytesOut, 4u);
    EXPECT_EQ(errorOf(R"({"type":"start","backend":"poll","listeners":[],"timeout_ms":1,)"
                      R"("trace":"all","version":"1","descriptors":[{"fd":3,"role":"pipe"}]})"),
              "\"role\" has an unknown value \"pipe\"");
    EXPECT_EQ(errorOf(R"({"type":"start","backend":"poll","listeners":[],"timeout_ms":1,)"
                      R"("trace":"all","version":"1","port":9})"),
              "unknown key \"port\"");
}

// Each damage names what is wrong; nothing is guessed.
TEST(RecordLine, DamageIsNamed) {
    CallRecord c;
    c.number = 1;
    c.inRead = {3};
    const std::string good = written(c);
    const auto with = [&good](const std::string& from, const std::string& to) {
        std::string line = good;
        const size_t at = line.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        return line.replace(at, from.size(), to);
    };
    EXPECT_EQ(errorOf(good.substr(0, good.size() / 2)).rfind("not JSON: ", 0), 0u);
    EXPECT_EQ(errorOf("[1,2]"), "not a JSON object");
    EXPECT_EQ(errorOf(with("\"ret\":", "\"rett\":")), "unknown key \"rett\"");
    EXPECT_EQ(errorOf(with("\"ret\":0", "\"ret\":\"0\"")),
              "\"ret\" is not an integer from -2147483648 to 2147483647");
    EXPECT_EQ(errorOf(with("\"n\":1,", "")), "\"n\" is missing");
    EXPECT_EQ(errorOf(with("\"select\"", "\"selects\"")), "\"backend\" names no backend");
    EXPECT_EQ(errorOf(with("\"write\":[]", "\"write\":null")),
              "in.write and ready.write must both be null or both lists");
    EXPECT_EQ(errorOf(with("\"type\":\"call\"", "\"type\":\"calls\"")),
              "\"type\" has an unknown value \"calls\"");
    EXPECT_EQ(errorOf(with("\"blocked_us\":0", "\"blocked_us\":-1")),
              "\"blocked_us\" is not a duration in microseconds");
    SocketEvent e;
    e.kind = EventKind::Close;
    e.preview = "ab";
    const std::string event = written(e);
    std::string badReason = event;
    badReason.replace(badReason.find("peer-closed"), 11, "gone");
    EXPECT_EQ(errorOf(badReason), "\"reason\" has an unknown value \"gone\"");
    // What the line says is quoted as JSON and cut short: the message stays one line.
    badReason.replace(badReason.find("gone"), 4, "a\\nb\\u0007" + std::string(70, 'x'));
    EXPECT_EQ(errorOf(badReason),
              "\"reason\" has an unknown value \"a\\nb\\u0007" + std::string(56, 'x') + "...\"");
    std::string badHex = event;
    badHex.replace(badHex.find("6162"), 4, "6g62");
    EXPECT_EQ(errorOf(badHex), "\"preview_hex\" is not the hex of at most 64 bytes");
}
