// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/server/http_request.h"

#include <algorithm>

namespace ss {
namespace {

// RFC 9110 section 5.6.2: tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." /
// "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA.
bool isTchar(char c) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return true;
    return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool isToken(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), isTchar);
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

bool isSpaceOrTab(char c) {
    return c == ' ' || c == '\t';
}

// A request target is ASCII without controls or spaces; anything else must be percent-encoded.
bool isTargetByte(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u < 0x7F;
}

// Field values may hold visible ASCII, spaces, tabs and obs-text (bytes >= 0x80), but no other
// control character: a stray CR or NUL there is how header injection and smuggling start.
bool isValueByte(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u == '\t' || (u >= 0x20 && u != 0x7F);
}

// "HTTP/" DIGIT "." DIGIT as RFC 9112 writes it, plus "HTTP/2" and "HTTP/3" as HTTP/2 and
// later spell themselves: a real version this server does not speak (505), not garbage (400).
bool isWellFormedVersion(std::string_view v) {
    if (v.substr(0, 5) != "HTTP/")
        return false;
    v.remove_prefix(5);
    if (v.size() == 1)
        return isDigit(v[0]);
    return v.size() == 3 && isDigit(v[0]) && v[1] == '.' && isDigit(v[2]);
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [&](char x, char y) { return lower(x) == lower(y); });
}

std::string_view trimSpaceOrTab(std::string_view s) {
    while (!s.empty() && isSpaceOrTab(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpaceOrTab(s.back()))
        s.remove_suffix(1);
    return s;
}

}  // namespace

HttpRequestParser::Status HttpRequestParser::feed(std::string_view data) {
    if (m_status == Status::Complete)
        m_remainder.append(data);
    if (m_status != Status::Incomplete)
        return m_status;
    size_t pos = 0;
    while (pos < data.size() && m_status == Status::Incomplete) {
        const size_t newline = data.find('\n', pos);
        const bool terminated = newline != std::string_view::npos;
        const size_t end = terminated ? newline : data.size();
        if (!appendToLine(data.substr(pos, end - pos), terminated) || !terminated)
            break;
        pos = newline + 1;
        m_consumed += m_line.size() + 1;
        std::string line = std::move(m_line);
        m_line.clear();
        m_methodEnded = false;
        consumeLine(line);
    }
    if (m_status == Status::Complete)
        m_remainder.assign(data.substr(pos));
    return m_status;
}

// Limits are checked before appending, so an endless line is refused without being buffered.
bool HttpRequestParser::appendToLine(std::string_view piece, bool terminated) {
    if (m_line.size() + piece.size() + (terminated ? 1 : 0) > lineLimit()) {
        if (m_phase == Phase::RequestLine)
            fail(414, "The request line is longer than 8192 bytes.");
        else
            fail(431, "The header section is larger than 16384 bytes.");
        return false;
    }
    if (!checkMethodPrefix(piece))
        return false;
    m_line.append(piece);
    return true;
}

// A request starts with a method token. Checking bytes as they arrive gives a TLS handshake or
// binary garbage its 400 at once, instead of leaving it waiting for a line end that may never
// come. A CR is let through here; the full parse rejects it if no LF follows.
bool HttpRequestParser::checkMethodPrefix(std::string_view piece) {
    if (m_phase != Phase::RequestLine || m_methodEnded)
        return true;
    for (char c : piece) {
        if (c == ' ') {
            m_methodEnded = true;
            return true;
        }
        if (!isTchar(c) && c != '\r') {
            fail(400, "The request does not start with an HTTP method (binary data or TLS?).");
            return false;
        }
    }
    return true;
}

// How long the current line may be, its line end included.
size_t HttpRequestParser::lineLimit() const {
    if (m_phase == Phase::RequestLine)
        return kMaxRequestLine + 2;          // + CR LF
    return kMaxHeaderBytes - m_headerBytes;  // never negative: lines are checked against it
}

