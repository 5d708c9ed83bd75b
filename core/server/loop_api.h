// SPDX-License-Identifier: GPL-3.0-or-later
// What a behaviour may ask of the loop, and nothing more: answer, broadcast, finish and fail.
// Implemented by Connections; called on the loop thread from inside a behaviour's handler.
#pragma once

#include <string_view>

#include "core/server/channel.h"

namespace ss {

class LoopApi {
public:
    virtual ~LoopApi() = default;
    // Sends bytes to ch: written at once or queued, as the listener's write mode says.
    virtual void reply(Channel& ch, std::string_view bytes) = 0;
    // Sends bytes to every other connection of the same listener.
    virtual void broadcast(Channel& from, std::string_view bytes) = 0;
    // The behaviour is done with ch: close it once its queue has drained.
    virtual void finish(Channel& ch) = 0;
    // Closes ch at once after the handler returns, with an error event that says why.
    virtual void fail(Channel& ch, std::string_view why) = 0;
};

}  // namespace ss
