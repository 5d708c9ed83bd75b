// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/client/byte_parser.h"

#include <QCoreApplication>

// Why these parsers index with bounds checks everywhere rather than iterators: a fuzzer will feed
// them arbitrary QStrings (lone surrogates, a backslash as the last character, "0x" at the end),
// and every look-ahead must stop at the end of the input instead of trusting the syntax.

namespace {

// The translation context of every message here (lupdate sees ByteParser::tr calls).
struct ByteParser {
    Q_DECLARE_TR_FUNCTIONS(ByteParser)
};

int hexValue(QChar c) {
    const char16_t u = c.unicode();
    if (u >= '0' && u <= '9') {
        return u - '0';
    }
    if (u >= 'a' && u <= 'f') {
        return u - 'a' + 10;
    }
    if (u >= 'A' && u <= 'F') {
        return u - 'A' + 10;
    }
    return -1;
}

// 'g' for printable ASCII, U+00A0 otherwise, so that an invisible character can still be named.
QString describeChar(const QString& text, qsizetype i) {
    const QChar c = text.at(i);
    if (c.unicode() > 0x20 && c.unicode() < 0x7f) {
        return QStringLiteral("'%1'").arg(c);
    }
    char32_t code = c.unicode();
    if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
        code = QChar::surrogateToUcs4(c, text.at(i + 1));
    }
    return QStringLiteral("U+%1").arg(static_cast<uint>(code), 4, 16, QLatin1Char('0')).toUpper();
}

QByteArray fail(QString* error, const QString& message) {
    if (error) {
        *error = message;
    }
    return {};
}

// "0x" or "0X" at the start of a whitespace-separated group, e.g. "0x68 0x65" or "0x68656c".
bool isHexPrefixAt(const QString& text, qsizetype i) {
    if (i + 1 >= text.size() || text.at(i) != QLatin1Char('0')) {
        return false;
    }
    const QChar x = text.at(i + 1);
    const bool atGroupStart = i == 0 || text.at(i - 1).isSpace();
    return atGroupStart && (x == QLatin1Char('x') || x == QLatin1Char('X'));
}

QByteArray parseHex(const QString& text, QString* error) {
    QByteArray out;
    int high = -1;
    qsizetype highPos = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isSpace()) {
            continue;
        }
        if (isHexPrefixAt(text, i)) {
            if (high >= 0) {
                break;  // a 0x that splits a byte: reported as the odd digit below
            }
            if (i + 2 >= text.size() || hexValue(text.at(i + 2)) < 0) {
                return fail(error,
                            ByteParser::tr("The 0x at position %1 is not followed by hex digits.")
                                .arg(i + 1));
            }
            ++i;  // skip the x; the loop skips the 0
            continue;
        }
        const int value = hexValue(text.at(i));
        if (value < 0) {
            return fail(error, ByteParser::tr("%1 at position %2 is not a hex digit (0-9, a-f).")
                                   .arg(describeChar(text, i))
                                   .arg(i + 1));
        }
        if (high < 0) {
            high = value;
            highPos = i;
        } else {
            out.append(static_cast<char>((high << 4) | value));
            high = -1;
        }
    }
    if (high >= 0) {
        return fail(error,
                    ByteParser::tr("Odd number of hex digits: the digit %1 at position %2 has no "
                                   "partner.")
                        .arg(describeChar(text, highPos))
                        .arg(highPos + 1));
    }
    return out;
}

