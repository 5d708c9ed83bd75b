// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/load/scripted_clients.h"

#include <algorithm>
#include <vector>

#include "core/net/endpoint.h"
#include "core/net/platform.h"

#ifndef _WIN32
#include <netinet/in.h>
#endif

namespace ss {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// A cancel request is noticed within this long.
constexpr int kTickMs = 20;

const std::array<const char*, 3> kMessages = {"client 1: hello", "client 2: hello",
                                              "client 3: hello"};
const char* const kSlowSecondMessage = "client 1: bye";

std::string upperCased(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z')
            c = char(c - 'a' + 'A');
    return s;
}

double msBetween(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
}

class ScriptRun {
public:
    explicit ScriptRun(const ClientScript& script) : m_script(script) {}
    ~ScriptRun() {
        for (Conn& c : m_conns)
            if (c.fd != kInvalidSocket)
                closeSocket(c.fd);
    }
    ScriptRun(const ScriptRun&) = delete;
    ScriptRun& operator=(const ScriptRun&) = delete;

    ScriptOutcome run(const std::atomic<bool>* cancel);

private:
    struct Conn {
        NativeSocket fd = kInvalidSocket;
        std::string expect, got;
        Clock::time_point sentAt{};
        bool waiting = false;  // a message is out and its reply not complete
        bool done = false;     // served, or failed
    };
    enum class Slow : uint8_t { FirstMessage, Holding, SecondMessage, Gone };

    bool open(size_t i);
    void send(size_t i, const std::string& message);
    void readFrom(size_t i, Clock::time_point now);
    void replied(size_t i, Clock::time_point now);
    void fail(size_t i, std::string why);
    void startOthers();
    void finish(size_t i);
    bool allDone() const;
    int pollTimeoutMs(Clock::time_point now, Clock::time_point deadline) const;

