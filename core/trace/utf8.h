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

struct Utf8Sequence {
    // Bytes used: the whole sequence when it is valid; otherwise the length of its maximal
    // valid prefix, at least 1 (Unicode 3.9, table 3-7). That is how many bytes one U+FFFD
    // stands for in Python's bytes.decode("utf-8", "replace").
    size_t length = 1;
    char32_t codePoint = 0;  // meaningful only when valid
    bool valid = false;
};

namespace detail {

// How many continuation bytes a lead byte announces, its payload bits and the range allowed for
// the second byte, which is where overlong forms, surrogates and values above U+10FFFF are
// ruled out. need == 0 marks a byte that cannot start a sequence.
struct Lead {
    size_t need = 0;
    char32_t bits = 0;
    unsigned char lo = 0x80, hi = 0xBF;
};

inline Lead classify(unsigned char lead) {
    Lead l;
    if (lead >= 0xC2 && lead <= 0xDF) {
        l.need = 1, l.bits = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        l.need = 2, l.bits = lead & 0x0F;
        if (lead == 0xE0)
            l.lo = 0xA0;  // overlong
        if (lead == 0xED)
            l.hi = 0x9F;  // UTF-16 surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        l.need = 3, l.bits = lead & 0x07;
        if (lead == 0xF0)
            l.lo = 0x90;  // overlong
        if (lead == 0xF4)
            l.hi = 0x8F;  // above U+10FFFF
    }
    return l;
}

}  // namespace detail

// Decodes the sequence that starts at s[i]; i must be less than s.size().
inline Utf8Sequence decodeUtf8(std::string_view s, size_t i) {
    Utf8Sequence seq;
    const auto lead = static_cast<unsigned char>(s[i]);
    if (lead < 0x80) {
        seq.codePoint = lead;
        seq.valid = true;
        return seq;
    }
    const detail::Lead l = detail::classify(lead);
    if (l.need == 0)
        return seq;
    char32_t value = l.bits;
    size_t used = 1;
    for (; used <= l.need && i + used < s.size(); ++used) {
        const auto c = static_cast<unsigned char>(s[i + used]);
        const bool ok = used == 1 ? (c >= l.lo && c <= l.hi) : (c >= 0x80 && c <= 0xBF);
        if (!ok)
            break;
        value = (value << 6) | (c & 0x3F);
    }
    seq.length = used;
    seq.valid = used == l.need + 1;
    seq.codePoint = seq.valid ? value : 0;
    return seq;
}

}  // namespace ss
