// SPDX-License-Identifier: GPL-3.0-or-later
// One option's text turned into a checked value, or a UsageError naming the option and what it
// expects. Each function checks one value on its own; how options combine (presets, --port
// against --ports, --allow-remote) is cli_options.cpp's business.
#pragma once

#include <QString>
#include <QStringList>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/poller/backend_kind.h"
#include "core/server/engine_config.h"

namespace cli {

// Thrown by the checks below and caught in parseCommandLine(): it keeps every check one line.
struct UsageError {
    std::string message;
};

[[noreturn]] void fail(std::string message);

std::string str(const QString& s);

// An integer in lo..hi; `option` is the name without dashes, for the message.
long long parseInteger(const QString& text, const char* option, long long lo, long long hi);
// Each text (trimmed) as a port number 0..65535.
std::vector<uint16_t> parsePorts(const QStringList& texts, const char* option);
// --max-queue: bytes with an optional K or M suffix, 1 byte .. 1 TiB.
size_t parseByteSize(const QString& text);
// --trace: calls, events, all or none.
ss::TraceMode parseTrace(const std::string& name);
// --backend: a known backend that this build has.
ss::BackendKind parseBackendOption(const std::string& name);
// --epoll-mode: lt, et or et-drain (whether the backend is epoll is checked with --backend).
ss::EpollMode parseEpollModeOption(const std::string& name);
// --serve-dir: an existing directory, returned as an absolute path.
std::string parseDirectory(const QString& text);
// --duration: seconds, finite and greater than zero.
double parseSeconds(const QString& text);

// A window size in pixels, as --size takes it.
struct WindowSize {
    int width = 0;
    int height = 0;
};
constexpr int kMaxWindowSide = 16384;
// --size: WxH, each side 1..kMaxWindowSide pixels, such as 1280x720.
WindowSize parseWindowSize(const QString& text);

}  // namespace cli
