// SPDX-License-Identifier: GPL-3.0-or-later
// What the server panel may ask of the built-in engine beyond what every TraceSource offers: a
// server built from an ss::EngineConfig, and the settings a running loop can change. A recording
// or a traced program has no listeners, backend or timeout to set, so none of this is on
// TraceSource. The panel holds this narrow interface rather than the EngineSession, so that it
// sees five requests instead of the engine (and core/server/engine.h), and an engine moved to a
// process of its own could stand behind it unchanged.
#pragma once

#include <QString>

#include "core/poller/backend_kind.h"
#include "core/server/engine_config.h"

class EngineControl {
public:
    virtual ~EngineControl() = default;

    // Starts a server built from `config`, stopping any other. False, with a one-line reason in
    // *error (when given) and on the source's errorOccurred(), when it cannot.
    virtual bool start(const ss::EngineConfig& config, QString* error) = 0;
    // Both apply to the running server; the next start takes them from its configuration.
    virtual void setSlowMotion(int delayMs) = 0;
    virtual void setTimeoutMs(int timeoutMs) = 0;
    // False (reported on errorOccurred()) when the backend is unavailable or cannot take over.
    virtual bool switchBackend(ss::BackendKind kind) = 0;
    // epoll only: registers the descriptors again with or without EPOLLET (a new epoll
    // instance) and reads as the mode says. False (reported) on another backend.
    virtual bool setEpollMode(ss::EpollMode mode) = 0;

protected:
    EngineControl() = default;
    EngineControl(const EngineControl&) = default;
    EngineControl& operator=(const EngineControl&) = default;
};
