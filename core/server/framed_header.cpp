// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/server/framed_header.h"

#include <cstring>
#include <limits>
#include <stdexcept>

#include "core/trace/utf8.h"

namespace ss {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

void appendHex4(std::string& out, unsigned value) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4)
        out += kHex[(value >> shift) & 0xF];
}

// One code point as Python's ensure_ascii encoder writes it.
void appendEscaped(std::string& out, char32_t cp) {
    static constexpr std::string_view kShort = "\"\\\n\r\t\b\f", kLetter = "\"\\nrtbf";
    const size_t k = cp < 0x80 ? kShort.find(static_cast<char>(cp)) : std::string_view::npos;
    if (k != std::string_view::npos) {
        out += '\\';
        out += kLetter[k];
    } else if (cp >= 0x20 && cp <= 0x7E) {
        out += static_cast<char>(cp);
    } else if (cp < 0x10000) {
        appendHex4(out, static_cast<unsigned>(cp));
    } else {
        const char32_t v = cp - 0x10000;
        appendHex4(out, static_cast<unsigned>(0xD800 + (v >> 10)));
        appendHex4(out, static_cast<unsigned>(0xDC00 + (v & 0x3FF)));
    }
}

// A strict reader for exactly the flat object the server sends. Every method returns false on
// the first thing that is not that shape, and the caller gives up.
class HeaderReader {
public:
    explicit HeaderReader(std::string_view json) : m_s(json) {}

    bool read(FramedHeader* out) {
        bool haveName = false, haveSize = false;
        skipSpace();
        if (!consume('{'))
            return false;
        do {
            std::string key;
            skipSpace();
            if (!readString(&key))
                return false;
            skipSpace();
            if (!consume(':'))
                return false;
            skipSpace();
            bool ok = false;
            if (key == "filename" && !haveName)
                ok = haveName = readString(&out->filename);
            else if (key == "size" && !haveSize)
                ok = haveSize = readUnsigned(&out->size);
            else if (key == "error" && !out->error)
                ok = readString(&out->error.emplace());
            if (!ok)
                return false;  // a bad value, or an unknown or repeated key
            skipSpace();
        } while (consume(','));
        if (!consume('}'))
            return false;
        skipSpace();
        return m_pos == m_s.size() && haveName && haveSize;
    }

private:
    bool consume(char c) {
        if (m_pos >= m_s.size() || m_s[m_pos] != c)
            return false;
        ++m_pos;
        return true;
    }
    static bool isJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
    void skipSpace() {
        while (m_pos < m_s.size() && isJsonSpace(m_s[m_pos]))
            ++m_pos;
    }

    bool readUnsigned(uint64_t* value) {
        const size_t start = m_pos;
        uint64_t v = 0;
        while (m_pos < m_s.size() && m_s[m_pos] >= '0' && m_s[m_pos] <= '9') {
            const auto digit = static_cast<uint64_t>(m_s[m_pos] - '0');
            if (v > (std::numeric_limits<uint64_t>::max() - digit) / 10)
                return false;
            v = v * 10 + digit;
            ++m_pos;
        }
        const size_t digits = m_pos - start;
        if (digits == 0 || (digits > 1 && m_s[start] == '0'))
            return false;
        *value = v;
        return true;  // a following '.', 'e' or '-' fails at the next structural check
    }

    bool readHex4(char32_t* value) {
        if (m_s.size() - m_pos < 4)
            return false;
        char32_t v = 0;
        for (int k = 0; k < 4; ++k) {
            const char c = m_s[m_pos++];
            const int d = c >= '0' && c <= '9'   ? c - '0'
                          : c >= 'a' && c <= 'f' ? c - 'a' + 10
                          : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                 : -1;
            if (d < 0)
                return false;
            v = (v << 4) | static_cast<char32_t>(d);
        }
        *value = v;
        return true;
    }

    // After "\u": one code point, joining a surrogate pair; a lone surrogate is malformed
    // because it cannot become UTF-8.
    bool readUnicodeEscape(char32_t* cp) {
        if (!readHex4(cp))
            return false;
        if (*cp >= 0xDC00 && *cp <= 0xDFFF)
            return false;
        if (*cp < 0xD800 || *cp > 0xDBFF)
            return true;
        char32_t low = 0;
        if (!consume('\\') || !consume('u') || !readHex4(&low))
            return false;
        if (low < 0xDC00 || low > 0xDFFF)
            return false;
        *cp = 0x10000 + ((*cp - 0xD800) << 10) + (low - 0xDC00);
        return true;
    }

