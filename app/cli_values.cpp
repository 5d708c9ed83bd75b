// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli_values.h"

#include <QFileInfo>

#include <cmath>
#include <optional>

#include "core/trace/engine_text.h"

namespace cli {

[[noreturn]] void fail(std::string message) {
    throw UsageError{std::move(message)};
}

std::string str(const QString& s) {
    return s.toStdString();
}

long long parseInteger(const QString& text, const char* option, long long lo, long long hi) {
    bool ok = false;
    const long long v = text.toLongLong(&ok);
    if (!ok || v < lo || v > hi)
        fail("invalid value '" + str(text) + "' for --" + option + " (expected an integer " +
             std::to_string(lo) + ".." + std::to_string(hi) + ")");
    return v;
}

std::vector<uint16_t> parsePorts(const QStringList& texts, const char* option) {
    std::vector<uint16_t> out;
    for (const QString& t : texts)
        out.push_back(static_cast<uint16_t>(parseInteger(t.trimmed(), option, 0, 65535)));
    return out;
}

size_t parseByteSize(const QString& text) {
    QString digits = text.trimmed();
    long long scale = 1;
    const QChar last = digits.isEmpty() ? QChar() : digits.back().toUpper();
    if (last == 'K' || last == 'M') {
        scale = last == 'K' ? 1024 : 1024 * 1024;
        digits.chop(1);
    }
    bool ok = false;
    const long long v = digits.toLongLong(&ok);
    if (!ok || v < 1 || v > (1LL << 40) / scale)
        fail("invalid value '" + str(text) +
             "' for --max-queue (expected bytes, e.g. 65536, 64K, 1M)");
    return static_cast<size_t>(v * scale);
}

ss::TraceMode parseTrace(const std::string& name) {
    if (name == "all")
        return {true, true};
    if (name == "calls")
        return {true, false};
    if (name == "events")
        return {false, true};
    if (name == "none")
        return {false, false};
    fail("invalid value '" + name + "' for --trace (expected calls, events, all or none)");
}

ss::BackendKind parseBackendOption(const std::string& name) {
    std::string available;
    for (ss::BackendKind k : ss::availableBackends())
        available += (available.empty() ? "" : ", ") + std::string(ss::backendName(k));
    const std::optional<ss::BackendKind> kind = ss::parseBackend(name);
    if (!kind)
        fail("unknown backend '" + name + "' (available: " + available + ")");
    for (ss::BackendKind k : ss::availableBackends())
        if (k == *kind)
            return k;
    fail("backend '" + name + "' is not available in this build (available: " + available + ")");
}

ss::EpollMode parseEpollModeOption(const std::string& name) {
    const std::optional<ss::EpollMode> mode = ss::parseEpollMode(name);
    if (!mode)
        fail(ss::engineText(ss::TextId::UnknownEpollMode, {name}));
    return *mode;
}

std::string parseDirectory(const QString& text) {
    const QFileInfo dir(text);
    if (!dir.isDir())
        fail("--serve-dir '" + str(dir.filePath()) + "' is not a directory");
    return str(dir.absoluteFilePath());
}

double parseSeconds(const QString& text) {
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || seconds <= 0)
        fail("invalid value '" + str(text) + "' for --duration (expected seconds > 0, e.g. 2.5)");
    return seconds;
}

WindowSize parseWindowSize(const QString& text) {
    const QStringList sides =
        text.trimmed().split(QLatin1Char('x'), Qt::KeepEmptyParts, Qt::CaseInsensitive);
    bool widthOk = false;
    bool heightOk = false;
    const WindowSize size{sides.size() == 2 ? sides[0].toInt(&widthOk) : 0,
                          sides.size() == 2 ? sides[1].toInt(&heightOk) : 0};
    const auto fits = [](int side) { return side >= 1 && side <= kMaxWindowSide; };
    if (!widthOk || !heightOk || !fits(size.width) || !fits(size.height))
        fail("invalid value '" + str(text) + "' for --size (expected WxH, each 1.." +
             std::to_string(kMaxWindowSide) + " pixels, e.g. 1280x720)");
    return size;
}

}  // namespace cli
