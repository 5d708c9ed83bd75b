// SPDX-License-Identifier: GPL-3.0-or-later
// JSON escaping and number formatting, shared by the JSON Lines writer and its tests.
//
// Every string comes out as valid JSON whatever bytes it holds: UTF-8 passes through, control
// characters (and DEL) are escaped, and bytes that are not valid UTF-8 become \ufffd (one per
// maximal invalid subsequence, as Python's bytes.decode("utf-8", "replace") does). Numbers are
// formatted with integer arithmetic and std::to_chars, so the C locale never matters.
#pragma once

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace ss {

// Appends `bytes` as a quoted JSON string, with the escaping described above.
void appendJsonString(std::string& out, std::string_view bytes);
// Appends lower-case hex digits, two per byte, without quotes.
void appendHex(std::string& out, std::string_view bytes);
void appendJsonInt(std::string& out, int64_t value);
void appendJsonUInt(std::string& out, uint64_t value);
// Appends value / 10^decimals as a JSON number with trailing zeros trimmed: (12300, 3) gives
// "12.3", (5000, 3) gives "5". Integer arithmetic, so the C locale never matters.
void appendJsonFixed(std::string& out, int64_t value, int decimals);

// The same rules as raw-pointer writers, for the hot path of JsonLineWriter: the caller reserves
// the worst case once, then each writer stores at p and returns the end of what it wrote. No
// capacity checks here; each comment says how much room a writer needs.
namespace json {

constexpr size_t kMaxIntChars = 20;  // "-9223372036854775808", "18446744073709551615"

// A string literal without its terminating NUL.
template <size_t N>
char* put(char* p, const char (&literal)[N]) {
    std::memcpy(p, literal, N - 1);
    return p + N - 1;
}

inline char* put(char* p, std::string_view s) {
    std::memcpy(p, s.data(), s.size());
    return p + s.size();
}

// Needs room for kMaxIntChars characters.
inline char* putInt(char* p, int64_t v) {
    return std::to_chars(p, p + kMaxIntChars, v).ptr;
}
inline char* putUInt(char* p, uint64_t v) {
    return std::to_chars(p, p + kMaxIntChars, v).ptr;
}

// Needs room for 6 * s.size() + 2 characters (every byte escaped as \u00XX).
char* putString(char* p, std::string_view s);
// Needs room for 2 * bytes.size() characters.
char* putHex(char* p, std::string_view bytes);
// Needs room for 2 * kMaxIntChars + 2 characters.
char* putFixed(char* p, int64_t value, int decimals);

}  // namespace json

}  // namespace ss
