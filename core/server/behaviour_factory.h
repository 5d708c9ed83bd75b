// makeBehaviour(): the one place that maps a BehaviourSpec to a Behaviour class, and what the
// behaviours that need something from outside their connection are given when they are made.
#pragma once

#include <memory>

#include "behaviour.h"
#include "http_stats_provider.h"
#include "listener_spec.h"
#include "serve_dir.h"

namespace ss {

struct BehaviourResources {
    const ServeDir& serveDir;            // framed-file: the only folder it serves from
    const HttpStatsProvider& httpStats;  // http: the numbers of its statistics page
};

std::unique_ptr<Behaviour> makeBehaviour(const BehaviourSpec& spec,
                                         const BehaviourResources& resources);

}  // namespace ss
