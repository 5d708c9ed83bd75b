// SPDX-License-Identifier: GPL-3.0-or-later
// Names for the engine's published per-descriptor state. Like the trace names they are part of
// the machine-readable output, so they are kebab-case and never renamed.
#include "core/server/engine_config.h"

namespace ss {

std::string_view ioModelName(IoModel model) {
    switch (model) {
        case IoModel::Multiplexed:
            return "multiplexed";
        case IoModel::Blocking:
            return "blocking";
        case IoModel::Threaded:
            return "threaded";
        case IoModel::NonBlocking:
            return "non-blocking";
    }
    return "unknown";
}

std::string_view connStateName(ConnState state) {
    switch (state) {
        case ConnState::Open:
            return "open";
        case ConnState::HalfClosed:
            return "half-closed";
        case ConnState::Backpressured:
            return "backpressured";
        case ConnState::Closing:
            return "closing";
        case ConnState::Unwatched:
            return "unwatched";
    }
    return "unknown";
}

}  // namespace ss
