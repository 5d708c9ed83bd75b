// SPDX-License-Identifier: GPL-3.0-or-later
// The framed-file header, compared byte for byte with what Python 3 prints. Every expected string
// below was produced by python3 -c 'import json; print(json.dumps({"filename": f, "size": n}))'.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "core/server/framed_header.h"

using namespace std::string_literals;

namespace {

std::string header(std::string_view filename, uint64_t size) {
    return ss::pythonJsonHeader(filename, size);
}

// Length prefix as struct.pack("i", n) writes it on this machine.
std::string nativeLength(int32_t n) {
    std::string out(4, '\0');
    std::memcpy(out.data(), &n, 4);
    return out;
}

TEST(PythonJsonHeader, Ascii) {
    EXPECT_EQ(header("hello.txt", 12345), R"({"filename": "hello.txt", "size": 12345})");
    EXPECT_EQ(header("", 0), R"({"filename": "", "size": 0})");
    EXPECT_EQ(header("a", UINT64_MAX), R"({"filename": "a", "size": 18446744073709551615})");
    EXPECT_EQ(header("/slash/x", 1), R"({"filename": "/slash/x", "size": 1})");
}

TEST(PythonJsonHeader, Chinese) {
    EXPECT_EQ(header("你好.txt", 12345), R"({"filename": "\u4f60\u597d.txt", "size": 12345})");
    EXPECT_EQ(header("é€", 1), R"({"filename": "\u00e9\u20ac", "size": 1})");
    EXPECT_EQ(header("\u2028\ufeff", 1), R"({"filename": "\u2028\ufeff", "size": 1})");
}

TEST(PythonJsonHeader, EmojiBecomesSurrogatePair) {
    EXPECT_EQ(header("emoji 😀.txt", 12345),
              R"({"filename": "emoji \ud83d\ude00.txt", "size": 12345})");
    EXPECT_EQ(header("\U0010FFFF", 1), R"({"filename": "\udbff\udfff", "size": 1})");
}

TEST(PythonJsonHeader, QuotesBackslashAndControls) {
    EXPECT_EQ(header("q\"uo\\te.txt", 12345), R"({"filename": "q\"uo\\te.txt", "size": 12345})");
    EXPECT_EQ(header("ctl\n\r\t\b\f\0\x01\x1f\x7f.txt"s, 12345),
              R"({"filename": "ctl\n\r\t\b\f\u0000\u0001\u001f\u007f.txt", "size": 12345})");
}

TEST(PythonJsonHeader, InvalidUtf8BecomesReplacementLikeDecodeReplace) {
    // Expected: json.dumps(b.decode("utf-8", "replace")) for each b.
    EXPECT_EQ(ss::pythonJsonString("a\xff"
                                   "b"),
              R"("a\ufffdb")");
    EXPECT_EQ(ss::pythonJsonString("\xe4\xbd"), R"("\ufffd")");
    EXPECT_EQ(ss::pythonJsonString("\xe4\xbd"
                                   "A"),
              R"("\ufffdA")");
    EXPECT_EQ(ss::pythonJsonString("\xed\xa0\x80"), R"("\ufffd\ufffd\ufffd")");
    EXPECT_EQ(ss::pythonJsonString("\xf0\x9f\x98"), R"("\ufffd")");
    EXPECT_EQ(ss::pythonJsonString("\xc0\xaf"), R"("\ufffd\ufffd")");
    EXPECT_EQ(ss::pythonJsonString("\xf4\x90\x80\x80"), R"("\ufffd\ufffd\ufffd\ufffd")");
    EXPECT_EQ(ss::pythonJsonString("\xe0\x80\xaf"), R"("\ufffd\ufffd\ufffd")");
}

TEST(PythonJsonHeader, ErrorHeader) {
    EXPECT_EQ(ss::pythonJsonErrorHeader("x.txt", "no such file: x.txt"),
              R"({"filename": "x.txt", "size": 0, "error": "no such file: x.txt"})");
    EXPECT_EQ(ss::pythonJsonErrorHeader("你", "\"bad\""),
              R"({"filename": "\u4f60", "size": 0, "error": "\"bad\""})");
}

TEST(FrameHeader, LengthIsNativeInt32) {
    const std::string json = header("a.txt", 5);
    ASSERT_EQ(json.size(), 32u);
    const std::string framed = ss::frameHeader(json);
    ASSERT_EQ(framed.size(), 36u);
    EXPECT_EQ(framed.substr(0, 4), nativeLength(32));
    EXPECT_EQ(framed.substr(4), json);
    // struct.pack("i", 32).hex() is "20000000" on the little-endian machines this runs on.
    const uint16_t probe = 1;
    if (*reinterpret_cast<const unsigned char*>(&probe) == 1) {
        EXPECT_EQ(framed.substr(0, 4), "\x20\0\0\0"s);
    }
}

