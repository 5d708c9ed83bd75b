// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/server/connections.h"
#include "core/server/python_errors.h"
#include "core/trace/engine_text.h"

#include <algorithm>
#include <cstdint>
#include <string>

namespace ss {
namespace {

// Room after the received bytes, so that suffix transforms append in place.
constexpr size_t kReadSpare = 4096;

CloseReason reasonFor(int err) {
    return isConnectionReset(err) ? CloseReason::PeerReset : CloseReason::Error;
}

}  // namespace

Connections::Connections(ChannelTable& channels, LoopObserver& observer, uint64_t maxQueueBytes)
    : m_channels(channels),
      m_observer(observer),
      m_stats(observer.counters()),
      m_maxQueueBytes(maxQueueBytes) {}

void Connections::accepted(Channel& ch) {
    Channel* previous = std::exchange(m_lastAccepted, &ch);
    if (previous && previous->spec->asWritten.closesPreviousOnAccept &&
        ch.spec->asWritten.closesPreviousOnAccept)
        closeChannel(*previous, CloseReason::ServerClosed, 0);
}

Channel& Connections::insert(std::unique_ptr<Channel> ch) {
    return m_channels.insert(std::move(ch));
}

void Connections::reserveReadBuffer(size_t recvSize) {
    const size_t need = recvSize + kReadSpare;
    if (m_readBuffer.size() < need)
        m_readBuffer.resize(need);
}

void Connections::handleConnection(Channel& ch, uint8_t ready) {
    const AsWritten& aw = ch.spec->asWritten;
    bool dropAfter = false;  // --as-written: `for e in c: lib.remove(e)` runs after the reads
    if (ready & kExcept) {
        if (aw.exceptUnwatches) {
            dropAfter = true;
        } else if (ch.spec->exceptPolicy == ExceptPolicy::Close) {
            closeChannel(ch, CloseReason::ExceptionalSet, 0);
            return;
        } else {
            readUrgent(ch);
        }
    }
    if (ready & kWrite) {
        if (!ch.out.empty())
            flush(ch);
        else
            noteSpin(ch, SpinReason::WritableNothingQueued);
    }
    if (ch.closeNow)
        return afterHandler(ch);
    if (ready & (kRead | kHangup | kError)) {
        if (ch.interest & kRead) {
            if (m_drain)
                readReady(ch);
            else
                readFrom(ch);
        } else if (ready & (kHangup | kError)) {
            // Not reading (backpressure or half-closed), yet the kernel says the connection is
            // gone: try to write what is queued; the error, if any, closes it.
            flush(ch);
            if (!ch.closeNow && (ready & kError))
                markClose(ch, CloseReason::Error, 0);
        }
    }
    if (dropAfter)
        ch.dropped = true;
    afterHandler(ch);
}

// --epoll-mode et-drain only. Level-triggered (and in et) the handler makes one recv() per
// report, as the tutorials do: what it leaves in the kernel's queue makes the next call report
// the connection again, or, edge triggered, is not reported again until more bytes arrive.
// Here it reads until EAGAIN, EOF or an error, or until the connection stops reading
// (backpressure, a behaviour that is done): the kernel reports it again when its interest
// regains EPOLLIN, since epoll_ctl(MOD) re-arms the edge.
//
// et-drain then writes what the reads queued, until the queue is empty or send() says EAGAIN.
// Waiting for the write set instead can hang: when this report also said EPOLLOUT, the flush
// above used that edge, the write interest stays as it was (no epoll_ctl to re-arm it), and a
// socket that stays writable makes no new edge. After EAGAIN the kernel does report one.
void Connections::readReady(Channel& ch) {
    while (readFrom(ch) && stillReading(ch)) {
    }
    if (!ch.closeNow && !ch.out.empty())
        flush(ch);
}

bool Connections::stillReading(const Channel& ch) const {
    return !ch.closeNow && !ch.closeAfterFlush && !ch.peerEof && !ch.backpressured && !ch.dropped &&
           m_crash.empty();
}

bool Connections::readFrom(Channel& ch) {
    char* buf = m_readBuffer.data();
    const size_t cap = ch.spec->recvSize;
    const ssize_type n = recvBytes(ch.fd, buf, cap);
    ++m_stats.socketCalls;
    if (n > 0) {
        const std::string_view data(buf, size_t(n));
        ch.bytesIn += size_t(n);
        m_stats.bytesIn += size_t(n);
        m_observer.emit(EventKind::Recv, &ch, n, 0, 0, data);
        const AsWritten& aw = ch.spec->asWritten;
        if (aw.decodesUtf8) {
            const std::string error = pythonDecodeError(data);
            if (!error.empty()) {
                raise(ch, aw.onDecodeError, error);
                return false;
            }
        }
        ch.behaviour->onData(ch, buf, size_t(n), m_readBuffer.size() - size_t(n), *this);
        return true;
    }
    if (n == 0) {
        readEof(ch);
        return false;
    }
    const int err = lastSocketError();
    if (isInterrupted(err))
        return true;  // nothing was read; a draining loop asks again
    if (isWouldBlock(err))
        return false;
    if (ch.spec->asWritten.on)
        raiseSocketError(ch, ch.spec->asWritten.onRecvError, err);
    else
        markClose(ch, reasonFor(err), err);
    return false;
}

void Connections::readEof(Channel& ch) {
    const AsWritten& aw = ch.spec->asWritten;
    if (aw.eofIsMessage) {
        // The tutorial's code answers b'' like any message and keeps the socket in its list,
        // so the next call reports it readable again, at once.
        if (ch.peerEof) {
            noteSpin(ch, SpinReason::EofNeverClosed);
            m_observer.emit(EventKind::Recv, &ch, 0);
        } else {
            ch.peerEof = true;
            m_observer.emit(EventKind::HalfClose, &ch, int64_t(ch.out.bytes()));
        }
        ch.behaviour->onData(ch, m_readBuffer.data(), 0, m_readBuffer.size(), *this);
        return;
    }
    ch.peerEof = true;
    if (aw.eofUnwatches) {
        m_observer.emit(EventKind::HalfClose, &ch, int64_t(ch.out.bytes()));
        ch.dropped = true;
        return;
    }
    if (ch.out.empty() && !ch.closeAfterFlush)
        return markClose(ch, CloseReason::PeerClosed, 0);
    m_observer.emit(EventKind::HalfClose, &ch, int64_t(ch.out.bytes()));
}

void Connections::raise(Channel& ch, AsWritten::Fault fault, const std::string& what, int err) {
    m_observer.emit(EventKind::Exception, &ch, 0, int64_t(fault), err, {}, what);
    switch (fault) {
        case AsWritten::Fault::Close:
            markClose(ch, err ? reasonFor(err) : CloseReason::Error, err);
            break;
        case AsWritten::Fault::Unwatch:
            ch.dropped = true;
            break;
        case AsWritten::Fault::Crash:
            if (m_crash.empty())
                m_crash = what;
            break;
    }
}

void Connections::raiseSocketError(Channel& ch, AsWritten::Fault fault, int err) {
    raise(ch, fault, pythonSocketError(err, ch.spec->asWritten.python2), err);
}

void Connections::noteSpin(const Channel& ch, SpinReason reason) {
    if (m_spin.reason == SpinReason::None)
        m_spin = {reason, fdNumber(ch.fd)};
}

void Connections::readUrgent(Channel& ch) {
    char byte = 0;
    const ssize_type n = recvBytes(ch.fd, &byte, 1, MSG_OOB);
    ++m_stats.socketCalls;
    if (n <= 0)
        return;  // EINVAL: the mark was already passed; nothing urgent to read
    ++m_stats.urgentBytes;
    m_observer.emit(EventKind::Urgent, &ch, n, 0, 0, std::string_view(&byte, 1));
}

void Connections::flush(Channel& ch) {
    while (!ch.out.empty()) {
        const std::string_view chunk = ch.out.front();
        const ssize_type n = sendBytes(ch.fd, chunk.data(), chunk.size());
        ++m_stats.socketCalls;
        if (n < 0) {
            const int err = lastSocketError();
            if (isWouldBlock(err) || isInterrupted(err))
                break;
            if (ch.spec->asWritten.on)
                return raiseSocketError(ch, ch.spec->asWritten.onSendError, err);
            return markClose(ch, reasonFor(err), err);
        }
        // Emitted before consume(): chunk points into a message that consume() may free.
        m_observer.emit(EventKind::Send, &ch, n, 0, 0, chunk.substr(0, size_t(n)));
        ch.out.consume(size_t(n));
        ch.bytesOut += size_t(n);
        m_stats.bytesOut += size_t(n);
    }
    m_observer.emit(EventKind::QueueChange, &ch, int64_t(ch.out.bytes()),
                    int64_t(ch.out.messages()));
    updateBackpressure(ch);
    if (ch.out.empty() && ch.behaviour)
        ch.behaviour->onDrained(ch, *this);
}

void Connections::afterHandler(Channel& ch) {
    if (ch.closeNow)
        return closeChannel(ch, ch.closeReason, ch.closeErr);
    if (ch.dropped || ch.spec->asWritten.eofIsMessage)
        return updateInterest(ch);  // the tutorial's code never closes these
    if (ch.out.empty() && ch.closeAfterFlush)
        return closeChannel(ch, CloseReason::ServerClosed, 0);
    if (ch.out.empty() && ch.peerEof)
        return closeChannel(ch, CloseReason::PeerClosed, 0);
    updateInterest(ch);
    if (ch.closeNow)
        closeChannel(ch, ch.closeReason, ch.closeErr);
}

void Connections::reply(Channel& from, std::string_view bytes) {
    if (!from.spec->asWritten.replyToLastAccepted)
        return send(from, from, bytes);
    Channel* to = replyTarget(from);
    if (!to)
        return;
    send(*to, from, bytes);
    if (to == &from)
        return;
    // A misrouted reply: the socket it went to is settled here, as broadcast() settles its own.
    if (to->closeNow)
        closeChannel(*to, to->closeReason, to->closeErr);
    else
        updateInterest(*to);
}

void Connections::send(Channel& ch, Channel& from, std::string_view bytes) {
    if (ch.closeNow)
        return;
    const AsWritten& aw = from.spec->asWritten;
    if (ch.spec->writeMode == WriteMode::Direct && ch.out.empty()) {
        const ssize_type n = sendBytes(ch.fd, bytes.data(), bytes.size());
        ++m_stats.socketCalls;
        if (n < 0) {
            const int err = lastSocketError();
            if (!isWouldBlock(err) && !isInterrupted(err))
                return aw.on ? raiseSocketError(from, aw.onSendError, err)
                             : markClose(ch, reasonFor(err), err);
        } else {
            ch.bytesOut += size_t(n);
            m_stats.bytesOut += size_t(n);
            m_observer.emit(EventKind::Send, &ch, n, 0, 0, bytes.substr(0, size_t(n)));
            bytes.remove_prefix(size_t(n));
        }
        if (bytes.empty() || aw.sendOnce)
            return;  // send(), unlike sendall(), forgets what did not fit
    }
    queueBytes(ch, bytes);
}

Channel* Connections::replyTarget(Channel& ch) {
    if (!m_lastAccepted) {
        // `conn` names a socket object the program closed: send() raises, and the except
        // around it handles that for the socket that was read.
        raise(ch, ch.spec->asWritten.onSendError,
              pythonClosedSocketError(ch.spec->asWritten.python2));
        return nullptr;
    }
    return m_lastAccepted;
}

void Connections::queueBytes(Channel& ch, std::string_view bytes) {
    ch.out.push(bytes);
    m_observer.emit(EventKind::QueueChange, &ch, int64_t(ch.out.bytes()),
                    int64_t(ch.out.messages()));
    updateBackpressure(ch);
}

void Connections::broadcast(Channel& from, std::string_view bytes) {
    if (!from.listener)
        return;
    // Copy: closing a slow member below reorders the list.
    std::vector<Channel*> members = from.listener->members;
    for (Channel* to : members) {
        if (to == &from || to->closeNow)
            continue;
        if (to->out.bytes() >= m_maxQueueBytes) {
            // A chat member that stopped reading would otherwise hold everyone's messages.
            fail(*to, engineText(TextId::SlowConsumer));
            closeChannel(*to, to->closeReason, 0);
            continue;
        }
        send(*to, *to, bytes);
        if (to->closeNow)
            closeChannel(*to, to->closeReason, to->closeErr);
        else
            updateInterest(*to);
    }
}

void Connections::finish(Channel& ch) {
    ch.closeAfterFlush = true;
}

void Connections::fail(Channel& ch, std::string_view why) {
    ++m_stats.errors;
    m_observer.emit(EventKind::Error, &ch, 0, 0, 0, {}, why);
    markClose(ch, CloseReason::Error, 0);
}

void Connections::updateBackpressure(Channel& ch) {
    const uint64_t queued = ch.out.bytes();
    if (!ch.backpressured && queued >= m_maxQueueBytes) {
        ch.backpressured = true;
        m_observer.emit(EventKind::BackpressureOn, &ch, int64_t(queued), int64_t(m_maxQueueBytes));
    } else if (ch.backpressured && queued <= m_maxQueueBytes / 2) {
        ch.backpressured = false;
        m_observer.emit(EventKind::BackpressureOff, &ch, int64_t(queued), int64_t(m_maxQueueBytes));
    }
}

uint8_t Connections::wantedInterest(const Channel& ch) const {
    uint8_t want = 0;
    switch (ch.role) {
        case Role::Wakeup:
            want = kRead;
            break;
        case Role::Listener:
            want = ch.acceptResumeNs ? 0 : kRead;
            if (ch.spec->watchExcept)
                want |= kExcept;
            break;
        case Role::Udp:
            want = kRead | (ch.pendingDatagrams.empty() ? 0 : kWrite);
            break;
        case Role::Connection:
            if (ch.dropped)
                return ch.out.empty() ? 0 : kWrite;  // still in the tutorial's write list
            if ((!ch.peerEof || ch.spec->asWritten.eofIsMessage) && !ch.backpressured)
                want |= kRead;
            if (!ch.out.empty())
                want |= kWrite;
            if (ch.spec->watchExcept)
                want |= kExcept;
            if (ch.unwatchedByDesign())
                want &= kWrite;  // the tutorial never watches these
            break;
    }
    return want;
}

void Connections::updateInterest(Channel& ch) {
    const uint8_t want = wantedInterest(ch);
    std::string error;
    if (!ch.watched) {
        if (want == 0 && (ch.unwatchedByDesign() || ch.dropped))
            return;
        if (!m_poller->add(ch.fd, want, &error)) {
            if (ch.spec && ch.spec->asWritten.diesAtSetSize && m_poller->descriptorLimit() > 0 &&
                fdNumber(ch.fd) >= m_poller->descriptorLimit())
                return raise(ch, AsWritten::Fault::Crash, std::string(kSelectOutOfRange));
            ++m_stats.refused;
            m_observer.emit(EventKind::Refuse, &ch, 0, m_poller->descriptorLimit(), 0, {}, error);
            return markClose(ch, CloseReason::Refused, 0);
        }
        ch.watched = true;
        ch.interest = want;
        ++m_stats.watchedDescriptors;
        m_observer.emit(EventKind::Watch, &ch, 0, want);
        return;
    }
    if (want == ch.interest)
        return;
    if (want == 0 && ch.dropped) {
        m_poller->remove(ch.fd);
        ch.watched = false;
        ch.interest = 0;
        --m_stats.watchedDescriptors;
        m_observer.emit(EventKind::Unwatch, &ch);
        return;
    }
    if (!m_poller->modify(ch.fd, want, &error)) {
        m_observer.emit(EventKind::Error, &ch, 0, 0, 0, {}, error);
        return markClose(ch, CloseReason::Error, 0);
    }
    ch.interest = want;
}

void Connections::markClose(Channel& ch, CloseReason reason, int err) {
    if (ch.closeNow)
        return;
    ch.closeNow = true;
    ch.closeReason = reason;
    ch.closeErr = err;
}

void Connections::closeChannel(Channel& ch, CloseReason reason, int err) {
    if (ch.watched) {
        m_poller->remove(ch.fd);
        --m_stats.watchedDescriptors;
    }
    if (err != 0 && reason == CloseReason::Error)
        ++m_stats.errors;
    m_observer.emit(EventKind::Close, &ch, int64_t(ch.out.bytes()), int64_t(reason), err);
    if (ch.listener) {
        std::vector<Channel*>& members = ch.listener->members;
        members[ch.memberIndex] = members.back();
        members[ch.memberIndex]->memberIndex = ch.memberIndex;
        members.pop_back();
    }
    for (Channel* member : ch.members)
        member->listener = nullptr;
    if (ch.acceptResumeNs)
        --m_restingListeners;
    if (m_lastAccepted == &ch)
        m_lastAccepted = nullptr;
    if (ch.role == Role::Connection) {
        --m_stats.openConnections;
        ++m_stats.closed;
    }
    const NativeSocket fd = ch.fd;
    closeSocket(fd);
    m_channels.erase(fd);  // ch is gone from here on
}

void Connections::closeAll() {
    std::vector<Channel*> all;
    Channel* wake = nullptr;
    m_channels.forEach([&](const Channel& ch) {
        Channel* found = m_channels.find(ch.fd);
        if (ch.role == Role::Wakeup)
            wake = found;
        else
            all.push_back(found);
    });
    // Connections first, so that listeners' member lists stay valid while they close.
    std::stable_partition(all.begin(), all.end(),
                          [](const Channel* c) { return c->role == Role::Connection; });
    for (Channel* ch : all)
        closeChannel(*ch, CloseReason::ServerClosed, 0);
    if (wake) {
        if (wake->watched && m_poller) {
            m_poller->remove(wake->fd);
            --m_stats.watchedDescriptors;
        }
        m_channels.erase(wake->fd);  // the Wakeup object closes its own descriptor
    }
}

void Connections::restListener(Channel& listener, int64_t resumeNs) {
    listener.acceptResumeNs = resumeNs;
    ++m_restingListeners;
    updateInterest(listener);
}

int Connections::resumeListeners(int64_t now) {
    int resumed = 0;
    m_channels.forEach([&](const Channel& c) {
        if (c.acceptResumeNs == 0 || c.acceptResumeNs > now)
            return;
        Channel& ch = *m_channels.find(c.fd);
        ch.acceptResumeNs = 0;
        --m_restingListeners;
        ++resumed;
        updateInterest(ch);
    });
    return resumed;
}

int64_t Connections::earliestListenerResumeNs() const {
    int64_t earliest = INT64_MAX;
    m_channels.forEach([&](const Channel& ch) {
        if (ch.acceptResumeNs > 0)
            earliest = std::min(earliest, ch.acceptResumeNs);
    });
    return earliest;
}

}  // namespace ss
