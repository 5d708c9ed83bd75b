// SPDX-License-Identifier: GPL-3.0-or-later
// echo, chat and discard, with the optional upper/suffix transforms of the tutorials.
#pragma once

#include "core/server/behaviour.h"

namespace ss {

class StreamBehaviour final : public Behaviour {
public:
    void onData(Channel& ch, char* data, size_t n, size_t spare, LoopApi& api) override;
};

}  // namespace ss
