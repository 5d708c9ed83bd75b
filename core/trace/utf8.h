// The one UTF-8 decoder of the engine, shared by the JSON Lines escaper, the framed-file header
// codec and the HTTP page's HTML escaper, so that all three agree on what valid UTF-8 is:
// no overlong forms, no UTF-16 surrogates, nothing above U+10FFFF (RFC 3629).
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

// Decodes the sequence that starts at s[i]; i must be less than s.size().
Utf8Sequence decodeUtf8(std::string_view s, size_t i);

}  // namespace ss
