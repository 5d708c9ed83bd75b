// SPDX-License-Identifier: GPL-3.0-or-later
// The first tutorial's server: sendall() a welcome, never watch the connection. Python closes
// the socket when its last reference goes; here it closes once the text is written.
#pragma once

#include "core/server/behaviour.h"

namespace ss {

class WelcomeBehaviour final : public Behaviour {
public:
    void onAccept(Channel& ch, LoopApi& api) override;
    void onData(Channel&, char*, size_t, size_t, LoopApi&) override {}
};

}  // namespace ss
