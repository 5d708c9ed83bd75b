// SPDX-License-Identifier: GPL-3.0-or-later
// The loop's descriptors and what behaviours may do with them: the connections with their
// output queues and backpressure, the interest each descriptor has with the poller, and
// closing. Behaviours reach it only as LoopApi. Everything here runs on the loop thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/poller/poller.h"
#include "core/server/behaviour.h"
#include "core/server/busy_loop.h"
#include "core/server/channel.h"
#include "core/server/loop_observer.h"

namespace ss {

class Connections final : public LoopApi {
public:
    // maxQueueBytes bounds each connection's output queue; over it the connection is not read.
    Connections(ChannelTable& channels, LoopObserver& observer, uint64_t maxQueueBytes);

    // The poller every interest change goes to; the loop sets it again after a switch. With
    // drain (epoll in et-drain mode) every ready descriptor is read, accepted or received from
    // until EAGAIN; without it, as the tutorials do, once per report.
    void usePoller(Poller* poller, bool drain = false) {
        m_poller = poller;
        m_drain = drain;
    }
    bool drainsReadiness() const { return m_drain; }
    Channel& insert(std::unique_ptr<Channel> ch);

    // LoopApi, for behaviours.
    void reply(Channel& ch, std::string_view bytes) override;
    void broadcast(Channel& from, std::string_view bytes) override;
    void finish(Channel& ch) override;
    void fail(Channel& ch, std::string_view why) override;

    // A connection the poller reported ready.
    void handleConnection(Channel& ch, uint8_t ready);
    // A connection was accepted: the last one is where --as-written's misrouted replies go, and
    // where the welcome tutorial's `d` points (the one before is closed then).
    void accepted(Channel& ch);
    // Closes ch if a handler marked it, or once its queue drained; else updates its interest.
    void afterHandler(Channel& ch);
    void updateInterest(Channel& ch);
    void markClose(Channel& ch, CloseReason reason, int err);
    void closeChannel(Channel& ch, CloseReason reason, int err);
    // Closes every socket and forgets the wake-up descriptor (whose owner closes it).
    void closeAll();

    // Listeners resting after EMFILE leave the read set until resumeNs (monotonic).
    void restListener(Channel& listener, int64_t resumeNs);
    // Puts the listeners whose rest is over at now back into the read set; returns how many.
    int resumeListeners(int64_t now);
    int restingListeners() const { return m_restingListeners; }
    int64_t earliestListenerResumeNs() const;

    // --as-written: the tutorial's server raised an exception nothing caught; what it printed.
    // The loop stops serving once it sees this.
    bool crashed() const { return !m_crash.empty(); }
    const std::string& crash() const { return m_crash; }
    // What the handlers of this iteration saw that the server did not act on (busy_loop.h);
    // cleared by the call.
    SpinSign takeSpinSign() { return std::exchange(m_spin, SpinSign{}); }

    // One buffer for every read, with room after recvSize bytes for suffix transforms.
    void reserveReadBuffer(size_t recvSize);
    char* readBuffer() { return m_readBuffer.data(); }
    size_t readBufferSize() const { return m_readBuffer.size(); }

private:
    void readReady(Channel& ch);
    // One recv(); true when it returned bytes, so that a draining loop may read again.
    bool readFrom(Channel& ch);
    bool stillReading(const Channel& ch) const;
    void readEof(Channel& ch);
    // Writes bytes to ch at once, or queues them; errors count against from's handler.
    void send(Channel& ch, Channel& from, std::string_view bytes);
    // --as-written: the tutorial's code raised `what` while handling ch, and does `fault`.
    void raise(Channel& ch, AsWritten::Fault fault, const std::string& what, int err = 0);
    void raiseSocketError(Channel& ch, AsWritten::Fault fault, int err);
    void noteSpin(const Channel& ch, SpinReason reason);
    // Where a reply to ch goes: ch, or for --as-written's misrouting the last accepted one.
    Channel* replyTarget(Channel& ch);
    void readUrgent(Channel& ch);
    void flush(Channel& ch);
    void queueBytes(Channel& ch, std::string_view bytes);
    void updateBackpressure(Channel& ch);
    uint8_t wantedInterest(const Channel& ch) const;

    ChannelTable& m_channels;
    LoopObserver& m_observer;
    EngineStats& m_stats;
    const uint64_t m_maxQueueBytes;
    Poller* m_poller = nullptr;
    bool m_drain = false;
    std::vector<char> m_readBuffer;
    int m_restingListeners = 0;
    Channel* m_lastAccepted = nullptr;
    std::string m_crash;
    SpinSign m_spin;
};

}  // namespace ss
