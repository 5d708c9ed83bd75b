// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/server/datagrams.h"

#include <string>

#include "core/net/endpoint.h"
#include "core/trace/engine_text.h"

namespace ss {

Datagrams::Datagrams(Connections& connections, LoopObserver& observer, uint64_t maxQueueBytes)
    : m_connections(connections),
      m_observer(observer),
      m_stats(observer.counters()),
      m_maxQueueBytes(maxQueueBytes) {}

bool Datagrams::receive(Channel& ch) {
    sockaddr_storage from{};
    socklen_t fromLen = sizeof from;
    const size_t cap = ch.spec->recvSize;
    char* buf = m_connections.readBuffer();
    int flags = 0;
#ifdef __linux__
    flags = MSG_TRUNC;  // returns the datagram's real length, so truncation can be reported
#endif
#ifdef _WIN32
    int n = recvfrom(ch.fd, buf, int(cap), flags, reinterpret_cast<sockaddr*>(&from), &fromLen);
    // Winsock fills the buffer with the start of a datagram that does not fit, drops the rest
    // and fails with WSAEMSGSIZE, without telling the real size. That is a truncated datagram,
    // answered like any other, as the preset table promises; only its real size stays unknown.
    const bool sizeUnknown = n < 0 && lastSocketError() == WSAEMSGSIZE;
    if (sizeUnknown)
        n = int(cap);
#else
    const ssize_t n =
        recvfrom(ch.fd, buf, cap, flags, reinterpret_cast<sockaddr*>(&from), &fromLen);
    const bool sizeUnknown = false;
#endif
    ++m_stats.socketCalls;
    if (n < 0) {
        const int err = lastSocketError();
        if (isWouldBlock(err))
            return false;
        if (isInterrupted(err))
            return true;
        // ICMP port unreachable from an earlier reply shows up here; the socket itself is fine,
        // and datagrams may still be queued behind the error.
        m_observer.emit(EventKind::Error, &ch, 0, 0, err, {}, engineText(TextId::RecvfromFailed));
        return true;
    }
    const size_t got = size_t(n) < cap ? size_t(n) : cap;
    ++m_stats.datagramsIn;
    ch.bytesIn += got;
    m_stats.bytesIn += got;
    const std::string sender = formatSockaddr(reinterpret_cast<sockaddr*>(&from));
    std::string text = sender;
    if (sizeUnknown)
        text += " (truncated: longer than " + std::to_string(cap) + " bytes)";
    else if (size_t(n) > cap)
        text += " (truncated from " + std::to_string(n) + " bytes)";
    m_observer.emit(EventKind::Datagram, &ch, int64_t(got), int64_t(n), 0,
                    std::string_view(buf, got), text);
    answer(ch, got, from, fromLen, sender);
    return true;
}

void Datagrams::answer(Channel& ch, size_t got, const sockaddr_storage& from, socklen_t fromLen,
                       const std::string& sender) {
    const BehaviourSpec& spec = ch.spec->behaviour;
    if (spec.kind == BehaviourKind::Discard)
        return;
    char* buf = m_connections.readBuffer();
    if (spec.upper)
        asciiUpperInPlace(buf, got);
    std::string reply(buf, got);
    reply += spec.suffix;
    Datagram d{from, fromLen, std::move(reply)};
    if (ch.pendingDatagrams.empty()) {
        const auto sent = sendto(ch.fd, d.bytes.data(), static_cast<int>(d.bytes.size()), 0,
                                 reinterpret_cast<sockaddr*>(&d.to), d.toLen);
        ++m_stats.socketCalls;
        if (sent >= 0) {
            ++m_stats.datagramsOut;
            ch.bytesOut += size_t(sent);
            m_stats.bytesOut += size_t(sent);
            m_observer.emit(EventKind::Send, &ch, sent, 0, 0, d.bytes, sender);
            return;
        }
        if (!isWouldBlock(lastSocketError())) {
            m_observer.emit(EventKind::Error, &ch, 0, 0, lastSocketError(), {},
                            engineText(TextId::SendtoPeerFailed, {sender}));
            return;
        }
    }
    if (ch.pendingDatagramBytes + d.bytes.size() > m_maxQueueBytes) {
        ++m_stats.errors;
        m_observer.emit(EventKind::Error, &ch, int64_t(d.bytes.size()), 0, 0, {},
                        engineText(TextId::UdpReplyDropped, {sender}));
        return;
    }
    ch.pendingDatagramBytes += d.bytes.size();
    ch.pendingDatagrams.push_back(std::move(d));
    m_observer.emit(EventKind::QueueChange, &ch, int64_t(ch.pendingDatagramBytes),
                    int64_t(ch.pendingDatagrams.size()));
    m_connections.updateInterest(ch);
}

void Datagrams::flush(Channel& ch) {
    while (!ch.pendingDatagrams.empty()) {
        Datagram& d = ch.pendingDatagrams.front();
        const auto sent = sendto(ch.fd, d.bytes.data(), static_cast<int>(d.bytes.size()), 0,
                                 reinterpret_cast<sockaddr*>(&d.to), d.toLen);
        ++m_stats.socketCalls;
        if (sent < 0 && isWouldBlock(lastSocketError()))
            break;
        if (sent < 0) {
            m_observer.emit(EventKind::Error, &ch, 0, 0, lastSocketError(), {},
                            engineText(TextId::SendtoFailed));
        } else {
            ++m_stats.datagramsOut;
            ch.bytesOut += size_t(sent);
            m_stats.bytesOut += size_t(sent);
            m_observer.emit(EventKind::Send, &ch, sent, 0, 0, d.bytes);
        }
        ch.pendingDatagramBytes -= d.bytes.size();
        ch.pendingDatagrams.pop_front();
    }
    m_observer.emit(EventKind::QueueChange, &ch, int64_t(ch.pendingDatagramBytes),
                    int64_t(ch.pendingDatagrams.size()));
    m_connections.updateInterest(ch);
}

}  // namespace ss
