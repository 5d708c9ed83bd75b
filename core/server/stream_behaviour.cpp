// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/server/stream_behaviour.h"

#include <string>

namespace ss {

void StreamBehaviour::onData(Channel& ch, char* data, size_t n, size_t spare, LoopApi& api) {
    const BehaviourSpec& spec = ch.spec->behaviour;
    if (spec.kind == BehaviourKind::Discard)
        return;
    if (spec.upper)
        asciiUpperInPlace(data, n);
    std::string_view out(data, n);
    std::string joined;
    if (!spec.suffix.empty()) {
        // The tutorials send message + suffix in one sendall(); keep it one write.
        if (spec.suffix.size() <= spare) {
            spec.suffix.copy(data + n, spec.suffix.size());
            out = std::string_view(data, n + spec.suffix.size());
        } else {
            joined.assign(data, n);
            joined += spec.suffix;
            out = joined;
        }
    }
    if (spec.kind == BehaviourKind::Chat)
        api.broadcast(ch, out);
    else
        api.reply(ch, out);
}

}  // namespace ss
