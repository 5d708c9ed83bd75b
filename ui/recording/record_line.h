// SPDX-License-Identifier: GPL-3.0-or-later
// One line of a recording read back: a recording is the --headless JSON Lines stream (README,
// "Headless mode and JSON schema"), so this is the inverse of core/trace/json_lines (call and
// event lines) plus the front end's start and summary lines, which are kept as they are. A call
// or event line becomes the CallRecord or SocketEvent it was written from: written again with
// ss::JsonLineWriter it is the same line, byte for byte.
//
// Qt Core only (QJsonDocument), so that `selectscope --headless --open` reads recordings in a
// build without the window. Damage is reported, never guessed at: a line that is not one JSON
// object, a key of the wrong type, a missing key, an unknown key or an unknown name is an error
// that says which key.
#pragma once

#include <QByteArray>
#include <QString>

#include <string>
#include <vector>

#include "core/poller/backend_kind.h"
#include "core/server/engine_config.h"
#include "core/trace/trace_types.h"

namespace record_line {

enum class Type { Start, Call, Event, Summary };

// What a start line says: the server that was recorded, and the descriptors it had open when the
// recording began (none when it began with the server, as --headless writes it).
struct StartInfo {
    ss::BackendKind backend = ss::BackendKind::Select;
    ss::EpollMode epollMode = ss::EpollMode::Level;
    ss::IoModel model = ss::IoModel::Multiplexed;
    std::vector<std::string> listeners;  // as --listen takes them
    int32_t timeoutMs = -1;
    std::string trace, version;
    std::vector<ss::DescriptorInfo> descriptors;
    // A traced program's recording ("source":"trace"): its command line and process; the
    // server fields above keep their defaults.
    bool traced = false;
    std::string command;
    int32_t pid = 0;
    bool seccomp = false;
};

struct Parsed {
    Type type = Type::Call;
    StartInfo start;        // Type::Start
    ss::CallRecord call;    // Type::Call
    ss::SocketEvent event;  // Type::Event
};

// Reads one line (its trailing newline, if any, is ignored). Returns false with a one-line
// English *error, e.g. "\"ret\" is not an integer", and leaves *out unspecified.
bool parse(const QByteArray& line, Parsed* out, QString* error);

}  // namespace record_line
