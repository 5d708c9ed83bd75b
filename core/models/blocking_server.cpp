// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/models/blocking_server.h"

namespace ss {

void BlockingServer::serve() {
    while (!stopping()) {
        int err = 0;
        if (Channel* conn = acceptConnection(0, &err))
            echoUntilClosed(*conn, 0);
    }
}

}  // namespace ss
