// SPDX-License-Identifier: GPL-3.0-or-later
// Where the http behaviour gets the numbers for its statistics page. The behaviour is handed a
// provider when it is made, so that it needs nothing from the loop itself.
#pragma once

#include "core/server/http_response.h"

namespace ss {

class HttpStatsProvider {
public:
    virtual ~HttpStatsProvider() = default;
    // Called on the loop thread, while a behaviour handles received bytes.
    virtual HttpStats httpStats() const = 0;
};

}  // namespace ss
