// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzz/fuzz_support.h"

#include <cctype>
#include <cstddef>

namespace ss::fuzz::detail {
namespace {

// A strict JSON value grammar (RFC 8259), independent of the header reader in core/.
class JsonValidator {
public:
    explicit JsonValidator(std::string_view s) : m_s(s) {}
    bool validDocument() {
        skip();
        if (!value(0))
            return false;
        skip();
        return m_pos == m_s.size();
    }

private:
    bool value(int depth) {
        if (depth > 64 || m_pos >= m_s.size())
            return false;
        const char c = m_s[m_pos];
        if (c == '{' || c == '[')
            return container(depth, c == '{');
        if (c == '"')
            return string();
        if (c == '-' || (c >= '0' && c <= '9'))
            return number();
        for (std::string_view word : {"true", "false", "null"}) {
            if (m_s.substr(m_pos, word.size()) == word) {
                m_pos += word.size();
                return true;
            }
        }
        return false;
    }
    bool container(int depth, bool object) {
        const char close = object ? '}' : ']';
        ++m_pos;
        skip();
        if (eat(close))
            return true;
        do {
            skip();
            if (object && (!string() || (skip(), !eat(':'))))
                return false;
            skip();
            if (!value(depth + 1))
                return false;
            skip();
        } while (eat(','));
        return eat(close);
    }
    bool string() {
        if (!eat('"'))
            return false;
        while (m_pos < m_s.size()) {
            const auto c = static_cast<unsigned char>(m_s[m_pos++]);
            if (c == '"')
                return true;
            if (c < 0x20)
                return false;
            if (c == '\\' && !escape())
                return false;
        }
        return false;
    }
    bool escape() {
        if (m_pos >= m_s.size())
            return false;
        const char c = m_s[m_pos++];
        if (std::string_view("\"\\/bfnrt").find(c) != std::string_view::npos)
            return true;
        if (c != 'u' || m_s.size() - m_pos < 4)
            return false;
        for (int k = 0; k < 4; ++k) {
            if (!std::isxdigit(static_cast<unsigned char>(m_s[m_pos++])))
                return false;
        }
        return true;
    }
    bool number() {
        eat('-');
        if (eat('0')) {
        } else if (!digits()) {
            return false;
        }
        if (eat('.') && !digits())
            return false;
        if (eat('e') || eat('E')) {
            if (!eat('+'))
                eat('-');
            return digits();
        }
        return true;
    }
    bool digits() {
        const size_t start = m_pos;
        while (m_pos < m_s.size() && m_s[m_pos] >= '0' && m_s[m_pos] <= '9')
            ++m_pos;
        return m_pos > start;
    }
    bool eat(char c) {
        if (m_pos < m_s.size() && m_s[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    void skip() {
        while (m_pos < m_s.size() &&
               std::string_view(" \t\r\n").find(m_s[m_pos]) != std::string_view::npos)
            ++m_pos;
    }

    std::string_view m_s;
    size_t m_pos = 0;
};

}  // namespace

uint64_t hashBytes(std::string_view data) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : data)
        h = (h ^ c) * 1099511628211ull;
    return h;
}

uint64_t nextRandom(uint64_t& state) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}

std::string printable(std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : s.substr(0, 120)) {
        if (c >= 0x20 && c < 0x7F && c != '\\') {
            out += static_cast<char>(c);
        } else {
            out += "\\x";
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return s.size() > 120 ? out + "..." : out;
}

bool isValidJsonDocument(std::string_view s) {
    return JsonValidator(s).validDocument();
}

}  // namespace ss::fuzz::detail
