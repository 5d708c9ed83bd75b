// SPDX-License-Identifier: GPL-3.0-or-later
// What a connection does with the bytes it receives. One Behaviour object lives per
// connection (framed-file and http keep per-connection state); the loop calls it on the loop
// thread and it answers only through LoopApi, never by touching sockets. Whatever else a
// behaviour needs (a folder to serve, statistics to show) it is given when it is made, in
// behaviour_factory.h.
#pragma once

#include <cstddef>

#include "core/server/channel.h"
#include "core/server/listener_spec.h"
#include "core/server/loop_api.h"

namespace ss {

class Behaviour {
public:
    virtual ~Behaviour() = default;
    virtual void onAccept(Channel& ch, LoopApi& api);
    // data[0, n) was received; data has at least `spare` writable bytes after n, so transforms
    // that append (suffix) can work in place.
    virtual void onData(Channel& ch, char* data, size_t n, size_t spare, LoopApi& api) = 0;
    // The output queue became empty (framed-file streams the next part of a file here).
    virtual void onDrained(Channel& ch, LoopApi& api);
};

// Python's bytes.upper(): ASCII a-z only, every other byte unchanged.
void asciiUpperInPlace(char* data, size_t n);

}  // namespace ss
