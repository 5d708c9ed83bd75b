// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/server/welcome_behaviour.h"

namespace ss {

void WelcomeBehaviour::onAccept(Channel& ch, LoopApi& api) {
    api.reply(ch, ch.spec->behaviour.welcome);
    if (!ch.spec->asWritten.closesPreviousOnAccept)
        api.finish(ch);
}

}  // namespace ss
