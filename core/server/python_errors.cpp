// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/server/python_errors.h"

#include <cstdio>

#include "core/net/platform.h"
#include "core/trace/utf8.h"

namespace ss {
namespace {

// The OSError subclass CPython raises for err (PEP 3151), by the error's symbolic name, which
// is the same on every platform ("WSAECONNRESET" ends like "ECONNRESET").
const char* exceptionClass(int err) {
    const char* name = socketErrorName(err);
    const std::string_view n = name ? name : "";
    auto is = [&](std::string_view e) {
        return n.size() >= e.size() && n.substr(n.size() - e.size()) == e;
    };
    if (is("ECONNRESET"))
        return "ConnectionResetError";
    if (is("EPIPE") || is("ESHUTDOWN"))
        return "BrokenPipeError";
    if (is("ECONNABORTED"))
        return "ConnectionAbortedError";
    if (is("ECONNREFUSED"))
        return "ConnectionRefusedError";
    if (is("ETIMEDOUT"))
        return "TimeoutError";
    return "OSError";
}

}  // namespace

std::string pythonSocketError(int err, bool python2) {
#ifdef _WIN32
    const char* errnoLabel = "WinError ";
#else
    const char* errnoLabel = "Errno ";
#endif
    return std::string(python2 ? "socket.error" : exceptionClass(err)) + ": [" + errnoLabel +
           std::to_string(err) + "] " + socketErrorText(err);
}

std::string pythonDecodeError(std::string_view data) {
    for (size_t i = 0; i < data.size();) {
        const Utf8Span span = scanUtf8(data, i);
        if (span.valid) {
            i += span.length;
            continue;
        }
        const bool lead = detail::kLeads.lead[static_cast<unsigned char>(data[i])].need != 0;
        const bool truncated = lead && i + span.length == data.size();
        char text[160];
        if (truncated && span.length > 1)
            std::snprintf(text, sizeof text,
                          "can't decode bytes in position %zu-%zu: unexpected end of data", i,
                          data.size() - 1);
        else
            std::snprintf(text, sizeof text, "can't decode byte 0x%02x in position %zu: %s",
                          unsigned(static_cast<unsigned char>(data[i])), i,
                          truncated ? "unexpected end of data"
                          : lead    ? "invalid continuation byte"
                                    : "invalid start byte");
        return std::string("UnicodeDecodeError: 'utf-8' codec ") + text;
    }
    return {};
}

std::string pythonClosedSocketError(bool python2) {
    return python2 ? "socket.error: [Errno 9] Bad file descriptor"
                   : "OSError: [Errno 9] Bad file descriptor";
}

}  // namespace ss
