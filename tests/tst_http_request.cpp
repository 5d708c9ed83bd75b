// SPDX-License-Identifier: GPL-3.0-or-later
// The http preset's request parser and response builders: valid requests in any split, every
// class of bad input with its status, and pages that escape what they show.
#include <gtest/gtest.h>

#include <string>

#include "core/server/http_request.h"
#include "core/server/http_response.h"

using namespace std::string_literals;
using Parser = ss::HttpRequestParser;
using Status = ss::HttpRequestParser::Status;

namespace {

const std::string kGet =
    "GET /index.html?x=1 HTTP/1.1\r\nHost: localhost:8080\r\nUser-Agent:  curl/8.0 \t\r\n"
    "Accept: */*\r\n\r\n";

Parser parsed(std::string_view bytes) {
    Parser p;
    p.feed(bytes);
    return p;
}

void expectBad(std::string_view bytes, int status) {
    const Parser p = parsed(bytes);
    EXPECT_EQ(p.status(), Status::Bad) << bytes;
    EXPECT_EQ(p.errorStatus(), status) << bytes << " -> " << p.errorReason();
    EXPECT_FALSE(p.errorReason().empty());
}

void expectGetParsed(const Parser& p) {
    ASSERT_EQ(p.status(), Status::Complete) << p.errorReason();
    EXPECT_EQ(p.method(), "GET");
    EXPECT_EQ(p.target(), "/index.html?x=1");
    EXPECT_EQ(p.version(), "HTTP/1.1");
    ASSERT_EQ(p.headers().size(), 3u);
    EXPECT_EQ(p.headers()[1].first, "User-Agent");
    EXPECT_EQ(p.headers()[1].second, "curl/8.0");
    EXPECT_EQ(p.header("host"), "localhost:8080");
    EXPECT_EQ(p.header("USER-AGENT"), "curl/8.0");
    EXPECT_FALSE(p.header("Cookie"));
    EXPECT_FALSE(p.hasBody());
    EXPECT_EQ(p.bytesConsumed(), kGet.size());
}

TEST(HttpRequestParser, ValidGet) {
    Parser p;
    EXPECT_EQ(p.feed(kGet), Status::Complete);
    expectGetParsed(p);
    EXPECT_TRUE(p.remainder().empty());
}

TEST(HttpRequestParser, ByteByByte) {
    Parser p;
    for (size_t i = 0; i + 1 < kGet.size(); ++i)
        ASSERT_EQ(p.feed(kGet.substr(i, 1)), Status::Incomplete) << i;
    EXPECT_EQ(p.feed(kGet.substr(kGet.size() - 1)), Status::Complete);
    expectGetParsed(p);
}

TEST(HttpRequestParser, EverySplitPoint) {
    for (size_t cut = 0; cut <= kGet.size(); ++cut) {
        Parser p;
        p.feed(kGet.substr(0, cut));
        p.feed(kGet.substr(cut));
        expectGetParsed(p);
    }
}

TEST(HttpRequestParser, PipelinedRemainder) {
    const std::string second = "HEAD / HTTP/1.0\r\n\r\n";
    Parser p;
    EXPECT_EQ(p.feed(kGet + second.substr(0, 5)), Status::Complete);
    EXPECT_EQ(p.bytesConsumed(), kGet.size());
    EXPECT_EQ(p.remainder(), second.substr(0, 5));
    EXPECT_EQ(p.feed(second.substr(5)), Status::Complete);  // appended, not parsed yet
    EXPECT_EQ(p.remainder(), second);
    const std::string rest = p.remainder();
    p.reset();
    EXPECT_TRUE(p.remainder().empty());
    EXPECT_EQ(p.feed(rest), Status::Complete);
    EXPECT_EQ(p.method(), "HEAD");
    EXPECT_EQ(p.version(), "HTTP/1.0");
    EXPECT_EQ(p.bytesConsumed(), second.size());
}

TEST(HttpRequestParser, BareLineFeeds) {
    const Parser p = parsed("GET / HTTP/1.0\nX-A: 1\n\nrest");
    ASSERT_EQ(p.status(), Status::Complete) << p.errorReason();
    EXPECT_EQ(p.header("x-a"), "1");
    EXPECT_EQ(p.bytesConsumed(), 23u);
    EXPECT_EQ(p.remainder(), "rest");
}

TEST(HttpRequestParser, LeadingEmptyLinesAreSkippedUpToALimit) {
    EXPECT_EQ(parsed("\r\n\nGET / HTTP/1.0\r\n\r\n").status(), Status::Complete);
    expectBad(std::string(40, '\n') + "GET / HTTP/1.0\r\n\r\n", 400);
}

TEST(HttpRequestParser, BodiesAreAnnouncedNotRead) {
    const Parser p = parsed("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello");
    ASSERT_EQ(p.status(), Status::Complete);
    EXPECT_TRUE(p.hasBody());
    EXPECT_EQ(p.remainder(), "hello");
    EXPECT_TRUE(
        parsed("PUT / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n").hasBody());
    EXPECT_FALSE(parsed("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 000\r\n\r\n").hasBody());
}

TEST(HttpRequestParser, BadRequestLine400) {
    for (const char* bad :
         {"GET  / HTTP/1.1\r\n", "GET /\r\n", "GET\r\n", "G(T / HTTP/1.1\r\n",
          "GET / HTTP/1.1 x\r\n", "GET /a\x01 HTTP/1.1\r\n", "GET /\xe4\xbd\xa0 HTTP/1.1\r\n",
          "GET / HTTP/1.x\r\n", "GET / http/1.1\r\n", "GET / HTTP/1.1\rHost: a\r\n\r\n",
          " GET / HTTP/1.1\r\n", "GET\t/ HTTP/1.1\r\n", "GET / HTTP/11.1\r\n",
          "GET / HTTP/1.1\r\r\n"})
        expectBad(bad, 400);
}

TEST(HttpRequestParser, OtherVersions505) {
    for (const char* version : {"HTTP/2.0", "HTTP/0.9", "HTTP/3", "HTTP/1.2"})
        expectBad("GET / "s + version + "\r\n", 505);
    expectBad("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 505);
    EXPECT_NE(parsed("GET / HTTP/2.0\r\n").errorReason().find("HTTP/2.0"), std::string::npos);
}

TEST(HttpRequestParser, BadHeaders400) {
    const std::string start = "GET / HTTP/1.1\r\nHost: a\r\n";
    for (const char* bad :
         {"Host : a\r\n\r\n", "X-A\t: 1\r\n\r\n", " folded\r\n\r\n", "\tfolded\r\n\r\n",
          "NoColon\r\n\r\n", ": empty\r\n\r\n", "Bad Name: x\r\n\r\n", "X-A: a\x01z\r\n\r\n",
          "X-A: a\rz\r\n\r\n", "X-A: a\x7fz\r\n\r\n", "Host: b\r\n\r\n",
          "Content-Length: abc\r\n\r\n", "Content-Length: -1\r\n\r\n",
          "Content-Length: 1\r\nContent-Length: 2\r\n\r\n"})
        expectBad(start + bad, 400);
    expectBad("GET / HTTP/1.1\r\nX-A: 1\r\n\r\n", 400);  // HTTP/1.1 needs a Host
    EXPECT_EQ(parsed("GET / HTTP/1.0\r\n\r\n").status(), Status::Complete);  // 1.0 does not
    EXPECT_EQ(parsed(start + "X-A: caf\xc3\xa9\r\n\r\n").status(), Status::Complete);  // obs-text
}

TEST(HttpRequestParser, HugeRequestLine414) {
    const std::string line = "GET /" + std::string(1 << 20, 'a') + " HTTP/1.1\r\n\r\n";
    expectBad(line, 414);
    Parser p;
    for (size_t i = 0; i < line.size() && p.status() == Status::Incomplete; i += 1024)
        p.feed(std::string_view(line).substr(i, 1024));
    EXPECT_EQ(p.errorStatus(), 414);
    Parser bytewise;
    size_t fed = 0;
    while (bytewise.feed(std::string_view(line).substr(fed, 1)) == Status::Incomplete)
        ++fed;
    EXPECT_EQ(bytewise.errorStatus(), 414);
    EXPECT_LE(fed, Parser::kMaxRequestLine + 2);  // refused at the limit, not at the line end
}

TEST(HttpRequestParser, RequestLineLimitIsExact) {
    const std::string prefix = "GET /";
    const std::string suffix = " HTTP/1.0";
    const std::string fits(Parser::kMaxRequestLine - prefix.size() - suffix.size(), 'a');
    EXPECT_EQ(parsed(prefix + fits + suffix + "\r\n\r\n").status(), Status::Complete);
    EXPECT_EQ(parsed(prefix + fits + suffix + "\n\n").status(), Status::Complete);
    expectBad(prefix + fits + "a" + suffix + "\r\n\r\n", 414);
    expectBad(prefix + fits + "a" + suffix + "\n\n", 414);
}

TEST(HttpRequestParser, HeaderFlood431) {
    std::string many = "GET / HTTP/1.1\r\nHost: a\r\n";
    for (int i = 0; i < 100; ++i)
        many += "X-" + std::to_string(i) + ": v\r\n";
    expectBad(many + "\r\n", 431);
    EXPECT_NE(parsed(many).errorReason().find("100"), std::string::npos);

    std::string big = "GET / HTTP/1.1\r\nHost: a\r\n";
    for (int i = 0; i < 90; ++i)
        big += "X-" + std::to_string(i) + ": " + std::string(200, 'v') + "\r\n";
    expectBad(big + "\r\n", 431);
    expectBad("GET / HTTP/1.1\r\nX-Big: " + std::string(1 << 20, 'v'), 431);
}

TEST(HttpRequestParser, HeaderSectionLimitIsExact) {
    const std::string start = "GET / HTTP/1.0\r\n";
    const std::string field = "X: ";  // the section is this, a value, CRLF and the final CRLF
    const std::string value(Parser::kMaxHeaderBytes - field.size() - 4, 'v');
    EXPECT_EQ(parsed(start + field + value + "\r\n\r\n").status(), Status::Complete);
    expectBad(start + field + value + "v\r\n\r\n", 431);
}

TEST(HttpRequestParser, BinaryGarbageIsRefusedAtOnce) {
    expectBad("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03"s, 400);  // a TLS ClientHello
    expectBad("\0\0\0\0"s, 400);
    uint32_t state = 99;
    for (int round = 0; round < 500; ++round) {
        std::string junk(64, '\0');
        for (char& c : junk) {
            state = state * 1664525u + 1013904223u;
            c = static_cast<char>(state >> 24);
        }
        Parser p;
        EXPECT_NE(p.feed(junk), Status::Complete);
    }
}

TEST(HttpRequestParser, ResetAfterBad) {
    Parser p;
    EXPECT_EQ(p.feed("BAD\x01"), Status::Bad);
    EXPECT_EQ(p.feed(kGet), Status::Bad);  // stays Bad until reset
    p.reset();
    EXPECT_EQ(p.feed(kGet), Status::Complete);
}

TEST(HttpResponse, Format) {
    EXPECT_EQ(
        ss::httpResponse(200, "text/plain; charset=utf-8", "hi"),
        "HTTP/1.1 200 OK\r\nServer: SelectScope\r\nContent-Type: text/plain; charset=utf-8\r\n"
        "Content-Length: 2\r\nConnection: close\r\nCache-Control: no-store\r\n\r\nhi");
    const std::string head = ss::httpResponse(404, "text/html", "<p>gone</p>", true);
    EXPECT_EQ(head.rfind("HTTP/1.1 404 Not Found\r\n", 0), 0u);
    EXPECT_NE(head.find("Content-Length: 11\r\n"), std::string::npos);
    EXPECT_EQ(head.substr(head.size() - 4), "\r\n\r\n");
    EXPECT_NE(ss::httpResponse(405, "text/html", "").find("\r\nAllow: GET, HEAD\r\n"),
              std::string::npos);
    EXPECT_EQ(ss::httpResponse(599, "x", "").rfind("HTTP/1.1 599 \r\n", 0), 0u);
    EXPECT_EQ(ss::httpResponse(200, "text/html\r\nSet-Cookie: a=b", "").find("\r\nSet-Cookie"),
              std::string::npos);
    for (int status : {400, 414, 431, 505})
        EXPECT_FALSE(ss::httpReasonPhrase(status).empty());
}

TEST(HttpResponse, ErrorPageEscapes) {
    const std::string page = ss::httpErrorPage(400, "bad <b>\"thing\"</b> & 'more'");
    EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_NE(page.find("400 Bad Request"), std::string::npos);
    EXPECT_NE(page.find("bad &lt;b&gt;&quot;thing&quot;&lt;/b&gt; &amp; &#39;more&#39;"),
              std::string::npos);
}

TEST(HttpResponse, StatsPage) {
    ss::HttpStats s;
    s.backend = "epoll<script>";
    s.uptimeSeconds = 3725.5;
    s.waitCalls = 123456;
    s.accepted = 7;
    s.openConnections = 2;
    s.bytesIn = 2048;
    s.bytesOut = 5;
    s.droppedTraceRecords = 3;
    s.listeners = {"127.0.0.1:8080/tcp http"};
    s.rows.push_back({5, "listener", "127.0.0.1:8080", "", "R", 0, 0});
    s.rows.push_back(
        {7, "connection", "127.0.0.1:8080", "<script>alert('x')</script>\xff", "RW", 10, 20});
    const std::string page = ss::statsPage(s);
    EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_NE(page.find("<meta charset=\"utf-8\">"), std::string::npos);
    EXPECT_NE(page.find("<meta http-equiv=\"refresh\" content=\"2\">"), std::string::npos);
    EXPECT_EQ(page.find("<script"), std::string::npos);
    EXPECT_NE(page.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\xEF\xBF\xBD"),
              std::string::npos);
    EXPECT_NE(page.find("epoll&lt;script&gt;"), std::string::npos);
    EXPECT_NE(page.find("123456"), std::string::npos);
    EXPECT_NE(page.find("1 h 02 min 05 s"), std::string::npos);
    EXPECT_NE(page.find("2048 B (2.0 KiB)"), std::string::npos);
    EXPECT_NE(page.find("127.0.0.1:8080/tcp http"), std::string::npos);
    EXPECT_EQ(page.find("http://"), std::string::npos);  // no external resources
    EXPECT_EQ(page.find("https://"), std::string::npos);
    EXPECT_EQ(page.substr(page.size() - 8), "</html>\n");
}

TEST(HttpResponse, HtmlEscapeKeepsValidUtf8) {
    EXPECT_EQ(ss::htmlEscape("你好 & 😀"), "你好 &amp; 😀");
    EXPECT_EQ(ss::htmlEscape("a\xc3"), "a\xEF\xBF\xBD");
    EXPECT_EQ(ss::htmlEscape("\xed\xa0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

}  // namespace
