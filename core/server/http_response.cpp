// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/server/http_response.h"

#include <cmath>
#include <cstdio>
#include <iterator>

#include "core/trace/utf8.h"

namespace ss {
namespace {

constexpr std::string_view kStyle =
    "body{font-family:system-ui,-apple-system,\"Segoe UI\",\"Noto Sans\",sans-serif;"
    "margin:2em auto;max-width:60em;padding:0 1em;color:#1d1d1f;background:#fafafa;"
    "line-height:1.45}"
    "h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:1.6em}"
    ".sub{color:#555;margin-top:0}"
    "table{border-collapse:collapse;background:#fff}"
    "th,td{border:1px solid #d0d0d7;padding:.3em .7em;text-align:left}"
    "thead th{background:#eef0f5}td.n{text-align:right;font-variant-numeric:tabular-nums}"
    "code,td.m{font-family:ui-monospace,\"DejaVu Sans Mono\",monospace}";

std::string humanBytes(uint64_t bytes) {
    std::string out = std::to_string(bytes);
    if (bytes < 1024)
        return out + " B";
    static constexpr const char* kUnits[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double value = static_cast<double>(bytes);
    size_t unit = 0;
    for (value /= 1024; value >= 1024 && unit + 1 < std::size(kUnits); value /= 1024)
        ++unit;
    char buf[32];
    std::snprintf(buf, sizeof buf, " B (%.1f %s)", value, kUnits[unit]);
    return out + buf;
}

std::string formatUptime(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0)
        seconds = 0;
    const auto whole = static_cast<uint64_t>(seconds);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f s (%llu h %02llu min %02llu s)", seconds,
                  static_cast<unsigned long long>(whole / 3600),
                  static_cast<unsigned long long>(whole / 60 % 60),
                  static_cast<unsigned long long>(whole % 60));
    return buf;
}

void appendPair(std::string& out, std::string_view label, const std::string& value) {
    out += "<tr><th>";
    out += label;
    out += "</th><td>";
    out += value;  // already escaped or numeric
    out += "</td></tr>\n";
}

void appendSummary(std::string& out, const HttpStats& s) {
    out += "<table>\n";
    appendPair(out, "Backend", "<code>" + htmlEscape(s.backend) + "</code>");
    appendPair(out, "Uptime", formatUptime(s.uptimeSeconds));
    appendPair(out, "Wait calls", std::to_string(s.waitCalls));
    appendPair(out, "Connections accepted", std::to_string(s.accepted));
    appendPair(out, "Connections open", std::to_string(s.openConnections));
    appendPair(out, "Bytes received", humanBytes(s.bytesIn));
    appendPair(out, "Bytes sent", humanBytes(s.bytesOut));
    appendPair(out, "Trace records dropped", std::to_string(s.droppedTraceRecords));
    out += "</table>\n";
}

void appendListeners(std::string& out, const HttpStats& s) {
    out += "<h2>Listeners</h2>\n";
    if (s.listeners.empty()) {
        out += "<p>None.</p>\n";
        return;
    }
    out += "<ul>\n";
    for (const std::string& listener : s.listeners)
        out += "<li><code>" + htmlEscape(listener) + "</code></li>\n";
    out += "</ul>\n";
}

void appendRows(std::string& out, const HttpStats& s) {
    out +=
        "<h2>Descriptors</h2>\n<table>\n<thead><tr><th>fd</th><th>Role</th><th>Local</th>"
        "<th>Peer</th><th>Interest</th><th>Bytes in</th><th>Bytes out</th></tr></thead>\n"
        "<tbody>\n";
    if (s.rows.empty())
        out += "<tr><td colspan=\"7\">No descriptors.</td></tr>\n";
    for (const HttpStats::Row& r : s.rows) {
        out += "<tr><td class=\"n\">" + std::to_string(r.fd) + "</td><td>" + htmlEscape(r.role) +
               "</td><td class=\"m\">" + htmlEscape(r.local) + "</td><td class=\"m\">" +
               htmlEscape(r.peer) + "</td><td class=\"m\">" + htmlEscape(r.interest) +
               "</td><td class=\"n\">" + std::to_string(r.bytesIn) + "</td><td class=\"n\">" +
               std::to_string(r.bytesOut) + "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n";
}

std::string pageStart(std::string_view title, bool refresh) {
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    if (refresh)
        out += "<meta http-equiv=\"refresh\" content=\"2\">\n";
    out += "<title>" + htmlEscape(title) + "</title>\n<style>";
    out += kStyle;
    out += "</style>\n</head>\n<body>\n";
    return out;
}

}  // namespace

std::string htmlEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        const char c = text[i];
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default: {
                const Utf8Sequence seq = decodeUtf8(text, i);
                if (!seq.valid) {
                    out += "\xEF\xBF\xBD";  // U+FFFD for each byte of an invalid sequence
                    ++i;
                } else {
                    out.append(text.substr(i, seq.length));
                    i += seq.length;
                }
                continue;
            }
        }
        ++i;
    }
    return out;
}

std::string_view httpReasonPhrase(int status) {
    switch (status) {
        case 200:
            return "OK";
        case 204:
            return "No Content";
        case 301:
            return "Moved Permanently";
        case 302:
            return "Found";
        case 304:
            return "Not Modified";
        case 400:
            return "Bad Request";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 408:
            return "Request Timeout";
        case 411:
            return "Length Required";
        case 413:
            return "Content Too Large";
        case 414:
            return "URI Too Long";
        case 431:
            return "Request Header Fields Too Large";
        case 500:
            return "Internal Server Error";
        case 501:
            return "Not Implemented";
        case 503:
            return "Service Unavailable";
        case 505:
            return "HTTP Version Not Supported";
        default:
            return "";
    }
}

std::string httpResponse(int status, std::string_view contentType, std::string_view body,
                         bool head) {
    std::string type;
    for (char c : contentType) {
        if (c != '\r' && c != '\n')
            type += c;
    }
    std::string out = "HTTP/1.1 " + std::to_string(status) + " ";
    out += httpReasonPhrase(status);
    out += "\r\nServer: SelectScope\r\nContent-Type: " + type +
           "\r\nContent-Length: " + std::to_string(body.size()) +
           "\r\nConnection: close\r\nCache-Control: no-store\r\n";
    if (status == 405)
        out += "Allow: GET, HEAD\r\n";
    out += "\r\n";
    if (!head)
        out.append(body);
    return out;
}

std::string httpErrorPage(int status, std::string_view detail) {
    const std::string title = std::to_string(status) + " " + std::string(httpReasonPhrase(status));
    std::string out = pageStart(title, false);
    out += "<h1>" + htmlEscape(title) + "</h1>\n<p>" + htmlEscape(detail) +
           "</p>\n<p class=\"sub\">SelectScope</p>\n</body>\n</html>\n";
    return out;
}

std::string statsPage(const HttpStats& stats) {
    std::string out = pageStart("SelectScope \xE2\x80\x94 live statistics", true);
    out +=
        "<h1>SelectScope</h1>\n<p class=\"sub\">Live statistics of the multiplexed server that "
        "sent this page. It reloads every 2 seconds.</p>\n";
    appendSummary(out, stats);
    appendListeners(out, stats);
    appendRows(out, stats);
    out += "</body>\n</html>\n";
    return out;
}

}  // namespace ss
