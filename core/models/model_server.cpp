// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/models/model_server.h"

#include <algorithm>
#include <chrono>
#include <utility>

#include "core/net/endpoint.h"
#include "core/poller/clock.h"
#include "core/server/behaviour.h"
#include "core/server/listener_socket.h"
#include "core/server/own_descriptors.h"
#include "core/server/server_thread.h"
#include "core/trace/engine_text.h"

#ifndef _WIN32
#include <sys/socket.h>
#endif

namespace ss {
namespace {

// Stats of calls that failed with EAGAIN are published every this many calls: the non-blocking
// server makes millions of them.
constexpr uint64_t kPublishEvery = 128;
// How long the listener rests after accept() failed for want of descriptors.
constexpr int kAcceptRestMs = 100;

bool oneTcpEchoListener(const EngineConfig& config) {
    return config.listeners.size() == 1 && !config.listeners[0].udp &&
           config.listeners[0].behaviour.kind == BehaviourKind::Echo;
}

}  // namespace

ModelServer::ModelServer(EngineConfig config)
    : m_config(std::move(config)), m_observer(m_config, m_channels) {}

ModelServer::~ModelServer() {
    stop();
}

bool ModelServer::start(std::string* error) {
    if (running())
        return true;
    if (!oneTcpEchoListener(m_config)) {
        if (error)
            *error = engineText(TextId::ModelOneTcpListener, {ioModelName(m_config.model)});
        return false;
    }
    initSocketPlatform();
    m_stopping.store(false);
    m_observer.startClock();
    return startServerThread(
        m_thread, [this](std::string* why) { return open(why); }, [this] { runMain(); }, [] {},
        error);
}

// On the main server thread: its descriptor table is the one the server's sockets live in.
bool ModelServer::open(std::string* error) {
    std::string shared;
    const bool own = m_config.ownDescriptorTable && useOwnDescriptorTable(&shared);
    const ListenerSpec& spec = m_config.listeners[0];
    const NativeSocket fd = openListenerSocket(spec, m_config.allowRemote, error);
    if (fd == kInvalidSocket)
        return false;
    if (listenerBlocks() && !setBlocking(fd, error)) {
        closeSocket(fd);
        return false;
    }
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_config.ownDescriptorTable && !own)
        m_observer.note(engineText(TextId::NumberedAfterWindow, {shared}));
    auto ch = std::make_unique<Channel>();
    ch->fd = fd;
    ch->role = Role::Listener;
    ch->spec = std::make_shared<const ListenerSpec>(spec);
    ch->local = localAddress(fd);
    ch->openedNs = monotonicNs();
    ch->watched = true;  // as for the connections (acceptConnection)
    m_listener = &m_channels.insert(std::move(ch));
    m_observer.emit(EventKind::Listen, m_listener, 0, 0, 0, {},
                    m_listener->local + "/tcp=" + formatBehaviour(spec.behaviour));
    EngineStats& counters = m_observer.counters();
    counters.backend = m_config.backend;
    counters.timeoutMs = -1;
    counters.serverThreads = 1;
    counters.peakServerThreads = 1;
    counters.model = m_config.model;
    m_observer.publishStats();
    m_observer.publishSnapshot();
    return true;
}

void ModelServer::runMain() {
    m_helper = std::thread([this] { helperLoop(); });
    serve();
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping.store(true, std::memory_order_release);
    }
    m_wake.notify_all();
    m_helper.join();
    addThreadCpu();
    closeAll();
}

void ModelServer::stop() {
    if (!m_thread.joinable())
        return;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping.store(true, std::memory_order_release);
    }
    m_wake.notify_all();
    m_thread.join();
}

void ModelServer::requestSnapshot() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_snapshotWanted = true;
    }
    m_wake.notify_all();
}

void ModelServer::helperLoop() {
    std::unique_lock<std::mutex> lock(m_mutex);
    const auto interval = std::chrono::milliseconds(m_config.snapshotIntervalMs);
    for (;;) {
        const auto woken = [this] { return stopping() || m_snapshotWanted; };
        if (m_config.snapshotIntervalMs > 0)
            m_wake.wait_for(lock, interval, woken);
        else
            m_wake.wait(lock, woken);
        if (stopping()) {
            shutdownAll();
            return;
        }
        m_snapshotWanted = false;
        m_observer.publishStats();
        m_observer.publishSnapshot();
    }
}