TEST(ParseFrameHeader, RoundTrip) {
    for (const std::string& name :
         {"hello.txt"s, "你好.txt"s, "emoji 😀.txt"s, "q\"uo\\te/\n\r\t\b\f\x01\x7f"s, ""s}) {
        const std::string framed = ss::frameHeader(header(name, 987654321)) + "FILEBYTES";
        size_t consumed = 0;
        const auto parsed = ss::parseFrameHeader(framed, &consumed);
        ASSERT_TRUE(parsed) << name;
        EXPECT_EQ(parsed->filename, name);
        EXPECT_EQ(parsed->size, 987654321u);
        EXPECT_FALSE(parsed->error);
        EXPECT_EQ(framed.substr(consumed), "FILEBYTES");
    }
}

TEST(ParseFrameHeader, ErrorHeaderRoundTrip) {
    const auto parsed = ss::parseFrameHeader(
        ss::frameHeader(ss::pythonJsonErrorHeader("x", "path escapes the served folder: ../x")),
        nullptr);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->size, 0u);
    ASSERT_TRUE(parsed->error);
    EXPECT_EQ(*parsed->error, "path escapes the served folder: ../x");
}

TEST(ParseFrameHeader, AcceptsOtherValidJsonOfTheSameShape) {
    const auto parsed = ss::parseFrameHeader(
        ss::frameHeader(" {\"size\":0 ,\n\"filename\" : \"\\u00E9\\/\\ud83d\\ude00\"} "), nullptr);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->filename, "é/😀");
    EXPECT_EQ(parsed->size, 0u);
}

TEST(ParseFrameHeader, NeedsMoreBytes) {
    const std::string framed = ss::frameHeader(header("a.txt", 5));
    ss::FramedHeader out;
    size_t consumed = 99;
    for (size_t n = 0; n < framed.size(); ++n) {
        EXPECT_EQ(ss::decodeFrameHeader(framed.substr(0, n), &out, &consumed),
                  ss::FrameParse::NeedMore);
    }
    EXPECT_EQ(consumed, 99u);  // untouched until a header is complete
    EXPECT_EQ(ss::decodeFrameHeader(framed, &out, &consumed), ss::FrameParse::Complete);
    EXPECT_EQ(consumed, framed.size());
}

TEST(ParseFrameHeader, RejectsBadLengths) {
    ss::FramedHeader out;
    size_t consumed = 0;
    for (int32_t n : {-1, 0, INT32_MIN, 64 * 1024 + 1, INT32_MAX}) {
        EXPECT_EQ(ss::decodeFrameHeader(nativeLength(n) + std::string(100, '{'), &out, &consumed),
                  ss::FrameParse::Malformed)
            << n;
    }
}

TEST(ParseFrameHeader, RejectsMalformedJson) {
    const char* bad[] = {"",
                         "{}",
                         "[]",
                         R"({"filename": "a"})",
                         R"({"size": 1})",
                         R"({"filename": "a", "size": -1})",
                         R"({"filename": "a", "size": 1.0})",
                         R"({"filename": "a", "size": 1e3})",
                         R"({"filename": "a", "size": 01})",
                         R"({"filename": "a", "size": 18446744073709551616})",
                         R"({"filename": "a", "size": "1"})",
                         R"({"filename": 1, "size": 1})",
                         R"({"filename": "a", "size": 1, "size": 2})",
                         R"({"filename": "a", "filename": "b", "size": 1})",
                         R"({"filename": "a", "size": 1, "other": 2})",
                         R"({"filename": "a", "size": 1,})",
                         R"({"filename": "a" "size": 1})",
                         R"({"filename": "a", "size": 1} x)",
                         R"({"filename": "a", "size": 1)",
                         R"({"filename": "a, "size": 1})",
                         R"({"filename": "\ud83d", "size": 1})",
                         R"({"filename": "\ude00", "size": 1})",
                         R"({"filename": "\ud83dx", "size": 1})",
                         R"({"filename": "\u12G4", "size": 1})",
                         R"({"filename": "\x", "size": 1})",
                         R"({'filename': 'a', 'size': 1})",
                         "{\"filename\": \"a\tb\", \"size\": 1}",
                         "{\"filename\": \"a\xff\", \"size\": 1}"};
    for (const char* json : bad) {
        EXPECT_FALSE(ss::parseFrameHeader(ss::frameHeader(json), nullptr)) << json;
    }
    const std::string withNul = "{\"filename\": \"a\", \"size\": 1}\0"s;
    EXPECT_FALSE(ss::parseFrameHeader(ss::frameHeader(withNul), nullptr));
}

TEST(ParseFrameHeader, BinaryGarbageNeverCrashes) {
    // A cheap deterministic fuzz: random bytes behind a plausible length.
    static constexpr char kAlphabet[] = "{}\":,\\u0123456789abdfnrtsizefilename \xff\xc3\xa9";
    uint32_t state = 12345;
    for (int round = 0; round < 2000; ++round) {
        std::string json(static_cast<size_t>(round % 60) + 1, '\0');
        for (char& c : json) {
            state = state * 1103515245u + 12345u;
            c = kAlphabet[(state >> 16) % (sizeof kAlphabet - 1)];
        }
        size_t consumed = 0;
        ss::FramedHeader out;
        const ss::FrameParse r = ss::decodeFrameHeader(ss::frameHeader(json), &out, &consumed);
        EXPECT_NE(r, ss::FrameParse::NeedMore);
    }
}

}  // namespace
