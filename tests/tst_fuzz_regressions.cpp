// SPDX-License-Identifier: GPL-3.0-or-later
// Replays every seed corpus file of fuzz/ through the same invariant checks the fuzz targets use
// (fuzz/fuzz_checks.h), so CI keeps checking the corpus without clang or libFuzzer, and holds
// one test per input a fuzzer found that broke an invariant.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "core/server/framed_header.h"
#include "core/server/serve_dir.h"
#include "fuzz/fuzz_checks.h"

#ifndef SELECTSCOPE_FUZZ_CORPUS_DIR
#error "SELECTSCOPE_FUZZ_CORPUS_DIR must name fuzz/corpus"
#endif

namespace fs = std::filesystem;

namespace {

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<fs::path> corpusFiles(const std::string& target) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(fs::path(SELECTSCOPE_FUZZ_CORPUS_DIR) / target))
        files.push_back(entry.path());
    return files;
}

// Runs check on every file of one target's corpus; an empty corpus is a failure too.
void replayCorpus(const std::string& target,
                  const std::function<std::string(std::string_view)>& check) {
    const std::vector<fs::path> files = corpusFiles(target);
    ASSERT_FALSE(files.empty()) << "no seed files for " << target;
    for (const fs::path& file : files)
        EXPECT_EQ(check(readFile(file)), "") << file;
}

// The served folder of fuzz_serve_dir, built once per test in a fresh temporary folder.
class ServeFixture : public ::testing::Test {
protected:
    void SetUp() override {
        std::random_device rd;
        m_base = fs::temp_directory_path() / ("tst_fuzz_regressions_" + std::to_string(rd()));
        fs::create_directories(m_base);
        m_rootAsGiven = ss::fuzz::makeServeFixture(m_base).string();
        m_dir = std::make_unique<ss::ServeDir>(m_rootAsGiven);
        ASSERT_TRUE(m_dir->isValid()) << m_dir->error();
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(m_base, ec);
    }
    std::string check(std::string_view input) const {
        return ss::fuzz::checkServeDirInput(*m_dir, m_rootAsGiven, input);
    }

    fs::path m_base;
    std::string m_rootAsGiven;
    std::unique_ptr<ss::ServeDir> m_dir;
};

}  // namespace

TEST(FuzzCorpus, HttpRequest) {
    replayCorpus("fuzz_http_request", ss::fuzz::checkHttpRequestInput);
}

TEST(FuzzCorpus, FramedHeader) {
    replayCorpus("fuzz_framed_header", ss::fuzz::checkFramedHeaderInput);
}

TEST(FuzzCorpus, ListenSpec) {
    replayCorpus("fuzz_listen_spec", ss::fuzz::checkListenSpecInput);
}

TEST_F(ServeFixture, ServeDirCorpus) {
    replayCorpus("fuzz_serve_dir", [this](std::string_view input) { return check(input); });
}

// The py_* seeds were written by Python's json.dumps + struct.pack("i"); the encoder must
// reproduce them byte for byte, which is what the tutorial's unchanged client expects.
TEST(FuzzCorpus, PythonFramesReencodeByteForByte) {
    for (const fs::path& file : corpusFiles("fuzz_framed_header")) {
        if (file.filename().string().rfind("py_", 0) != 0)
            continue;
        const std::string frame = readFile(file);
        size_t used = 0;
        const auto header = ss::parseFrameHeader(frame, &used);
        ASSERT_TRUE(header) << file;
        const std::string json = header->error
                                     ? ss::pythonJsonErrorHeader(header->filename, *header->error)
                                     : ss::pythonJsonHeader(header->filename, header->size);
        EXPECT_EQ(ss::frameHeader(json), frame.substr(0, used)) << file;
    }
}

// Found by fuzz_listen_spec (minimised): parseEndpoint accepts '[' and ']' inside a host, and
// formatEndpoint then writes an address that parseEndpoint refuses. ":]:0" parses as host ":]"
// (the last ':' splits host and port), which formats as "[:]]:0", whose first ']' ends the
// bracket early; "[[]:0" parses as host "[", which formats as "[:0", an unclosed bracket.
TEST(FuzzRegression, ListenSpecHostWithBracketsRoundTrips) {
    EXPECT_EQ(ss::fuzz::checkListenSpecInput(":]:0"), "");
    EXPECT_EQ(ss::fuzz::checkListenSpecInput("[[]:0"), "");
    EXPECT_EQ(ss::fuzz::checkListenSpecInput(":09[]:100=echo"), "");
}

// The reference replacement itself, on the examples of Unicode 3.9 (U+FFFD substitution of
// maximal subparts), which is what Python's decode(errors="replace") does.
TEST(FuzzChecks, PythonReplacementMatchesUnicodeExamples) {
    const std::string r = "\xEF\xBF\xBD";
    EXPECT_EQ(ss::fuzz::pythonReplaceInvalidUtf8("a\xC0\xAF"
                                                 "b"),
              "a" + r + r + "b");
    EXPECT_EQ(ss::fuzz::pythonReplaceInvalidUtf8("\xE2\x82"
                                                 "x"),
              r + "x");
    EXPECT_EQ(ss::fuzz::pythonReplaceInvalidUtf8("\xED\xA0\x80"), r + r + r);
    EXPECT_EQ(ss::fuzz::pythonReplaceInvalidUtf8("\xF4\x90\x80\x80"), r + r + r + r);
    EXPECT_EQ(ss::fuzz::pythonReplaceInvalidUtf8("\xF0\x9F\x98"), r);
    EXPECT_EQ(ss::fuzz::pythonReplaceInvalidUtf8("\xE4\xBD\xA0"), "\xE4\xBD\xA0");
}
