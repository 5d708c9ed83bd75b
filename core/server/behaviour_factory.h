// SPDX-License-Identifier: GPL-3.0-or-later
// makeBehaviour(): the one place that maps a BehaviourSpec to a Behaviour class, and what the
// behaviours that need something from outside their connection are given when they are made.
#pragma once

#include <memory>

#include "core/server/behaviour.h"
#include "core/server/http_stats_provider.h"
#include "core/server/listener_spec.h"
#include "core/server/serve_dir.h"

namespace ss {

struct BehaviourResources {
    const ServeDir& serveDir;            // framed-file: the only folder it serves from
    const HttpStatsProvider& httpStats;  // http: the numbers of its statistics page
};

std::unique_ptr<Behaviour> makeBehaviour(const BehaviourSpec& spec,
                                         const BehaviourResources& resources);

}  // namespace ss