    bool readEscape(std::string* out) {
        if (m_pos >= m_s.size())
            return false;
        const char c = m_s[m_pos++];
        static constexpr std::string_view kFrom = "\"\\/bfnrt", kTo = "\"\\/\b\f\n\r\t";
        if (const size_t k = kFrom.find(c); k != std::string_view::npos) {
            *out += kTo[k];
            return true;
        }
        char32_t cp = 0;
        if (c != 'u' || !readUnicodeEscape(&cp))
            return false;
        appendUtf8(out, cp);
        return true;
    }

    bool readString(std::string* out) {
        if (!consume('"'))
            return false;
        out->clear();
        while (m_pos < m_s.size()) {
            const auto c = static_cast<unsigned char>(m_s[m_pos]);
            if (c == '"') {
                ++m_pos;
                return true;
            }
            if (c < 0x20)
                return false;
            if (c == '\\') {
                ++m_pos;
                if (!readEscape(out))
                    return false;
                continue;
            }
            const Utf8Sequence seq = decodeUtf8(m_s, m_pos);
            if (!seq.valid)
                return false;
            out->append(m_s.substr(m_pos, seq.length));
            m_pos += seq.length;
        }
        return false;  // unterminated
    }

    static void appendUtf8(std::string* out, char32_t cp) {
        const auto put = [out](char32_t v) { *out += static_cast<char>(v); };
        if (cp < 0x80) {
            put(cp);
        } else if (cp < 0x800) {
            put(0xC0 | (cp >> 6)), put(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            put(0xE0 | (cp >> 12)), put(0x80 | ((cp >> 6) & 0x3F)), put(0x80 | (cp & 0x3F));
        } else {
            put(0xF0 | (cp >> 18)), put(0x80 | ((cp >> 12) & 0x3F));
            put(0x80 | ((cp >> 6) & 0x3F)), put(0x80 | (cp & 0x3F));
        }
    }

    std::string_view m_s;
    size_t m_pos = 0;
};

}  // namespace

std::string pythonJsonString(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size() + 2);
    out += '"';
    for (size_t i = 0; i < utf8.size();) {
        const Utf8Sequence seq = decodeUtf8(utf8, i);
        i += seq.length;
        appendEscaped(out, seq.valid ? seq.codePoint : kReplacement);
    }
    out += '"';
    return out;
}

std::string pythonJsonHeader(std::string_view filename, uint64_t size) {
    return "{\"filename\": " + pythonJsonString(filename) + ", \"size\": " + std::to_string(size) +
           "}";
}

std::string pythonJsonErrorHeader(std::string_view filename, std::string_view error) {
    return "{\"filename\": " + pythonJsonString(filename) +
           ", \"size\": 0, \"error\": " + pythonJsonString(error) + "}";
}

std::string frameHeader(std::string_view json) {
    if (json.size() > static_cast<size_t>(std::numeric_limits<int32_t>::max()))
        throw std::length_error("frame header longer than INT32_MAX bytes");
    const auto length = static_cast<int32_t>(json.size());
    std::string out(sizeof length, '\0');
    std::memcpy(out.data(), &length, sizeof length);  // native byte order, like struct.pack("i")
    out.append(json);
    return out;
}

FrameParse decodeFrameHeader(std::string_view bytes, FramedHeader* out, size_t* consumed) {
    int32_t length = 0;
    if (bytes.size() < sizeof length)
        return FrameParse::NeedMore;
    std::memcpy(&length, bytes.data(), sizeof length);
    if (length <= 0 || static_cast<size_t>(length) > kMaxFrameHeaderJson)
        return FrameParse::Malformed;
    const size_t total = sizeof length + static_cast<size_t>(length);
    if (bytes.size() < total)
        return FrameParse::NeedMore;
    FramedHeader header;
    if (!HeaderReader(bytes.substr(sizeof length, static_cast<size_t>(length))).read(&header))
        return FrameParse::Malformed;
    *out = std::move(header);
    if (consumed)
        *consumed = total;
    return FrameParse::Complete;
}

std::optional<FramedHeader> parseFrameHeader(std::string_view bytes, size_t* consumed) {
    FramedHeader header;
    if (decodeFrameHeader(bytes, &header, consumed) != FrameParse::Complete)
        return std::nullopt;
    return header;
}

}  // namespace ss
