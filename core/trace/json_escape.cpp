// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON escaper and number writers; json_escape.h states the rules.
#include "core/trace/json_escape.h"

#include "core/trace/utf8.h"

namespace ss {
namespace json {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

// Byte classes for the string escaper: copied as is, escaped ASCII, or a UTF-8 lead/tail byte.
enum : uint8_t { kPlain = 0, kEscape = 1, kHigh = 2 };
struct ByteClasses {
    uint8_t table[256];
    constexpr ByteClasses() : table() {
        for (int c = 0; c < 256; ++c)
            table[c] = c >= 0x80                                          ? kHigh
                       : (c < 0x20 || c == '"' || c == '\\' || c == 0x7F) ? kEscape
                                                                          : kPlain;
    }
};
constexpr ByteClasses kClasses;

char* putAsciiEscape(char* p, unsigned char c) {
    switch (c) {
        case '"':
            return put(p, "\\\"");
        case '\\':
            return put(p, "\\\\");
        case '\b':
            return put(p, "\\b");
        case '\f':
            return put(p, "\\f");
        case '\n':
            return put(p, "\\n");
        case '\r':
            return put(p, "\\r");
        case '\t':
            return put(p, "\\t");
        default:
            break;
    }
    p = put(p, "\\u00");
    *p++ = kHexDigits[c >> 4];
    *p++ = kHexDigits[c & 0xF];
    return p;
}

}  // namespace

// Needs room for 6 * bytes.size() + 2 characters (every byte escaped as \u00XX).
char* putString(char* p, std::string_view s) {
    *p++ = '"';
    size_t i = 0;
    while (i < s.size()) {
        size_t run = i;
        while (run < s.size() && kClasses.table[static_cast<unsigned char>(s[run])] == kPlain)
            ++run;
        p = put(p, s.substr(i, run - i));
        if (run == s.size())
            break;
        i = run;
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            p = putAsciiEscape(p, c);
            ++i;
            continue;
        }
        const Utf8Span span = scanUtf8(s, i);
        // DEL and controls are escaped above; valid UTF-8 passes through, the rest is U+FFFD.
        p = span.valid ? put(p, s.substr(i, span.length)) : put(p, "\\ufffd");
        i += span.length;
    }
    *p++ = '"';
    return p;
}

char* putHex(char* p, std::string_view bytes) {
    for (char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        *p++ = kHexDigits[c >> 4];
        *p++ = kHexDigits[c & 0xF];
    }
    return p;
}

// Needs room for 2 * kMaxIntChars + 2 characters.
char* putFixed(char* p, int64_t value, int decimals) {
    uint64_t scale = 1;
    for (int d = 0; d < decimals; ++d)
        scale *= 10;
    // Work on the magnitude as unsigned, so that INT64_MIN does not overflow.
    const uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value) : uint64_t(value);
    if (value < 0)
        *p++ = '-';
    p = putUInt(p, magnitude / scale);
    uint64_t frac = magnitude % scale;
    if (frac == 0)
        return p;
    int digits = decimals;
    for (; frac % 10 == 0; frac /= 10)
        --digits;
    *p++ = '.';
    for (int d = digits - 1; d >= 0; --d, frac /= 10)
        p[d] = static_cast<char>('0' + frac % 10);
    return p + digits;
}

}  // namespace json

namespace {

using json::kMaxIntChars;
using json::putFixed;
using json::putHex;
using json::putInt;
using json::putString;
using json::putUInt;

// Applies a char* writer to a std::string, for the public building blocks.
template <typename Fn>
void appendVia(std::string& out, size_t bound, Fn write) {
    const size_t old = out.size();
    out.resize(old + bound);
    char* end = write(out.data() + old);
    out.resize(size_t(end - out.data()));
}

}  // namespace

void appendJsonString(std::string& out, std::string_view bytes) {
    appendVia(out, 6 * bytes.size() + 2, [&](char* p) { return putString(p, bytes); });
}

void appendHex(std::string& out, std::string_view bytes) {
    appendVia(out, 2 * bytes.size(), [&](char* p) { return putHex(p, bytes); });
}

void appendJsonInt(std::string& out, int64_t value) {
    appendVia(out, kMaxIntChars, [&](char* p) { return putInt(p, value); });
}

void appendJsonUInt(std::string& out, uint64_t value) {
    appendVia(out, kMaxIntChars, [&](char* p) { return putUInt(p, value); });
}

void appendJsonFixed(std::string& out, int64_t value, int decimals) {
    appendVia(out, 2 * kMaxIntChars + 2, [&](char* p) { return putFixed(p, value, decimals); });
}

}  // namespace ss
