// SPDX-License-Identifier: GPL-3.0-or-later
// Listeners: adopting bound sockets, accepting connections and giving each its behaviour, and
// staying alive when the descriptor table is full (EMFILE/ENFILE) without spinning on a
// readable listener. Everything here runs on the loop thread.
#pragma once

#include <memory>

#include "core/server/behaviour_factory.h"
#include "core/server/connections.h"
#include "core/server/loop_observer.h"

namespace ss {

class Acceptor {
public:
    Acceptor(Connections& connections, LoopObserver& observer, BehaviourResources resources);
    ~Acceptor();
    Acceptor(const Acceptor&) = delete;
    Acceptor& operator=(const Acceptor&) = delete;

    // Opens the spare descriptor that is given back to refuse a client under EMFILE; stop()
    // closes it.
    void start();
    void stop();
    void adoptListener(NativeSocket fd, std::shared_ptr<const ListenerSpec> spec);
    void acceptFrom(Channel& listener);
    // Puts listeners whose rest after EMFILE is over back into the read set.
    void resumeListeners();

private:
    void acceptOne(Channel& listener, NativeSocket fd);
    // True when the waiting client was refused with the spare descriptor, so that the listener
    // is still usable; false when it rests instead.
    bool handleExhaustion(Channel& listener, int err);
    // True when the waiting client was accepted and closed at once with the spare descriptor.
    bool refuseWithSpare(Channel& listener, int err);
    void openSpare();

    Connections& m_connections;
    LoopObserver& m_observer;
    EngineStats& m_stats;
    BehaviourResources m_resources;
    NativeSocket m_spareFd = kInvalidSocket;
};

}  // namespace ss
