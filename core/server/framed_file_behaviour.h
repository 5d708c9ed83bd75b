// SPDX-License-Identifier: GPL-3.0-or-later
// The sticky-packet tutorial's file server: for each requested path, a 4-byte native int with the
// header's length, the JSON header {"filename": ..., "size": ...}, then exactly size bytes.
// Files are served only from the engine's serve folder; a bad request gets a framed error header
// with size 0, so the tutorial's client stays in step and the connection stays usable.
#pragma once

#include <cstdint>
#include <deque>
#include <fstream>
#include <string>

#include "core/server/behaviour.h"
#include "core/server/serve_dir.h"

namespace ss {

class FramedFileBehaviour final : public Behaviour {
public:
    // dir is the only folder requests are served from; it outlives the connection.
    explicit FramedFileBehaviour(const ServeDir& dir) : m_dir(dir) {}
    void onData(Channel& ch, char* data, size_t n, size_t spare, LoopApi& api) override;
    void onDrained(Channel& ch, LoopApi& api) override;

private:
    void pump(Channel& ch, LoopApi& api);
    void startRequest(Channel& ch, const std::string& request, LoopApi& api);
    // Queues file bytes until the output queue holds a chunk; false when the file ended early.
    bool streamSome(Channel& ch, LoopApi& api);

    const ServeDir& m_dir;
    std::deque<std::string> m_requests;
    std::ifstream m_file;
    uint64_t m_remaining = 0;
};

}  // namespace ss
