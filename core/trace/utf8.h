// SPDX-License-Identifier: GPL-3.0-or-later
// The one UTF-8 decoder of the engine, shared by the JSON Lines escaper, the framed-file header
// codec and the HTTP page's HTML escaper, so that all three agree on what valid UTF-8 is:
// no overlong forms, no UTF-16 surrogates, nothing above U+10FFFF (RFC 3629). It is inline: the
// JSON escaper calls it once per non-ASCII byte of every payload preview, on the hot side of
// --trace all, where an out-of-line call per byte cost about 15 % more instructions per echo.
#pragma once

#include <cstddef>
#include <string_view>

namespace ss {

// How long the sequence at s[i] is and whether it is valid, without its code point: all the JSON
// escaper needs, once per non-ASCII byte of a payload preview. length is the whole sequence when
// it is valid; otherwise the length of its maximal valid prefix, at least 1 (Unicode 3.9, table
// 3-7). That is how many bytes one U+FFFD stands for in Python's bytes.decode("utf-8",
// "replace").
struct Utf8Span {
    size_t length = 1;
    bool valid = false;
};

struct Utf8Sequence {
    size_t length = 1;       // as in Utf8Span
    char32_t codePoint = 0;  // meaningful only when valid
    bool valid = false;
};

namespace detail {

// How many bytes a lead byte announces and the range allowed for the second byte, which is where
// overlong forms, surrogates and values above U+10FFFF are ruled out. need == 0 marks a byte that
// cannot start a sequence. A table, because the escaper looks up every non-ASCII byte.
struct Lead {
    unsigned char need = 0;
    unsigned char lo = 0x80, hi = 0xBF;
};

struct LeadTable {
    Lead lead[256];
    constexpr LeadTable() : lead() {
        for (int b = 0; b < 256; ++b) {
            Lead& l = lead[b];
            l.need = b < 0x80    ? 1
                     : b < 0xC2  ? 0
                     : b <= 0xDF ? 2
                     : b <= 0xEF ? 3
                     : b <= 0xF4 ? 4
                                 : 0;
            l.lo = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80;  // overlong forms
            l.hi = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;  // surrogates, above U+10FFFF
        }
    }
};
inline constexpr LeadTable kLeads;

}  // namespace detail

// Scans the sequence that starts at s[i]; i must be less than s.size().
inline Utf8Span scanUtf8(std::string_view s, size_t i) {
    const detail::Lead l = detail::kLeads.lead[static_cast<unsigned char>(s[i])];
    if (l.need == 0)
        return {};
    size_t k = 1;
    for (; k < l.need && i + k < s.size(); ++k) {
        const auto c = static_cast<unsigned char>(s[i + k]);
        if (c < (k == 1 ? l.lo : 0x80) || c > (k == 1 ? l.hi : 0xBF))
            break;
    }
    return {k, k == l.need};
}

// Decodes the sequence that starts at s[i]; i must be less than s.size().
inline Utf8Sequence decodeUtf8(std::string_view s, size_t i) {
    const Utf8Span span = scanUtf8(s, i);
    Utf8Sequence seq;
    seq.length = span.length;
    seq.valid = span.valid;
    if (!span.valid)
        return seq;
    static constexpr unsigned char kLeadBits[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
    char32_t value = static_cast<unsigned char>(s[i]) & kLeadBits[span.length];
    for (size_t k = 1; k < span.length; ++k)
        value = (value << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    seq.codePoint = value;
    return seq;
}

}  // namespace ss
