// SPDX-License-Identifier: GPL-3.0-or-later
// Creating bound sockets for listeners. Runs on the caller's thread (Engine::start and
// Engine::addListener), so that "port already in use" comes back as a plain error message.
#pragma once

#include <string>

#include "core/net/platform.h"
#include "core/server/listener_spec.h"

namespace ss {

// Returns a non-blocking socket bound (and for TCP listening) as the spec says, or
// kInvalidSocket with a one-line *error that names the address and port.
NativeSocket openListenerSocket(const ListenerSpec& spec, bool allowRemote, std::string* error);

}  // namespace ss
