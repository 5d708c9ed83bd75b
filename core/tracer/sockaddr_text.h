// SPDX-License-Identifier: GPL-3.0-or-later
// A socket address read from a traced program, as the trace's other addresses are written:
// "127.0.0.1:9000", "[::1]:9000", "unix:/run/x.sock", or the family's number for the others.
#pragma once

#include <cstddef>
#include <string>

namespace ss::tracer {

std::string sockaddrText(const void* address, size_t length);

}  // namespace ss::tracer