// With m_mutex held, once m_stopping is set: every socket a server thread may block on.
// Connections accepted after this are closed at once by acceptConnection().
void ModelServer::shutdownAll() {
#ifdef _WIN32
    const int how = SD_BOTH;
#else
    const int how = SHUT_RDWR;
#endif
    m_channels.forEach([how](const Channel& ch) { ::shutdown(ch.fd, how); });
}

void ModelServer::closeAll() {
    std::vector<NativeSocket> open;
    std::lock_guard<std::mutex> lock(m_mutex);
    m_channels.forEach([&open](const Channel& ch) { open.push_back(ch.fd); });
    for (NativeSocket fd : open) {
        Channel* ch = m_channels.find(fd);
        m_observer.emit(EventKind::Close, ch, 0, int64_t(CloseReason::ServerClosed));
        if (ch->role == Role::Connection)
            --m_observer.counters().openConnections;
        ++m_observer.counters().closed;
        closeSocket(fd);
        m_channels.erase(fd);
    }
    m_listener = nullptr;
    m_observer.counters().serverThreads = 0;
    m_observer.publishStats();
    m_observer.publishSnapshot();
}

void ModelServer::record(CallKind kind, NativeSocket fd, uint32_t thread, int64_t startNs,
                         int64_t ret, int err) {
    CallDraft draft;  // no fd lists: nothing is allocated
    draft.kind = kind;
    draft.fd = fdNumber(fd);
    draft.thread = thread;
    draft.startNs = startNs;
    draft.durationNs = monotonicNs() - startNs;
    draft.ret = static_cast<int32_t>(ret);
    draft.err = ret < 0 ? err : 0;
    m_observer.socketCallMade(m_config.backend, draft);
    if (thread == 0 && !listenerBlocks()) {
        if (m_rate.note({}, false) != BusyLoopDetector::Verdict::Nothing) {
            EngineStats& counters = m_observer.counters();
            counters.callsPerSecond = m_rate.callsPerSecond();
            counters.loopCpuPercent = m_rate.cpuPercent();
        }
    }
    if (ret >= 0 || !isWouldBlock(err) || m_observer.counters().socketCalls % kPublishEvery == 0)
        m_observer.publishStats();
}

Channel* ModelServer::acceptConnection(uint32_t thread, int* err) {
    sockaddr_storage peer{};
    socklen_t len = sizeof peer;
    const int64_t startNs = monotonicNs();
    const NativeSocket fd = ::accept(m_listener->fd, reinterpret_cast<sockaddr*>(&peer), &len);
    *err = fd == kInvalidSocket ? lastSocketError() : 0;
    std::unique_lock<std::mutex> lock(m_mutex);
    record(CallKind::Accept, m_listener->fd, thread, startNs,
           fd == kInvalidSocket ? -1 : int64_t(fdNumber(fd)), *err);
    if (fd == kInvalidSocket) {
        if (isWouldBlock(*err) || stopping())
            return nullptr;
        ++m_observer.counters().errors;
        if (!isDescriptorExhaustion(*err)) {
            m_observer.emit(EventKind::Error, m_listener, 0, 0, *err, {},
                            engineText(TextId::AcceptFailed));
            return nullptr;
        }
        // Out of descriptors: accept() would fail again at once, for ever. The listener rests
        // (until stop() at the latest), as the loop's does (EventKind::AcceptPaused).
        m_observer.emit(EventKind::AcceptPaused, m_listener, 0, kAcceptRestMs, *err);
        m_observer.publishStats();
        m_wake.wait_for(lock, std::chrono::milliseconds(kAcceptRestMs),
                        [this] { return stopping(); });
        return nullptr;
    }
    // Linux does not pass O_NONBLOCK on to the accepted socket; BSD and macOS do. The connection
    // gets the mode the model gives it, unless the tutorial's code, as written, leaves it so.
    const bool modeSet = asWritten().keepsAcceptedMode ||
                         (connectionsBlock() ? setBlocking(fd) : setNonBlocking(fd));
    if (stopping() || !modeSet) {
        closeSocket(fd);
        return nullptr;
    }
    suppressSigpipe(fd);
    auto owned = std::make_unique<Channel>();
    owned->fd = fd;
    owned->role = Role::Connection;
    owned->spec = m_listener->spec;
    owned->listener = m_listener;
    owned->local = localAddress(fd);
    owned->peer = peerAddress(fd);
    owned->openedNs = monotonicNs();
    // No interest list exists here; `watched` makes the snapshot's row read as what it is, an
    // open connection (state "open", interest empty), not one the server dropped from its lists.
    owned->watched = true;
    Channel& ch = m_channels.insert(std::move(owned));
    EngineStats& counters = m_observer.counters();
    ++counters.accepted;
    ++counters.openConnections;
    m_observer.emit(EventKind::Accept, &ch, 0, fdNumber(m_listener->fd), 0, {}, ch.peer);
    m_observer.publishStats();
    return &ch;
}

