// SPDX-License-Identifier: GPL-3.0-or-later
// A real, small HTTP/1.1 server: GET / answers a page of the engine's live statistics, HEAD the
// same without body, other paths 404, other methods 405, malformed requests 400/414/431/505.
// Every response closes the connection (Connection: close), which browsers and curl handle.
#pragma once

#include "core/server/behaviour.h"
#include "core/server/http_request.h"
#include "core/server/http_stats_provider.h"

namespace ss {

class HttpBehaviour final : public Behaviour {
public:
    // stats supplies the statistics page; it outlives the connection.
    explicit HttpBehaviour(const HttpStatsProvider& stats) : m_stats(stats) {}
    void onData(Channel& ch, char* data, size_t n, size_t spare, LoopApi& api) override;

private:
    void answer(Channel& ch, LoopApi& api);

    const HttpStatsProvider& m_stats;
    HttpRequestParser m_parser;
    bool m_answered = false;
};

}  // namespace ss
