// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes ui/client/byte_parser.h, which turns what a student types into wire bytes. The first
// input byte picks the mode (bits 0-1) and how the rest becomes a QString (bit 2: raw UTF-16 code
// units, lone surrogates included; otherwise UTF-8). Invariants: parseBytes never crashes; it
// either succeeds with an empty error or fails with an empty result and a one-line error; Text
// mode is exactly toUtf8(). On the raw bytes: toPrintable() parsed back in Escaped mode and
// toHexDump() parsed back in Hex mode give the same bytes, and utf8SequenceLength() agrees with
// an independent UTF-8 validator at every offset.
#include <QByteArray>
#include <QString>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "fuzz/fuzz_checks.h"
#include "ui/client/byte_parser.h"

namespace {

[[noreturn]] void broken(const char* what, const QString& detail) {
    std::fprintf(stderr, "fuzz_byte_parser: invariant broken: %s: %s\n", what,
                 detail.toUtf8().constData());
    std::abort();
}

QString textOf(const uint8_t* data, size_t size, bool utf16) {
    if (!utf16)
        return QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    QString text;
    for (size_t i = 0; i + 1 < size; i += 2)
        text.append(QChar(char16_t(data[i] | (data[i + 1] << 8))));
    return text;
}

void checkParse(const QString& text, InputMode mode) {
    QString error = QStringLiteral("stale");
    const QByteArray bytes = parseBytes(text, mode, &error);
    if (!error.isEmpty() && !bytes.isEmpty())
        broken("a failure returned bytes", error);
    if (error.contains(QLatin1Char('\n')))
        broken("an error is not one line", error);
    if (mode == InputMode::Text && (bytes != text.toUtf8() || !error.isEmpty()))
        broken("Text mode is not toUtf8()", text);
}

void checkRoundTrips(const QByteArray& raw) {
    QString error;
    const QString printable = toPrintable(raw);
    if (parseBytes(printable, InputMode::Escaped, &error) != raw || !error.isEmpty())
        broken("toPrintable does not parse back in Escaped mode", printable + " / " + error);
    const QString hex = toHexDump(raw);
    if (parseBytes(hex, InputMode::Hex, &error) != raw || !error.isEmpty())
        broken("toHexDump does not parse back in Hex mode", hex + " / " + error);
    const std::string_view view(raw.constData(), size_t(raw.size()));
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const size_t expected = ss::fuzz::validUtf8SequenceAt(view, size_t(i));
        if (size_t(utf8SequenceLength(raw.constData() + i, raw.size() - i)) != expected)
            broken("utf8SequenceLength disagrees", QString::number(i));
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0)
        return 0;
    const auto mode = static_cast<InputMode>(data[0] % 3);
    checkParse(textOf(data + 1, size - 1, data[0] & 4), mode);
    checkRoundTrips(QByteArray(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1)));
    return 0;
}