void appendUtf8(QByteArray& out, char32_t code) {
    if (code < 0x80) {
        out.append(static_cast<char>(code));
    } else if (code < 0x800) {
        out.append(static_cast<char>(0xC0 | (code >> 6)));
        out.append(static_cast<char>(0x80 | (code & 0x3F)));
    } else if (code < 0x10000) {
        out.append(static_cast<char>(0xE0 | (code >> 12)));
        out.append(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.append(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
        out.append(static_cast<char>(0xF0 | (code >> 18)));
        out.append(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
        out.append(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.append(static_cast<char>(0x80 | (code & 0x3F)));
    }
}

// The value of `count` hex digits at text[from], or -1 if any is missing or not a hex digit.
int hexDigitsAt(const QString& text, qsizetype from, int count) {
    if (from < 0 || count > text.size() - from) {
        return -1;
    }
    int value = 0;
    for (int k = 0; k < count; ++k) {
        const int digit = hexValue(text.at(from + k));
        if (digit < 0) {
            return -1;
        }
        value = (value << 4) | digit;
    }
    return value;
}

char simpleEscape(QChar c) {
    switch (c.unicode()) {
        case 'n':
            return '\n';
        case 'r':
            return '\r';
        case 't':
            return '\t';
        case '0':
            return '\0';
        case '\\':
            return '\\';
        case '\'':
            return '\'';
        case '"':
            return '"';
        case 'a':
            return '\a';
        case 'b':
            return '\b';
        case 'f':
            return '\f';
        case 'v':
            return '\v';
        default:
            return 'X';  // not a simple escape
    }
}

// Parses the \u escape at text[i] (the backslash), joining a surrogate pair written as two
// escapes. Returns the number of characters consumed, or 0 with *error set.
qsizetype parseUnicodeEscape(const QString& text, qsizetype i, QByteArray& out, QString* error) {
    const int unit = hexDigitsAt(text, i + 2, 4);
    if (unit < 0) {
        fail(error,
             ByteParser::tr("\\u at position %1 needs exactly four hex digits, e.g. \\u00e9.")
                 .arg(i + 1));
        return 0;
    }
    if (QChar::isLowSurrogate(static_cast<char32_t>(unit))) {
        fail(error, ByteParser::tr(
                        "\\u%1 at position %2 is half of a surrogate pair and cannot stand alone.")
                        .arg(text.mid(i + 2, 4))
                        .arg(i + 1));
        return 0;
    }
    if (!QChar::isHighSurrogate(static_cast<char32_t>(unit))) {
        appendUtf8(out, static_cast<char32_t>(unit));
        return 6;
    }
    const bool hasLowEscape = i + 7 < text.size() && text.at(i + 6) == QLatin1Char('\\') &&
                              text.at(i + 7) == QLatin1Char('u');
    const int low = hasLowEscape ? hexDigitsAt(text, i + 8, 4) : -1;
    if (low < 0 || !QChar::isLowSurrogate(static_cast<char32_t>(low))) {
        fail(error, ByteParser::tr(
                        "\\u%1 at position %2 is half of a surrogate pair and cannot stand alone.")
                        .arg(text.mid(i + 2, 4))
                        .arg(i + 1));
        return 0;
    }
    appendUtf8(out,
               QChar::surrogateToUcs4(static_cast<char16_t>(unit), static_cast<char16_t>(low)));
    return 12;
}

// Parses the escape whose backslash is at text[i]. Returns the characters consumed, or 0.
qsizetype parseEscape(const QString& text, qsizetype i, QByteArray& out, QString* error) {
    if (i + 1 >= text.size()) {
        fail(error,
             ByteParser::tr("The input ends with a lone backslash at position %1; write \\\\ for a "
                            "backslash.")
                 .arg(i + 1));
        return 0;
    }
    const QChar kind = text.at(i + 1);
    if (const char simple = simpleEscape(kind); simple != 'X') {
        out.append(simple);
        return 2;
    }
    if (kind == QLatin1Char('x')) {
        const int value = hexDigitsAt(text, i + 2, 2);
        if (value < 0) {
            fail(error,
                 ByteParser::tr("\\x at position %1 needs exactly two hex digits, e.g. \\x0a.")
                     .arg(i + 1));
            return 0;
        }
        out.append(static_cast<char>(value));
        return 4;
    }
    if (kind == QLatin1Char('u')) {
        return parseUnicodeEscape(text, i, out, error);
    }
    const QString name = kind.isPrint() ? QString(kind) : describeChar(text, i + 1);
    fail(error, ByteParser::tr("Unknown escape \\%1 at position %2; write \\\\ for a backslash.")
                    .arg(name)
                    .arg(i + 1));
    return 0;
}

QByteArray parseEscaped(const QString& text, QString* error) {
    QByteArray out;
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype slash = text.indexOf(QLatin1Char('\\'), i);
        const qsizetype runEnd = slash < 0 ? text.size() : slash;
        out.append(QStringView(text).mid(i, runEnd - i).toUtf8());
        if (slash < 0) {
            break;
        }
        const qsizetype used = parseEscape(text, slash, out, error);
        if (used == 0) {
            return {};
        }
        i = slash + used;
    }
    return out;
}

bool isContinuation(const char* data, qsizetype size, qsizetype at, uchar low = 0x80,
                    uchar high = 0xBF) {
    if (at >= size) {
        return false;
    }
    const auto b = static_cast<uchar>(data[at]);
    return b >= low && b <= high;
}

QString escapeAscii(uchar b) {
    switch (b) {
        case '\n':
            return QStringLiteral("\\n");
        case '\r':
            return QStringLiteral("\\r");
        case '\t':
            return QStringLiteral("\\t");
        case '\0':
            return QStringLiteral("\\0");
        case '\\':
            return QStringLiteral("\\\\");
        default:
            return QStringLiteral("\\x%1").arg(b, 2, 16, QLatin1Char('0'));
    }
}

}  // namespace

int utf8SequenceLength(const char* data, qsizetype size) {
    if (!data || size <= 0) {
        return 0;
    }
    const auto b = static_cast<uchar>(data[0]);
    if (b < 0x80) {
        return 1;
    }
    if (b >= 0xC2 && b <= 0xDF) {
        return isContinuation(data, size, 1) ? 2 : 0;
    }
    if (b >= 0xE0 && b <= 0xEF) {
        // E0 would allow overlong forms below A0; ED would allow the surrogates from A0.
        const uchar low = b == 0xE0 ? 0xA0 : 0x80;
        const uchar high = b == 0xED ? 0x9F : 0xBF;
        return isContinuation(data, size, 1, low, high) && isContinuation(data, size, 2) ? 3 : 0;
    }
    if (b >= 0xF0 && b <= 0xF4) {
        // F0 would allow overlong forms below 90; F4 would go past U+10FFFF from 90.
        const uchar low = b == 0xF0 ? 0x90 : 0x80;
        const uchar high = b == 0xF4 ? 0x8F : 0xBF;
        return isContinuation(data, size, 1, low, high) && isContinuation(data, size, 2) &&
                       isContinuation(data, size, 3)
                   ? 4
                   : 0;
    }
    return 0;
}

QByteArray parseBytes(const QString& text, InputMode mode, QString* error) {
    if (error) {
        error->clear();
    }
    switch (mode) {
        case InputMode::Text:
            return text.toUtf8();
        case InputMode::Hex:
            return parseHex(text, error);
        case InputMode::Escaped:
            return parseEscaped(text, error);
    }
    return fail(error, ByteParser::tr("Unknown input mode."));
}

QString toHexDump(const QByteArray& bytes) {
    return QString::fromLatin1(bytes.toHex(' '));
}

QString toPrintable(const QByteArray& bytes) {
    QString out;
    const char* data = bytes.constData();
    const qsizetype size = bytes.size();
    qsizetype runStart = 0;
    qsizetype i = 0;
    while (i < size) {
        const auto b = static_cast<uchar>(data[i]);
        const int len = utf8SequenceLength(data + i, size - i);
        const bool plainAscii = len == 1 && b >= 0x20 && b < 0x7f && b != '\\';
        const bool c1Control = len == 2 && b == 0xC2 && static_cast<uchar>(data[i + 1]) < 0xA0;
        // U+FEFF is invisible, and QString::fromUtf8() would drop it at the start of a run.
        const bool bom = len == 3 && QByteArrayView(data + i, 3) == "\xef\xbb\xbf";
        if (plainAscii || (len > 1 && !c1Control && !bom)) {
            i += len;
            continue;
        }
        out += QString::fromUtf8(data + runStart, i - runStart);
        if (bom) {
            out += QStringLiteral("\\ufeff");
            i += 3;
        } else if (c1Control) {
            out += QStringLiteral("\\u%1").arg(static_cast<uchar>(data[i + 1]), 4, 16,
                                               QLatin1Char('0'));
            i += 2;
        } else {
            out += escapeAscii(b);  // also the \xNN of a byte that starts no valid sequence
            i += 1;
        }
        runStart = i;
    }
    out += QString::fromUtf8(data + runStart, size - runStart);
    return out;
}
