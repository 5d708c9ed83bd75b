// Listeners: adopting bound sockets, accepting connections, and staying alive when the
// descriptor table is full (EMFILE/ENFILE) without spinning on a readable listener.
#include "../net/endpoint.h"
#include "../poller/clock.h"
#include "event_loop.h"

#ifndef _WIN32
#include <fcntl.h>
#include <unistd.h>
#endif

namespace ss {
namespace {

constexpr int kAcceptsPerWakeup = 16;
constexpr int64_t kAcceptRestNs = 100 * 1000000LL;
// Room after the received bytes, so that suffix transforms append in place.
constexpr size_t kReadSpare = 4096;

}  // namespace

void EventLoop::adoptListener(NativeSocket fd, std::shared_ptr<const ListenerSpec> spec) {
    auto ch = std::make_unique<Channel>();
    ch->fd = fd;
    ch->role = spec->udp ? Role::Udp : Role::Listener;
    ch->spec = std::move(spec);
    ch->local = localAddress(fd);
    ch->openedNs = monotonicNs();
    const size_t need = ch->spec->recvSize + kReadSpare;
    if (m_readBuffer.size() < need)
        m_readBuffer.resize(need);
    Channel& added = m_channels.insert(std::move(ch));
    emit(EventKind::Listen, &added, 0, 0, 0, {},
         added.local + (added.spec->udp ? "/udp=" : "/tcp=") +
             formatBehaviour(added.spec->behaviour));
    updateInterest(added);
    if (!added.watched)
        closeChannel(added, CloseReason::Refused, 0);
}

void EventLoop::acceptFrom(Channel& listener) {
    for (int i = 0; i < kAcceptsPerWakeup; ++i) {
        sockaddr_storage peer{};
        socklen_t len = sizeof peer;
        const NativeSocket fd = accept(listener.fd, reinterpret_cast<sockaddr*>(&peer), &len);
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
            handleAcceptExhaustion(listener, err);
            return;
        }
        // ECONNABORTED and friends: that one client gave up; the listener is fine.
        ++m_stats.errors;
        emit(EventKind::Error, &listener, 0, 0, err, {}, "accept failed");
        if (!isConnectionReset(err))
            return;
    }
}

void EventLoop::acceptOne(Channel& listener, NativeSocket fd) {
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
    owned->behaviour = makeBehaviour(listener.spec->behaviour);
    Channel& ch = m_channels.insert(std::move(owned));
    listener.members.push_back(&ch);
    ++m_stats.openConnections;
    emit(EventKind::Accept, &ch, 0, fdNumber(listener.fd), 0, {}, ch.peer);
    if (!ch.unwatchedByDesign()) {
        updateInterest(ch);
        // Refused: the poller cannot hold it (select's FD_SETSIZE). Closed at once, never FD_SET.
        if (!ch.watched)
            return closeChannel(ch, CloseReason::Refused, 0);
    }
    ch.behaviour->onAccept(ch, *this);
    afterHandler(ch);
}

void EventLoop::handleAcceptExhaustion(Channel& listener, int err) {
    ++m_stats.errors;
    emit(EventKind::Error, &listener, 0, 0, err, {}, "accept failed: out of descriptors");
#ifndef _WIN32
    // The classic way out: give back the spare descriptor, accept the waiting client and close
    // it at once, so it learns it was refused instead of hanging in the backlog, and the
    // listener stops being readable instead of spinning the loop.
    if (m_spareFd >= 0) {
        close(m_spareFd);
        const NativeSocket fd = accept(listener.fd, nullptr, nullptr);
        if (fd >= 0) {
            ++m_stats.refused;
            emit(EventKind::Refuse, &listener, 0, 0, err, {},
                 "descriptor table full (" + std::string(socketErrorName(err)) +
                     "): connection closed at once");
            close(fd);
        }
        m_spareFd = open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (fd >= 0 && m_spareFd >= 0)
            return;
    }
#endif
    // No spare descriptor: rest the listener briefly rather than spin on a readable backlog.
    listener.acceptResumeNs = monotonicNs() + kAcceptRestNs;
    ++m_pausedListeners;
    updateInterest(listener);
    emit(EventKind::AcceptPaused, &listener, 0, kAcceptRestNs / 1000000, err);
}

void EventLoop::resumeListeners() {
    const int64_t now = monotonicNs();
    m_channels.forEach([&](const Channel& c) {
        if (c.acceptResumeNs == 0 || c.acceptResumeNs > now)
            return;
        Channel& ch = *m_channels.find(c.fd);
        ch.acceptResumeNs = 0;
        --m_pausedListeners;
#ifndef _WIN32
        if (m_spareFd < 0)
            m_spareFd = open("/dev/null", O_RDONLY | O_CLOEXEC);
#endif
        updateInterest(ch);
    });
}

}  // namespace ss