ssize_type ModelServer::receive(Channel& ch, uint32_t thread, std::string& buf, int* err) {
    buf.resize(ch.spec->recvSize);
    const int64_t startNs = monotonicNs();
    const ssize_type n = recvBytes(ch.fd, &buf[0], buf.size());
    *err = n < 0 ? lastSocketError() : 0;
    buf.resize(n > 0 ? size_t(n) : 0);
    std::lock_guard<std::mutex> lock(m_mutex);
    record(CallKind::Recv, ch.fd, thread, startNs, n, *err);
    if (n > 0) {
        ch.bytesIn += uint64_t(n);
        m_observer.counters().bytesIn += uint64_t(n);
        m_observer.emit(EventKind::Recv, &ch, n, 0, 0, buf);
    } else if (n < 0 && !isWouldBlock(*err)) {
        ++m_observer.counters().errors;
        m_observer.emit(EventKind::Error, &ch, 0, 0, *err);
    }
    return n;
}

ssize_type ModelServer::sendReply(Channel& ch, uint32_t thread, std::string_view data, int* err) {
    const int64_t startNs = monotonicNs();
    const ssize_type n = sendBytes(ch.fd, data.data(), data.size());
    *err = n < 0 ? lastSocketError() : 0;
    std::lock_guard<std::mutex> lock(m_mutex);
    record(CallKind::Send, ch.fd, thread, startNs, n, *err);
    if (n > 0) {
        ch.bytesOut += uint64_t(n);
        m_observer.counters().bytesOut += uint64_t(n);
        m_observer.emit(EventKind::Send, &ch, n, 0, 0, data.substr(0, size_t(n)));
    } else if (n < 0 && !isWouldBlock(*err)) {
        ++m_observer.counters().errors;
        m_observer.emit(EventKind::Error, &ch, 0, 0, *err);
    }
    return n;
}

void ModelServer::echoUntilClosed(Channel& ch, uint32_t thread) {
    std::string buf;
    for (;;) {
        int err = 0;
        const ssize_type n = receive(ch, thread, buf, &err);
        if (n < 0 && isInterrupted(err))
            continue;
        // As written: recv() returned b'' and the tutorial's loop goes on, send(b'') succeeds,
        // and the thread spins on the closed connection until send() fails or the server stops.
        if (n == 0 && asWritten().eofIsMessage && !stopping() &&
            sendReply(ch, thread, reply(buf), &err) >= 0)
            continue;
        if (n > 0 && sendReply(ch, thread, reply(buf), &err) >= 0)
            continue;
        if (n == 0)
            closeConnection(ch, stopping() ? CloseReason::ServerClosed : CloseReason::PeerClosed);
        else
            closeConnection(
                ch, isConnectionReset(err) ? CloseReason::PeerReset : CloseReason::Error, err);
        return;
    }
}

void ModelServer::closeConnection(Channel& ch, CloseReason reason, int err) {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_observer.emit(EventKind::Close, &ch, 0, int64_t(reason), err);
    EngineStats& counters = m_observer.counters();
    --counters.openConnections;
    ++counters.closed;
    const NativeSocket fd = ch.fd;
    closeSocket(fd);
    m_channels.erase(fd);
    m_observer.publishStats();
}

std::string ModelServer::reply(std::string_view data) const {
    std::string out(data);
    const BehaviourSpec& spec = m_listener->spec->behaviour;
    if (spec.upper && !out.empty())
        asciiUpperInPlace(&out[0], out.size());
    out += spec.suffix;
    return out;
}

void ModelServer::threadStarted() {
    std::lock_guard<std::mutex> lock(m_mutex);
    EngineStats& counters = m_observer.counters();
    ++counters.serverThreads;
    counters.peakServerThreads = std::max(counters.peakServerThreads, counters.serverThreads);
    m_observer.publishStats();
}

void ModelServer::threadEnded() {
    addThreadCpu();
    std::lock_guard<std::mutex> lock(m_mutex);
    --m_observer.counters().serverThreads;
    m_observer.publishStats();
}

void ModelServer::addThreadCpu() {
    const double seconds = double(threadCpuNs()) / 1e9;
    std::lock_guard<std::mutex> lock(m_mutex);
    m_observer.counters().cpuSeconds += seconds;
}

}  // namespace ss
