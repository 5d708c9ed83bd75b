// SPDX-License-Identifier: GPL-3.0-or-later
// HttpRequestParser checks: checkHttpRequestInput().
#include "fuzz/fuzz_checks.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/server/http_request.h"
#include "fuzz/fuzz_support.h"

namespace ss::fuzz {
namespace {

using detail::hashBytes;
using detail::nextRandom;
using detail::printable;

struct HttpOutcome {
    HttpRequestParser::Status status = HttpRequestParser::Status::Incomplete;
    int errorStatus = 0;
    std::string method, target, version;
    std::vector<std::pair<std::string, std::string>> headers;
    size_t consumed = 0;
};

constexpr size_t kMaxPipelined = 8;

bool isTchar(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool isToken(std::string_view s) {
    for (char c : s) {
        if (!isTchar(c))
            return false;
    }
    return !s.empty();
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if ((a[i] | 0x20) != (b[i] | 0x20))
            return false;
    }
    return true;
}

// What RFC 9112 promises the behaviour about a Complete head: nothing that could smuggle or
// inject reaches it.
std::string checkCompleteHead(const HttpRequestParser& p) {
    if (!isToken(p.method()) || p.target().empty() || p.version().empty())
        return "Complete with an empty or non-token method, or an empty target or version";
    for (unsigned char c : p.target()) {
        if (c <= 0x20 || c >= 0x7F)
            return "Complete with a control, space or non-ASCII byte in the target";
    }
    if (p.version() != "HTTP/1.0" && p.version() != "HTTP/1.1")
        return "Complete with version " + printable(p.version());
    if (p.headers().size() > HttpRequestParser::kMaxHeaderFields)
        return "Complete with more than kMaxHeaderFields header fields";
    size_t hosts = 0;
    for (const auto& [name, value] : p.headers()) {
        if (!isToken(name))
            return "Complete with a header name that is not a token: " + printable(name);
        for (unsigned char c : value) {
            if ((c < 0x20 && c != '\t') || c == 0x7F)
                return "Complete with a control byte in a header value: " + printable(value);
        }
        if (!value.empty() && (value.front() == ' ' || value.back() == ' ' ||
                               value.front() == '\t' || value.back() == '\t'))
            return "Complete with an untrimmed header value: " + printable(value);
        hosts += equalsIgnoreCase(name, "host") ? 1 : 0;
    }
    if (hosts > 1 || (hosts == 0 && p.version() == "HTTP/1.1"))
        return "Complete with a wrong number of Host fields";
    return {};
}

std::string checkHttpStatus(const HttpRequestParser& p, size_t fed) {
    using Status = HttpRequestParser::Status;
    if (p.bytesConsumed() > fed)
        return "bytesConsumed() " + std::to_string(p.bytesConsumed()) + " > bytes fed " +
               std::to_string(fed);
    if (p.status() == Status::Bad) {
        const int e = p.errorStatus();
        if (e != 400 && e != 414 && e != 431 && e != 505)
            return "Bad with errorStatus() " + std::to_string(e);
        return p.errorReason().empty() ? "Bad without a reason" : "";
    }
    if (p.status() != Status::Complete)
        return {};
    if (p.bytesConsumed() + p.remainder().size() != fed)
        return "bytesConsumed() + remainder().size() != bytes fed";
    return checkCompleteHead(p);
}

HttpOutcome outcomeOf(const HttpRequestParser& p) {
    return {p.status(),  p.errorStatus(), p.method(),       p.target(),
            p.version(), p.headers(),     p.bytesConsumed()};
}

// Feeds the chunks in order; after each Complete head the remainder starts the next request.
std::vector<HttpOutcome> runPipeline(const std::vector<std::string_view>& chunks,
                                     std::string* failure) {
    using Status = HttpRequestParser::Status;
    std::vector<HttpOutcome> outcomes;
    HttpRequestParser parser;
    size_t fed = 0;
    for (std::string_view chunk : chunks) {
        std::string pending(chunk);
        while (!pending.empty()) {
            const Status status = parser.feed(pending);
            fed += pending.size();
            pending.clear();
            if (std::string f = checkHttpStatus(parser, fed); !f.empty()) {
                *failure = f;
                return outcomes;
            }
            if (status == Status::Incomplete)
                break;
            outcomes.push_back(outcomeOf(parser));
            if (status == Status::Bad || outcomes.size() == kMaxPipelined)
                return outcomes;
            pending = parser.remainder();
            parser.reset();
            fed = 0;
        }
    }
    outcomes.push_back(outcomeOf(parser));  // the Incomplete tail
    return outcomes;
}

std::vector<std::string_view> splitEvery(std::string_view data, size_t n) {
    std::vector<std::string_view> chunks;
    for (size_t pos = 0; pos < data.size(); pos += n)
        chunks.push_back(data.substr(pos, n));
    return chunks;
}

std::vector<std::string_view> splitRandomly(std::string_view data) {
    std::vector<std::string_view> chunks;
    uint64_t state = hashBytes(data) | 1;
    for (size_t pos = 0; pos < data.size();) {
        const uint64_t r = nextRandom(state);
        const size_t n = 1 + (r % 8 == 0 ? r % 4096 : r % 97);
        chunks.push_back(data.substr(pos, n));
        pos += n;
    }
    return chunks;
}

// A limit and the early method check may both apply to one line; which fires first depends on
// how the line was split, so 400 against 414 is not a disagreement.
bool sameOutcome(const HttpOutcome& a, const HttpOutcome& b) {
    using Status = HttpRequestParser::Status;
    if (a.status != b.status)
        return false;
    if (a.status == Status::Bad) {
        const int lo = std::min(a.errorStatus, b.errorStatus);
        const int hi = std::max(a.errorStatus, b.errorStatus);
        return lo == hi || (lo == 400 && hi == 414);
    }
    if (a.status == Status::Incomplete)
        return true;
    return a.method == b.method && a.target == b.target && a.version == b.version &&
           a.headers == b.headers && a.consumed == b.consumed;
}

std::string compareRuns(const std::vector<HttpOutcome>& a, const std::vector<HttpOutcome>& b,
                        const char* how) {
    if (a.size() != b.size())
        return std::string("feeding ") + how + " gives " + std::to_string(b.size()) +
               " outcomes, whole gives " + std::to_string(a.size());
    for (size_t i = 0; i < a.size(); ++i) {
        if (!sameOutcome(a[i], b[i]))
            return std::string("feeding ") + how + " changes request " + std::to_string(i) +
                   " (status " + std::to_string(int(b[i].status)) + "/" +
                   std::to_string(b[i].errorStatus) + " against " +
                   std::to_string(int(a[i].status)) + "/" + std::to_string(a[i].errorStatus) + ")";
    }
    return {};
}

}  // namespace

std::string checkHttpRequestInput(std::string_view data) {
    std::string failure;
    const auto whole = runPipeline({data}, &failure);
    if (failure.empty()) {
        const auto bytewise = runPipeline(splitEvery(data, 1), &failure);
        if (failure.empty())
            failure = compareRuns(whole, bytewise, "one byte at a time");
    }
    if (failure.empty()) {
        const auto random = runPipeline(splitRandomly(data), &failure);
        if (failure.empty())
            failure = compareRuns(whole, random, "in random chunks");
    }
    return failure;
}

}  // namespace ss::fuzz
