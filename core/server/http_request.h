// SPDX-License-Identifier: GPL-3.0-or-later
// An incremental parser for the head of one HTTP/1.x request (request line + header fields),
// for the http preset. It accepts data in any split, down to one byte per feed(), buffers at most
// the limits below, and fails as soon as a limit is crossed, so a client that sends a 1 MiB
// request line costs 8 KiB of memory and gets 414.
//
// Bodies are not read. The server answers GET and HEAD only and closes every connection after
// one response, so a request with Content-Length or Transfer-Encoding on another method simply
// gets 405 and a close; any body bytes that arrived are left in remainder() and never parsed.
//
// What is enforced (RFC 9110 / 9112), each with its status and a reason sentence:
//   414  request line longer than kMaxRequestLine bytes (line end not counted)
//   431  header section longer than kMaxHeaderBytes, or more than kMaxHeaderFields fields
//   505  a well-formed version other than HTTP/1.0 and HTTP/1.1 ("HTTP/2.0", "HTTP/0.9")
//   400  everything else that is not a request: a request line that is not exactly
//        "METHOD SP target SP version", a method that is not a token, a target that is empty or
//        holds control characters, spaces or non-ASCII bytes, a garbage version, a header line
//        without a colon, a name that is not a token, whitespace before the colon, obsolete line
//        folding, control characters in a value, an HTTP/1.1 request without exactly one Host,
//        a Content-Length that is not digits or repeated with different values.
// Bytes that cannot begin a method are refused as soon as they arrive, without waiting for a
// line end. Lines may end in CRLF or in a bare LF. Up to kMaxLeadingEmptyLines empty lines before
// the request line are skipped (RFC 9112 section 2.2).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ss {

class HttpRequestParser {
public:
    enum class Status { Incomplete, Complete, Bad };

    static constexpr size_t kMaxRequestLine = 8 * 1024;
    static constexpr size_t kMaxHeaderBytes = 16 * 1024;  // all field lines and the blank line
    static constexpr size_t kMaxHeaderFields = 100;
    static constexpr size_t kMaxLeadingEmptyLines = 16;

    // Consumes data. Once Complete or Bad, the status no longer changes until reset(); bytes fed
    // after the head (in the same call or later ones) are kept in remainder().
    Status feed(std::string_view data);
    Status status() const { return m_status; }

    // Valid when Bad: 400, 414, 431 or 505, and one English sentence saying why.
    int errorStatus() const { return m_errorStatus; }
    const std::string& errorReason() const { return m_errorReason; }

    // Valid when Complete.
    const std::string& method() const { return m_method; }
    const std::string& target() const { return m_target; }
    const std::string& version() const { return m_version; }
    const std::vector<std::pair<std::string, std::string>>& headers() const { return m_headers; }
    // The first field with this name, compared case-insensitively; the value is trimmed.
    std::optional<std::string_view> header(std::string_view name) const;
    // True if the request announces a body (Transfer-Encoding, or a Content-Length above 0).
    bool hasBody() const;

    // Bytes of the head, from the first byte fed to the blank line's LF inclusive, summed over
    // all feed() calls. For a single feed(chunk), chunk.substr(bytesConsumed()) is what follows.
    size_t bytesConsumed() const { return m_consumed; }
    // Bytes fed after the head: a pipelined next request or a body. Kept only until reset().
    const std::string& remainder() const { return m_remainder; }

    // Forgets everything, the remainder included; copy remainder() first to parse it next.
    void reset();

private:
    enum class Phase { RequestLine, Headers };

    void consumeLine(std::string_view line);
    void parseRequestLine(std::string_view line);
    void parseHeaderLine(std::string_view line);
    void finishHead();
    void fail(int status, std::string reason);
    size_t lineLimit() const;
    bool appendToLine(std::string_view piece, bool terminated);
    bool checkMethodPrefix(std::string_view piece);

    Status m_status = Status::Incomplete;
    Phase m_phase = Phase::RequestLine;
    std::string m_line;  // the current, unterminated line
    size_t m_consumed = 0;
    size_t m_headerBytes = 0;
    size_t m_emptyLines = 0;
    bool m_methodEnded = false;  // the current request line has had its first space
    int m_errorStatus = 0;
    std::string m_errorReason;
    std::string m_method, m_target, m_version;
    std::vector<std::pair<std::string, std::string>> m_headers;
    std::string m_remainder;
};

}  // namespace ss
