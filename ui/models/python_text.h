// SPDX-License-Identifier: GPL-3.0-or-later
// A wait call as the Python tutorials write it with the select module: select.select() with its
// three lists, or the poll, epoll and kqueue objects' calls with the (fd, events) pairs they
// return. Python code is not translated. The selectors module's form is selectors_text's.
#pragma once

#include <QString>

#include <cstddef>
#include <cstdint>

#include "core/trace/trace_types.h"

namespace python_text {

// A timeout in seconds as a Python programmer types it: 1000 -> "1.0", 250 -> "0.25".
QString seconds(int ms);
// "r, w, x = select.select([3, 5], [5], [3, 5], 1.0)", "poll.poll(1000)", "ep.poll()" ... With a
// limit, each list shows at most that many items around an ellipsis. The socket calls of the
// servers that do not multiplex: "conn, addr = server.accept()", "data = conn.recv(1024)" ...
QString selectCall(const ss::CallRecord& call, size_t limit = SIZE_MAX);
// What came back: "[5], [5], []", "[(5, POLLIN)]", "5 bytes", or the error Python raises,
// "OSError(EINTR)", "BlockingIOError".
QString selectResult(const ss::CallRecord& call, size_t limit = SIZE_MAX);
// select.select(rlist, wlist, xlist): the names of the arguments CPython passed as NULL.
QString nullArguments(const ss::CallRecord& call);

}  // namespace python_text
