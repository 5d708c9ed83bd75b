// SPDX-License-Identifier: GPL-3.0-or-later
// A wait call as the tutorials' selectors server writes it (seed 001, part 4):
//   sel.register(5, selectors.EVENT_READ, read)                       a Watch event
//   sel.modify(5, selectors.EVENT_READ | selectors.EVENT_WRITE, read)  the sets asked for more
//   sel.unregister(5)                                                  an Unwatch, or a Close
//   events = sel.select(1.0)  ->  [(fd 3, EVENT_READ) → accept, (fd 5, EVENT_READ) → read]
// sel.select() takes the timeout in seconds and none when the call blocks; each pair names the
// descriptor of key.fileobj, the mask, and the callback key.data holds, which the loop then calls
// as callback(key.fileobj, mask). A callback the records do not name shows as "?" (see
// SelectorsRegistry); a modify() of such a key keeps its data with sel.get_key(fd).data. Python
// code is not translated; the note on "?" is.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <cstdint>

#include "core/trace/trace_types.h"
#include "ui/models/selectors_registry.h"

class SelectorsText {
    Q_DECLARE_TR_FUNCTIONS(SelectorsText)

public:
    // "sel.register(5, selectors.EVENT_READ, read)", "sel.unregister(5)" ...
    static QString opLine(const SelectorsOp& op);
    // Every op of the step, one line each.
    static QStringList opLines(const SelectorsStep& step);
    // The ops as the statements before the call on one line, "sel.register(4, ...); "; empty
    // without ops. With a limit, at most that many around an ellipsis.
    static QString statements(const SelectorsStep& step, size_t limit = SIZE_MAX);
    // "events = sel.select(1.0)", or "events = sel.select()" for a call that blocks.
    static QString call(const ss::CallRecord& call);
    // "  ->  [(fd 5, EVENT_READ) → read]", or "  ->  OSError(EINTR)" for a failed call. With a
    // limit, at most that many pairs around an ellipsis.
    static QString result(const ss::CallRecord& call, const SelectorsStep& step,
                          size_t limit = SIZE_MAX);
    static QString line(const ss::CallRecord& call, const SelectorsStep& step,
                        size_t limit = SIZE_MAX);
    // The sentence that explains a "?" callback, when the step has one; else empty.
    static QString unknownNote(const SelectorsStep& step);
};
