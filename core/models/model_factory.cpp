// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/models/blocking_server.h"
#include "core/models/nonblocking_server.h"
#include "core/models/threaded_server.h"

namespace ss {

std::unique_ptr<ModelServer> createModelServer(EngineConfig config) {
    switch (config.model) {
        case IoModel::Blocking:
            return std::make_unique<BlockingServer>(std::move(config));
        case IoModel::Threaded:
            return std::make_unique<ThreadedServer>(std::move(config));
        case IoModel::NonBlocking:
            return std::make_unique<NonBlockingServer>(std::move(config));
        case IoModel::Multiplexed:
            break;
    }
    return nullptr;
}

}  // namespace ss
