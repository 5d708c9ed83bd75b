// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/server/behaviour_factory.h"

#include "core/server/framed_file_behaviour.h"
#include "core/server/http_behaviour.h"
#include "core/server/stream_behaviour.h"
#include "core/server/welcome_behaviour.h"

namespace ss {

std::unique_ptr<Behaviour> makeBehaviour(const BehaviourSpec& spec,
                                         const BehaviourResources& resources) {
    switch (spec.kind) {
        case BehaviourKind::Welcome:
            return std::make_unique<WelcomeBehaviour>();
        case BehaviourKind::FramedFile:
            return std::make_unique<FramedFileBehaviour>(resources.serveDir);
        case BehaviourKind::Http:
            return std::make_unique<HttpBehaviour>(resources.httpStats);
        default:
            return std::make_unique<StreamBehaviour>();
    }
}

}  // namespace ss
