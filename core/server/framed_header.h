// SPDX-License-Identifier: GPL-3.0-or-later
// The framed-file preset's header, byte for byte as the tutorial's Python server sends it:
//
//     header_bytes = json.dumps({"filename": filename, "size": size}).encode("utf-8")
//     conn.send(struct.pack("i", len(header_bytes)))   # 4 bytes, native byte order
//     conn.send(header_bytes)
//
// json.dumps uses ", " and ": " as separators and ensure_ascii=True, so the JSON is pure ASCII:
// every non-ASCII character becomes \uXXXX (lowercase hex, UTF-16 surrogate pairs above U+FFFF).
//
// Invalid UTF-8 in a filename: Python's server would have died in bytes.decode("utf-8") before
// writing any header. This server must answer something valid, so each maximal invalid subpart
// becomes U+FFFD (exactly what Python's decode(errors="replace") does), i.e. "\ufffd".
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ss {

// The decoder refuses headers announced as longer than this (the tutorial's client would try to
// recv() whatever length it is told; a test client should not).
constexpr size_t kMaxFrameHeaderJson = 64 * 1024;

// Python's json.dumps(s) for a str s decoded from the UTF-8 bytes utf8, quotes included.
std::string pythonJsonString(std::string_view utf8);

// {"filename": "...", "size": N}
std::string pythonJsonHeader(std::string_view filename, uint64_t size);

// {"filename": "...", "size": 0, "error": "..."}. The size comes first and is 0, so the
// tutorial's unchanged client reads no body and stays usable for the next request.
std::string pythonJsonErrorHeader(std::string_view filename, std::string_view error);

// struct.pack("i", len(json)) + json: a 4-byte native-endian int32 length, then the bytes.
// Throws std::length_error if json is longer than INT32_MAX (Python's struct.error).
std::string frameHeader(std::string_view json);

struct FramedHeader {
    std::string filename;  // UTF-8
    uint64_t size = 0;
    std::optional<std::string> error;  // present only in error headers
};

enum class FrameParse { Complete, NeedMore, Malformed };

// Client side, for tests and fuzzing. Reads the 4-byte length and the JSON that follows. The
// JSON must be exactly a flat object with the keys "filename" (string), "size" (non-negative
// integer) and optionally "error" (string), each once, in any order, with JSON whitespace
// allowed. \uXXXX escapes (surrogate pairs included) become UTF-8; lone surrogates, raw control
// characters, invalid UTF-8, fractions, exponents, leading zeros and values above UINT64_MAX are
// malformed, as are negative lengths and lengths above kMaxFrameHeaderJson. On Complete,
// *consumed is 4 + the JSON length (the file's bytes start there).
FrameParse decodeFrameHeader(std::string_view bytes, FramedHeader* out, size_t* consumed);

// Same, for callers that do not need to tell "need more bytes" from "malformed": nullopt for
// both; *consumed (if given) is written only on success.
std::optional<FramedHeader> parseFrameHeader(std::string_view bytes, size_t* consumed);

}  // namespace ss
