// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/server/behaviour.h"

namespace ss {

void Behaviour::onAccept(Channel& ch, LoopApi& api) {
    const BehaviourSpec& spec = ch.spec->behaviour;
    if (!spec.greeting.empty())
        api.reply(ch, spec.greeting);
}

void Behaviour::onDrained(Channel&, LoopApi&) {}

void asciiUpperInPlace(char* data, size_t n) {
    for (size_t i = 0; i < n; ++i)
        if (data[i] >= 'a' && data[i] <= 'z')
            data[i] = static_cast<char>(data[i] - 'a' + 'A');
}

}  // namespace ss