void HttpRequestParser::consumeLine(std::string_view line) {
    const size_t rawSize = line.size() + 1;
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    if (m_phase == Phase::RequestLine) {
        if (!line.empty()) {
            parseRequestLine(line);
        } else if (++m_emptyLines > kMaxLeadingEmptyLines) {
            fail(400, "Too many empty lines came before the request line.");
        }
        return;
    }
    m_headerBytes += rawSize;
    if (line.empty())
        finishHead();
    else
        parseHeaderLine(line);
}

void HttpRequestParser::parseRequestLine(std::string_view line) {
    if (line.size() > kMaxRequestLine)
        return fail(414, "The request line is longer than 8192 bytes.");
    const size_t sp1 = line.find(' ');
    const size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
    if (sp2 == std::string_view::npos || line.find(' ', sp2 + 1) != std::string_view::npos)
        return fail(400, "The request line must be \"METHOD target HTTP/1.1\" with single spaces.");
    const std::string_view method = line.substr(0, sp1);
    const std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
    const std::string_view version = line.substr(sp2 + 1);
    if (!isToken(method))
        return fail(400, "The method is not a valid token.");
    if (target.empty() || !std::all_of(target.begin(), target.end(), isTargetByte))
        return fail(400,
                    "The request target is empty or holds a control character, a space or a "
                    "non-ASCII byte (percent-encode those).");
    if (version != "HTTP/1.0" && version != "HTTP/1.1") {
        if (isWellFormedVersion(version))
            return fail(505, std::string(version) +
                                 " is not supported; this server speaks HTTP/1.0 and HTTP/1.1.");
        return fail(400, "The request line does not end in a valid HTTP version.");
    }
    m_method = method;
    m_target = target;
    m_version = version;
    m_phase = Phase::Headers;
}

void HttpRequestParser::parseHeaderLine(std::string_view line) {
    if (m_headers.size() == kMaxHeaderFields)
        return fail(431, "The request has more than 100 header fields.");
    if (isSpaceOrTab(line.front()))
        return fail(400,
                    "Obsolete line folding (a header line starting with whitespace) is not "
                    "accepted.");
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos)
        return fail(400, "A header line has no colon.");
    const std::string_view name = line.substr(0, colon);
    if (!name.empty() && isSpaceOrTab(name.back()))
        return fail(400, "Whitespace between a header name and its colon is not allowed.");
    if (!isToken(name))
        return fail(400, "A header name is empty or not a valid token.");
    const std::string_view value = trimSpaceOrTab(line.substr(colon + 1));
    if (!std::all_of(value.begin(), value.end(), isValueByte))
        return fail(400, "A header value contains a control character.");
    m_headers.emplace_back(name, value);
}

void HttpRequestParser::finishHead() {
    size_t hosts = 0;
    std::optional<std::string_view> length;
    for (const auto& [name, value] : m_headers) {
        if (equalsIgnoreCase(name, "Host"))
            ++hosts;
        if (!equalsIgnoreCase(name, "Content-Length"))
            continue;
        if (value.empty() || value.size() > 18 || !std::all_of(value.begin(), value.end(), isDigit))
            return fail(400, "Content-Length must be a decimal number of at most 18 digits.");
        if (length && *length != value)
            return fail(400, "The request carries conflicting Content-Length values.");
        length = value;
    }
    if (hosts > 1)
        return fail(400, "The request carries more than one Host header.");
    if (hosts == 0 && m_version == "HTTP/1.1")
        return fail(400, "An HTTP/1.1 request must carry a Host header.");
    m_status = Status::Complete;
}

void HttpRequestParser::fail(int status, std::string reason) {
    m_status = Status::Bad;
    m_errorStatus = status;
    m_errorReason = std::move(reason);
}

std::optional<std::string_view> HttpRequestParser::header(std::string_view name) const {
    for (const auto& [key, value] : m_headers) {
        if (equalsIgnoreCase(key, name))
            return std::string_view(value);
    }
    return std::nullopt;
}

bool HttpRequestParser::hasBody() const {
    if (header("Transfer-Encoding"))
        return true;
    const auto length = header("Content-Length");
    return length && length->find_first_not_of('0') != std::string_view::npos;
}

void HttpRequestParser::reset() {
    *this = HttpRequestParser();
}

}  // namespace ss