    ClientScript m_script;
    sockaddr_storage m_addr{};
    socklen_t m_addrLen = 0;
    std::array<Conn, kMessages.size()> m_conns;
    ScriptOutcome m_out;
    Slow m_slow = Slow::FirstMessage;
    Clock::time_point m_start{};  // client 1's first message: the script's zero
    Clock::time_point m_holdEnds{};
};

ScriptOutcome ScriptRun::run(const std::atomic<bool>* cancel) {
    std::string error;
    if (!toSockaddr(Endpoint{m_script.host, m_script.port}, &m_addr, &m_addrLen, &error)) {
        for (ScriptedClient& c : m_out.clients)
            c.error = error;
        return m_out;
    }
    m_start = Clock::now();
    if (open(0))
        send(0, kMessages[0]);
    Clock::time_point deadline = Clock::now() + m_script.slowHold + m_script.timeout;
    std::vector<PollFd> fds;
    std::vector<size_t> which;
    while (!allDone() && !(cancel && cancel->load())) {
        const Clock::time_point now = Clock::now();
        if (now >= deadline)
            break;
        if (m_slow == Slow::Holding && now >= m_holdEnds) {
            m_slow = Slow::SecondMessage;
            m_out.holdToMs = msBetween(m_start, Clock::now());
            send(0, kSlowSecondMessage);
        }
        fds.clear();
        which.clear();
        for (size_t i = 0; i < m_conns.size(); ++i) {
            if (!m_conns[i].waiting)
                continue;
            PollFd p{};
            p.fd = m_conns[i].fd;
            p.events = POLLIN;
            fds.push_back(p);
            which.push_back(i);
        }
        if (pollSockets(fds.data(), fds.size(), pollTimeoutMs(now, deadline)) <= 0)
            continue;
        for (size_t k = 0; k < fds.size(); ++k)
            if (fds[k].revents != 0)
                readFrom(which[k], Clock::now());
    }
    for (size_t i = 0; i < m_conns.size(); ++i)
        if (!m_conns[i].done)
            fail(i, m_conns[i].fd == kInvalidSocket ? "never connected" : "no reply in time");
    return m_out;
}

int ScriptRun::pollTimeoutMs(Clock::time_point now, Clock::time_point deadline) const {
    Clock::time_point next = std::min(deadline, now + milliseconds(kTickMs));
    if (m_slow == Slow::Holding)
        next = std::min(next, m_holdEnds);
    return int(std::chrono::ceil<milliseconds>(next - now).count());
}

// A blocking connect: on loopback it returns once the kernel has the connection in the
// listener's accept queue, whether or not the server has called accept() yet.
bool ScriptRun::open(size_t i) {
    Conn& c = m_conns[i];
    c.fd = ::socket(m_addr.ss_family, SOCK_STREAM, IPPROTO_TCP);
    if (c.fd == kInvalidSocket) {
        fail(i, "socket: " + socketErrorText(lastSocketError()));
        return false;
    }
    suppressSigpipe(c.fd);
    if (::connect(c.fd, reinterpret_cast<const sockaddr*>(&m_addr), m_addrLen) != 0) {
        fail(i, "connect: " + socketErrorText(lastSocketError()));
        return false;
    }
    setNonBlocking(c.fd);
    return true;
}

// The messages are a few bytes: one send() takes them whole into an empty socket buffer.
void ScriptRun::send(size_t i, const std::string& message) {
    Conn& c = m_conns[i];
    c.expect = upperCased(message);
    c.got.clear();
    c.sentAt = Clock::now();
    if (m_out.clients[i].sentAtMs < 0)
        m_out.clients[i].sentAtMs = msBetween(m_start, c.sentAt);
    if (sendBytes(c.fd, message.data(), message.size()) != ssize_type(message.size()))
        return fail(i, "send: " + socketErrorText(lastSocketError()));
    c.waiting = true;
}

void ScriptRun::readFrom(size_t i, Clock::time_point now) {
    Conn& c = m_conns[i];
    char buf[256];
    const ssize_type n = recvBytes(c.fd, buf, sizeof buf);
    if (n < 0 && isWouldBlock(lastSocketError()))
        return;
    if (n <= 0)
        return fail(i, n == 0 ? "the server closed the connection"
                              : "recv: " + socketErrorText(lastSocketError()));
    c.got.append(buf, size_t(n));
    if (c.got.size() < c.expect.size())
        return;
    if (c.got != c.expect)
        return fail(i, "wrong reply: " + c.got);
    c.waiting = false;
    replied(i, now);
}

void ScriptRun::replied(size_t i, Clock::time_point now) {
    ScriptedClient& out = m_out.clients[i];
    const bool firstReply = out.waitMs < 0;
    if (firstReply)
        out.waitMs = msBetween(m_conns[i].sentAt, now);
    if (i != 0) {
        out.servedWhileSlowHeld = m_slow == Slow::Holding;
        return finish(i);
    }
    if (m_slow == Slow::SecondMessage) {
        m_slow = Slow::Gone;
        return finish(0);
    }
    out.servedWhileSlowHeld = true;
    m_slow = Slow::Holding;
    m_holdEnds = now + m_script.slowHold;
    m_out.holdFromMs = msBetween(m_start, now);
    startOthers();
}

// Clients 2 and 3 connect and send their message.
void ScriptRun::startOthers() {
    for (size_t k = 1; k < kMessages.size(); ++k)
        if (open(k))
            send(k, kMessages[k]);
}

void ScriptRun::finish(size_t i) {
    m_out.clients[i].served = true;
    m_out.clients[i].closedAtMs = msBetween(m_start, Clock::now());
    m_conns[i].done = true;
    closeSocket(m_conns[i].fd);
    m_conns[i].fd = kInvalidSocket;
}

void ScriptRun::fail(size_t i, std::string why) {
    Conn& c = m_conns[i];
    c.waiting = false;
    c.done = true;
    m_out.clients[i].error = std::move(why);
    if (i == 0 && m_slow != Slow::Gone) {
        // Without client 1 there is no hold: the others are still started, or let go on.
        const bool othersStarted = m_slow != Slow::FirstMessage;
        m_slow = Slow::Gone;
        if (!othersStarted)
            startOthers();
    }
    if (c.fd != kInvalidSocket) {
        closeSocket(c.fd);
        c.fd = kInvalidSocket;
    }
}

bool ScriptRun::allDone() const {
    return std::all_of(m_conns.begin(), m_conns.end(), [](const Conn& c) { return c.done; });
}

}  // namespace

int ScriptOutcome::served() const {
    return int(std::count_if(clients.begin(), clients.end(),
                             [](const ScriptedClient& c) { return c.served; }));
}

int ScriptOutcome::servedWhileSlowHeld() const {
    return int(std::count_if(clients.begin(), clients.end(),
                             [](const ScriptedClient& c) { return c.servedWhileSlowHeld; }));
}

ScriptOutcome runClientScript(const ClientScript& script, const std::atomic<bool>* cancel) {
    initSocketPlatform();
    ScriptRun run(script);
    return run.run(cancel);
}

}  // namespace ss
