// SPDX-License-Identifier: GPL-3.0-or-later
// The exceptions a tutorial's Python server raises, worded as Python prints them, for
// --as-written: what the server does when one is raised is the preset's AsWritten.
#pragma once

#include <string>
#include <string_view>

namespace ss {

// "ConnectionResetError: [Errno 104] Connection reset by peer"; Python 2 names every socket
// error "socket.error: [Errno 104] Connection reset by peer".
std::string pythonSocketError(int err, bool python2);

// What str(data, encoding="utf-8") raises on data, e.g. "UnicodeDecodeError: 'utf-8' codec
// can't decode bytes in position 1022-1023: unexpected end of data"; empty when data decodes.
std::string pythonDecodeError(std::string_view data);

// select.select() with a descriptor of FD_SETSIZE or more in a list.
inline constexpr std::string_view kSelectOutOfRange =
    "ValueError: filedescriptor out of range in select()";

// A send() on a socket object the program had already closed.
std::string pythonClosedSocketError(bool python2);

}  // namespace ss
