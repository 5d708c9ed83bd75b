// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/server/acceptor.h"

#include <string>

#include "core/net/endpoint.h"
#include "core/poller/clock.h"
#include "core/trace/engine_text.h"

#ifndef _WIN32
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <unistd.h>

#include <algorithm>
#endif

namespace ss {
namespace {

constexpr int kAcceptsPerWakeup = 16;
constexpr int64_t kAcceptRestNs = 100 * 1000000LL;

#ifndef _WIN32
// The spare sits above the numbers the server hands out, so that the listeners and connections
// get the numbers the tutorial's own server would: 3, 4, 5 ... It moves to the lowest free
// descriptor from FD_SETSIZE up (where select() could not use it anyway), or to the last one the
// limit allows when that is lower. Where neither is free it stays where open() put it.
int openHighSpare() {
    const int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    rlimit limit{};
    if (fd < 0 || getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return fd;
    const rlim_t floor = std::min<rlim_t>(FD_SETSIZE, limit.rlim_cur - 1);
    if (floor <= rlim_t(fd))
        return fd;
    const int high = fcntl(fd, F_DUPFD_CLOEXEC, int(floor));
    if (high < 0)
        return fd;
    close(fd);
    return high;
}
#endif

}  // namespace

Acceptor::Acceptor(Connections& connections, LoopObserver& observer, BehaviourResources resources)
    : m_connections(connections),
      m_observer(observer),
      m_stats(observer.counters()),
      m_resources(resources) {}

Acceptor::~Acceptor() {
    stop();
}

void Acceptor::start() {
    openSpare();
}

void Acceptor::stop() {
#ifndef _WIN32
    if (m_spareFd >= 0)
        close(m_spareFd);
    m_spareFd = -1;
#endif
}

void Acceptor::openSpare() {
#ifndef _WIN32
    if (m_spareFd < 0)
        m_spareFd = openHighSpare();
#endif
}

void Acceptor::adoptListener(NativeSocket fd, std::shared_ptr<const ListenerSpec> spec) {
    auto ch = std::make_unique<Channel>();
    ch->fd = fd;
    ch->role = spec->udp ? Role::Udp : Role::Listener;
    ch->spec = std::move(spec);
    ch->local = localAddress(fd);
    ch->openedNs = monotonicNs();
    m_connections.reserveReadBuffer(ch->spec->recvSize);
    Channel& added = m_connections.insert(std::move(ch));
    m_observer.emit(EventKind::Listen, &added, 0, 0, 0, {},
                    added.local + (added.spec->udp ? "/udp=" : "/tcp=") +
                        formatBehaviour(added.spec->behaviour));
    m_connections.updateInterest(added);
    if (!added.watched)
        m_connections.closeChannel(added, CloseReason::Refused, 0);
}

// Up to kAcceptsPerWakeup connections per report, so that a burst of clients cannot hold up the
// rest of the loop; what is left is reported again by the next call. Edge-triggered that is
// not so: in --epoll-mode et a burst of more than kAcceptsPerWakeup leaves the rest waiting in
// the accept queue until another client arrives, and et-drain accepts until EAGAIN.
void Acceptor::acceptFrom(Channel& listener) {
    // The tutorials call accept() once per readable listener; the presets drain the backlog.
    const int most = listener.spec->asWritten.acceptOnce ? 1 : kAcceptsPerWakeup;
    const bool drain = m_connections.drainsReadiness() && most > 1;
    for (int i = 0; drain || i < most; ++i) {
        sockaddr_storage peer{};
        socklen_t len = sizeof peer;
        const NativeSocket fd = accept(listener.fd, reinterpret_cast<sockaddr*>(&peer), &len);
        ++m_stats.socketCalls;
        if (fd != kInvalidSocket) {
            acceptOne(listener, fd);
            continue;
        }
        const int err = lastSocketError();
        if (isWouldBlock(err))
            return;
        if (isInterrupted(err))
            continue;
        if (isDescriptorExhaustion(err)) {
            if (handleExhaustion(listener, err) && drain)
                continue;  // the next waiting client, or EAGAIN
            return;
        }
        // ECONNABORTED and friends: that one client gave up; the listener is fine.
        ++m_stats.errors;
        m_observer.emit(EventKind::Error, &listener, 0, 0, err, {},
                        engineText(TextId::AcceptFailed));
        if (!isConnectionReset(err))
            return;
    }
}

void Acceptor::acceptOne(Channel& listener, NativeSocket fd) {
    setNonBlocking(fd);
    suppressSigpipe(fd);
#ifndef _WIN32
    fcntl(fd, F_SETFD, FD_CLOEXEC);
#endif
    ++m_stats.accepted;
    auto owned = std::make_unique<Channel>();
    owned->fd = fd;
    owned->spec = listener.spec;
    owned->listener = &listener;
    owned->memberIndex = listener.members.size();
    owned->local = localAddress(fd);
    owned->peer = peerAddress(fd);
    owned->openedNs = monotonicNs();
    owned->behaviour = makeBehaviour(listener.spec->behaviour, m_resources);
    Channel& ch = m_connections.insert(std::move(owned));
    listener.members.push_back(&ch);
    m_connections.accepted(ch);
    ++m_stats.openConnections;
    m_observer.emit(EventKind::Accept, &ch, 0, fdNumber(listener.fd), 0, {}, ch.peer);
    if (!ch.unwatchedByDesign()) {
        m_connections.updateInterest(ch);
        // Refused: the poller cannot hold it (select's FD_SETSIZE). Closed at once, never FD_SET.
        if (m_connections.crashed())
            return;  // --as-written: select() raised; the loop stops and closes everything
        if (!ch.watched)
            return m_connections.closeChannel(ch, CloseReason::Refused, 0);
    }
    ch.behaviour->onAccept(ch, m_connections);
    m_connections.afterHandler(ch);
}

bool Acceptor::handleExhaustion(Channel& listener, int err) {
    ++m_stats.errors;
    m_observer.emit(EventKind::Error, &listener, 0, 0, err, {},
                    engineText(TextId::AcceptOutOfDescriptors));
    if (refuseWithSpare(listener, err))
        return true;
    // No spare descriptor: rest the listener briefly rather than spin on a readable backlog.
    // Its return to the read set is an epoll_ctl(MOD), which re-arms an edge-triggered one.
    m_connections.restListener(listener, monotonicNs() + kAcceptRestNs);
    m_observer.emit(EventKind::AcceptPaused, &listener, 0, kAcceptRestNs / 1000000, err);
    return false;
}

bool Acceptor::refuseWithSpare(Channel& listener, int err) {
#ifndef _WIN32
    // The classic way out: give back the spare descriptor, accept the waiting client and close
    // it at once, so it learns it was refused instead of hanging in the backlog, and the
    // listener stops being readable instead of spinning the loop.
    if (m_spareFd < 0)
        return false;
    close(m_spareFd);
    const NativeSocket fd = accept(listener.fd, nullptr, nullptr);
    if (fd >= 0) {
        ++m_stats.refused;
        m_observer.emit(EventKind::Refuse, &listener, 0, 0, err, {},
                        engineText(TextId::DescriptorTableFull, {socketErrorName(err)}));
        close(fd);
    }
    m_spareFd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    return fd >= 0 && m_spareFd >= 0;
#else
    (void)listener;
    (void)err;
    return false;
#endif
}

void Acceptor::resumeListeners() {
    // The spare descriptor may have been lost to EMFILE; retry when the listeners retry.
    if (m_connections.resumeListeners(monotonicNs()) > 0)
        openSpare();
}

}  // namespace ss
