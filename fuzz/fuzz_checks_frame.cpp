// SPDX-License-Identifier: GPL-3.0-or-later
// Framed-header and UTF-8 checks: checkFramedHeaderInput(), pythonReplaceInvalidUtf8(),
// validUtf8SequenceAt().
#include "fuzz/fuzz_checks.h"

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>

#include "core/server/framed_header.h"
#include "fuzz/fuzz_support.h"

namespace ss::fuzz {

size_t validUtf8SequenceAt(std::string_view s, size_t i) {
    const auto at = [&](size_t k) -> unsigned {
        return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u;
    };
    const unsigned char b = at(i);
    const auto cont = [&](size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
        return at(k) >= lo && at(k) <= hi;
    };
    if (b < 0x80)
        return 1;
    if (b >= 0xC2 && b <= 0xDF)
        return cont(i + 1) ? 2 : 0;
    if (b >= 0xE0 && b <= 0xEF) {
        const unsigned lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
        return cont(i + 1, lo, hi) && cont(i + 2) ? 3 : 0;
    }
    if (b >= 0xF0 && b <= 0xF4) {
        const unsigned lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
        return cont(i + 1, lo, hi) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    }
    return 0;
}

namespace {

using detail::printable;

// How many bytes of an invalid sequence at s[i] Python's decoder replaces by one U+FFFD: the
// lead byte plus the continuation bytes that were still acceptable when it gave up.
size_t maximalSubpart(std::string_view s, size_t i) {
    const auto b = static_cast<unsigned char>(s[i]);
    size_t need = 0;
    unsigned lo = 0x80, hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
        need = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2, lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3, lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
    }
    size_t used = 1;
    while (used <= need && i + used < s.size()) {
        const unsigned c = static_cast<unsigned char>(s[i + used]);
        if (c < (used == 1 ? lo : 0x80) || c > (used == 1 ? hi : 0xBF))
            break;
        ++used;
    }
    return used;
}

bool isValidUtf8(std::string_view s) {
    return pythonReplaceInvalidUtf8(s) == s;
}

int32_t frameLength(std::string_view bytes) {
    int32_t length = 0;
    std::memcpy(&length, bytes.data(), sizeof length);
    return length;
}

std::string checkDecodedConsistent(std::string_view raw, const FramedHeader& h, size_t used) {
    if (used < 5 || used > raw.size() || used != 4 + static_cast<size_t>(frameLength(raw)))
        return "Complete with a consumed count that does not match the frame length";
    if (!isValidUtf8(h.filename) || (h.error && !isValidUtf8(*h.error)))
        return "Complete with invalid UTF-8 in a decoded string";
    const std::string json = h.error ? pythonJsonErrorHeader(h.filename, *h.error)
                                     : pythonJsonHeader(h.filename, h.size);
    const auto again = parseFrameHeader(frameHeader(json), nullptr);
    if (!again || again->filename != h.filename || again->error != h.error)
        return "a decoded header does not survive re-encoding: " + printable(json);
    if (!h.error && again->size != h.size)
        return "a decoded size does not survive re-encoding";
    const auto longer = parseFrameHeader(std::string(raw) + "trailing file bytes", nullptr);
    if (!longer || longer->filename != h.filename)
        return "bytes after a Complete frame change its decoding";
    return {};
}

// Arbitrary bytes as a received frame: decodeFrameHeader and parseFrameHeader must agree and
// never crash; NeedMore only while the announced length has not arrived.
std::string checkRawFrame(std::string_view raw) {
    FramedHeader h;
    size_t used = 0;
    const FrameParse r = decodeFrameHeader(raw, &h, &used);
    size_t used2 = 0;
    const auto viaOptional = parseFrameHeader(raw, &used2);
    if (viaOptional.has_value() != (r == FrameParse::Complete))
        return "parseFrameHeader and decodeFrameHeader disagree";
    if (r == FrameParse::NeedMore) {
        const bool shortHead = raw.size() < 4;
        if (!shortHead && (frameLength(raw) <= 0 || raw.size() >= 4 + size_t(frameLength(raw))))
            return "NeedMore although the whole announced frame is there";
        return {};
    }
    if (r == FrameParse::Malformed)
        return {};
    if (used2 != used || viaOptional->filename != h.filename || viaOptional->size != h.size)
        return "parseFrameHeader and decodeFrameHeader decode differently";
    return checkDecodedConsistent(raw, h, used);
}

struct HeaderFields {
    uint64_t size = 0;
    bool isError = false;
    std::string filename, error;
};

// Bytes 0-7: the size (little-endian); byte 8, bit 0: an error header; the rest: the filename,
// and for an error header the error text after the first 0xFF byte.
HeaderFields fieldsOf(std::string_view data) {
    HeaderFields f;
    for (size_t i = 0; i < 8 && i < data.size(); ++i)
        f.size |= uint64_t(static_cast<unsigned char>(data[i])) << (8 * i);
    f.isError = data.size() > 8 && (data[8] & 1);
    const std::string_view rest = data.size() > 9 ? data.substr(9) : std::string_view();
    const size_t cut = f.isError ? rest.find('\xff') : std::string_view::npos;
    f.filename = std::string(rest.substr(0, cut));
    if (cut != std::string_view::npos)
        f.error = std::string(rest.substr(cut + 1));
    return f;
}

std::string checkEncodedJson(const std::string& json) {
    for (unsigned char c : json) {
        if (c < 0x20 || c > 0x7E)
            return "the encoder wrote a byte Python's ensure_ascii never writes: " +
                   printable(json);
    }
    if (!detail::isValidJsonDocument(json))
        return "the encoder wrote invalid JSON: " + printable(json);
    return {};
}

std::string checkPrefixes(const std::string& frame) {
    const size_t n = frame.size();
    for (size_t k : {size_t(0), size_t(1), size_t(3), size_t(4), size_t(5), n / 2, n - 1}) {
        FramedHeader h;
        if (k < n && decodeFrameHeader(std::string_view(frame).substr(0, k), &h, nullptr) !=
                         FrameParse::NeedMore)
            return "a strict prefix of a valid frame is not NeedMore (" + std::to_string(k) +
                   " of " + std::to_string(n) + " bytes)";
    }
    return {};
}

std::string checkEncodeRoundTrip(std::string_view data) {
    const HeaderFields f = fieldsOf(data);
    const std::string json = f.isError ? pythonJsonErrorHeader(f.filename, f.error)
                                       : pythonJsonHeader(f.filename, f.size);
    if (std::string bad = checkEncodedJson(json); !bad.empty())
        return bad;
    const std::string frame = frameHeader(json);
    size_t used = 0;
    const auto h = parseFrameHeader(frame, &used);
    if (!h || used != frame.size())
        return "the decoder refuses the encoder's frame: " + printable(json);
    if (h->filename != pythonReplaceInvalidUtf8(f.filename))
        return "the filename does not round-trip: " + printable(json);
    if (h->size != (f.isError ? 0 : f.size))
        return "the size does not round-trip: " + printable(json);
    if (f.isError != h->error.has_value() ||
        (f.isError && *h->error != pythonReplaceInvalidUtf8(f.error)))
        return "the error does not round-trip: " + printable(json);
    return checkPrefixes(frame);
}

}  // namespace

std::string pythonReplaceInvalidUtf8(std::string_view bytes) {
    std::string out;
    for (size_t i = 0; i < bytes.size();) {
        if (const size_t n = validUtf8SequenceAt(bytes, i); n > 0) {
            out.append(bytes.substr(i, n));
            i += n;
        } else {
            out += "\xEF\xBF\xBD";
            i += maximalSubpart(bytes, i);
        }
    }
    return out;
}

std::string checkFramedHeaderInput(std::string_view data) {
    if (std::string bad = checkRawFrame(data); !bad.empty())
        return bad;
    return checkEncodeRoundTrip(data);
}

}  // namespace ss::fuzz
