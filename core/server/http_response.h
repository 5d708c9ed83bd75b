// SPDX-License-Identifier: GPL-3.0-or-later
// Responses of the http preset: a fixed, honest header block, small error pages and the live
// statistics page. Everything here is pure string building; the loop sends the result.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ss {

constexpr std::string_view kHtmlContentType = "text/html; charset=utf-8";

struct HttpStats {
    std::string backend;
    double uptimeSeconds = 0;
    uint64_t waitCalls = 0;
    uint64_t accepted = 0;
    uint64_t openConnections = 0;
    uint64_t bytesIn = 0, bytesOut = 0;
    uint64_t droppedTraceRecords = 0;
    std::vector<std::string> listeners;
    struct Row {
        int fd = -1;
        std::string role, local, peer, interest;
        uint64_t bytesIn = 0, bytesOut = 0;
    };
    std::vector<Row> rows;
};

// The standard reason phrase for status ("Not Found"), or "" for a code this file does not know
// (RFC 9112 allows an empty reason phrase).
std::string_view httpReasonPhrase(int status);

// "HTTP/1.1 <code> <reason>\r\n" then Server, Content-Type, Content-Length, Connection: close and
// Cache-Control: no-store, a blank line and the body. With head == true the body is left out but
// Content-Length still gives its size, as a HEAD response must. A 405 also carries
// "Allow: GET, HEAD" (RFC 9110 requires Allow on 405). CR and LF are dropped from contentType so
// a caller's mistake cannot split the header.
std::string httpResponse(int status, std::string_view contentType, std::string_view body,
                         bool head = false);

// A small HTML page (the body only) naming the status and detail; send it with
// httpResponse(status, kHtmlContentType, httpErrorPage(status, detail)).
std::string httpErrorPage(int status, std::string_view detail);

// The live statistics page (the body only): valid HTML5, UTF-8, refreshes itself every 2 s,
// inline CSS and no external resources. Every string from stats is HTML-escaped.
std::string statsPage(const HttpStats& stats);

// & < > " ' become entities; invalid UTF-8 becomes U+FFFD so the page stays valid UTF-8.
std::string htmlEscape(std::string_view text);

}  // namespace ss
