// SPDX-License-Identifier: GPL-3.0-or-later
// ServeDir: every request stays inside the served folder, whatever the client sends.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#ifndef _WIN32
#include <sys/stat.h>
#endif

#include "core/server/serve_dir.h"

namespace fs = std::filesystem;
using namespace std::string_literals;

namespace {

void writeFile(const fs::path& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
}

// Builds <tmp>/srv/a (the root), its sibling <tmp>/srv/ab (the prefix trap) and a file outside.
class ServeDirTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::random_device rd;
        m_base = fs::temp_directory_path() / ("tst_serve_dir_" + std::to_string(rd()));
        m_root = m_base / "srv" / "a";
        fs::create_directories(m_root / "sub");
        fs::create_directories(m_base / "srv" / "ab");
        writeFile(m_root / "hello.txt", "hello");
        writeFile(m_root / "sub" / "deep.txt", "deep file");
        writeFile(m_root / fs::u8path("你好.txt"), "ni hao");
        writeFile(m_base / "srv" / "ab" / "secret.txt", "secret");
        writeFile(m_base / "outside.txt", "outside");
        std::error_code ec;
        fs::create_symlink(m_base / "outside.txt", m_root / "link_out", ec);
        fs::create_symlink("hello.txt", m_root / "link_in", ec);
        fs::create_directory_symlink(m_base / "srv" / "ab", m_root / "link_dir_out", ec);
        fs::create_directory_symlink(m_root, m_base / "root_link", ec);
        m_haveSymlinks = !ec;
#ifndef _WIN32
        m_haveFifo = ::mkfifo((m_root / "fifo").c_str(), 0600) == 0;
#endif
        m_dir = std::make_unique<ss::ServeDir>(m_root.string());
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(m_base, ec);
    }
    ss::ServeResult resolve(std::string_view request) const {
        return m_dir->resolve(request);
    }
    std::string canonical(const fs::path& p) const {
        return fs::canonical(p).string();
    }

    fs::path m_base, m_root;
    bool m_haveSymlinks = false;
    bool m_haveFifo = false;
    std::unique_ptr<ss::ServeDir> m_dir;
};

TEST_F(ServeDirTest, RootIsCanonical) {
    ASSERT_TRUE(m_dir->isValid()) << m_dir->error();
    EXPECT_EQ(m_dir->root(), canonical(m_root));
}

TEST_F(ServeDirTest, RelativeFile) {
    const ss::ServeResult r = resolve("hello.txt");
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.path, canonical(m_root / "hello.txt"));
    EXPECT_EQ(r.filename, "hello.txt");
    EXPECT_EQ(r.size, 5u);
    EXPECT_TRUE(r.error.empty());
}

TEST_F(ServeDirTest, StripsLineEndAndSpaces) {
    for (const char* request :
         {"hello.txt\r\n", "hello.txt\n", "  hello.txt  ", "\thello.txt \r\n"}) {
        const ss::ServeResult r = resolve(request);
        EXPECT_TRUE(r.ok) << request << ": " << r.error;
        EXPECT_EQ(r.filename, "hello.txt");
    }
}

TEST_F(ServeDirTest, SubfolderAndFoldedDotDot) {
    ss::ServeResult r = resolve("sub/deep.txt");
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.filename, "deep.txt");
    EXPECT_EQ(r.size, 9u);
    r = resolve("sub/../hello.txt");
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.path, canonical(m_root / "hello.txt"));
    EXPECT_TRUE(resolve("./sub//deep.txt").ok);
}

TEST_F(ServeDirTest, ChineseName) {
    const ss::ServeResult r = resolve("你好.txt");
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.filename, "你好.txt");
    EXPECT_EQ(r.size, 6u);
}

TEST_F(ServeDirTest, DotDotEscapeIsRefused) {
    for (const char* request : {"../outside.txt", "../../outside.txt", "sub/../../ab/secret.txt",
                                "../ab/secret.txt", "../../../../../../etc/passwd", ".."}) {
        const ss::ServeResult r = resolve(request);
        EXPECT_FALSE(r.ok) << request;
        EXPECT_EQ(r.error.rfind("path escapes the served folder", 0), 0u) << r.error;
        EXPECT_TRUE(r.path.empty());
    }
    EXPECT_EQ(resolve("../../etc/passwd").filename, "passwd");
}

TEST_F(ServeDirTest, PrefixTrapSiblingFolder) {
    // /srv/ab starts with the string /srv/a but is not inside it.
    const std::string sibling = canonical(m_base / "srv" / "ab" / "secret.txt");
    EXPECT_EQ(sibling.rfind(m_dir->root(), 0),
              0u);  // the string prefix that would fool a naive test
    const ss::ServeResult r = resolve(sibling);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error.rfind("path escapes the served folder", 0), 0u) << r.error;
}

TEST_F(ServeDirTest, AbsolutePathInsideIsAllowed) {
    const ss::ServeResult r = resolve(canonical(m_root / "sub" / "deep.txt"));
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.filename, "deep.txt");
}

TEST_F(ServeDirTest, AbsolutePathOutsideIsRefused) {
    for (const std::string& request :
         {"/etc/passwd"s, canonical(m_base / "outside.txt"), "/nonexistent/x"s, "/"s}) {
        const ss::ServeResult r = resolve(request);
        EXPECT_FALSE(r.ok) << request;
        EXPECT_EQ(r.error.rfind("path escapes the served folder", 0), 0u) << r.error;
    }
}

TEST_F(ServeDirTest, SymlinkOutsideIsRefused) {
    if (!m_haveSymlinks)
        GTEST_SKIP() << "symlinks unavailable";
    // "link_dir_out/../ab/secret.txt" looks inside when folded as text, but the kernel follows
    // the link first, so it names <tmp>/srv/ab/secret.txt.
    for (const char* request :
         {"link_out", "link_dir_out/secret.txt", "link_dir_out/../ab/secret.txt"}) {
        const ss::ServeResult r = resolve(request);
        EXPECT_FALSE(r.ok) << request;
        EXPECT_EQ(r.error.rfind("path escapes the served folder", 0), 0u) << r.error;
    }
    // The other way round: this one really names a file inside the root.
    const ss::ServeResult back = resolve("link_dir_out/../a/hello.txt");
    ASSERT_TRUE(back.ok) << back.error;
    EXPECT_EQ(back.path, canonical(m_root / "hello.txt"));
}

TEST_F(ServeDirTest, SymlinkInsideIsAllowed) {
    if (!m_haveSymlinks)
        GTEST_SKIP() << "symlinks unavailable";
    const ss::ServeResult r = resolve("link_in");
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.path, canonical(m_root / "hello.txt"));
    EXPECT_EQ(r.filename, "link_in");
}

TEST_F(ServeDirTest, RootReachedThroughSymlink) {
    if (!m_haveSymlinks)
        GTEST_SKIP() << "symlinks unavailable";
    ss::ServeDir viaLink((m_base / "root_link").string());
    ASSERT_TRUE(viaLink.isValid());
    EXPECT_EQ(viaLink.root(), canonical(m_root));
    EXPECT_TRUE(viaLink.resolve((m_base / "root_link" / "hello.txt").string()).ok);
    EXPECT_FALSE(viaLink.resolve((m_base / "root_link" / ".." / "ab" / "secret.txt").string()).ok);
}

TEST_F(ServeDirTest, FifoIsNotARegularFile) {
    if (!m_haveFifo)
        GTEST_SKIP() << "mkfifo unavailable";
    // Opening a fifo would block; resolve() must refuse it without opening it.
    const ss::ServeResult r = resolve("fifo");
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error, "not a regular file: fifo");
}

TEST_F(ServeDirTest, DirectoryIsNotARegularFile) {
    for (const char* request : {"sub", "sub/", ".", "./"}) {
        const ss::ServeResult r = resolve(request);
        EXPECT_FALSE(r.ok) << request;
        EXPECT_EQ(r.error.rfind("not a regular file", 0), 0u) << r.error;
    }
    EXPECT_EQ(resolve("sub/").filename, "");
}

TEST_F(ServeDirTest, MissingFile) {
    ss::ServeResult r = resolve("x.txt");
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error, "no such file: x.txt");
    EXPECT_EQ(r.filename, "x.txt");
    EXPECT_EQ(resolve("hello.txt/x").error, "no such file: hello.txt/x");
}

TEST_F(ServeDirTest, EmptyAndNulAndTooLong) {
    for (const char* request : {"", "   ", "\r\n", " \t\r\n"})
        EXPECT_EQ(resolve(request).error, "empty request: send a file path") << request;
    const ss::ServeResult nul = resolve("hello.txt\0.jpg"s);
    EXPECT_FALSE(nul.ok);
    EXPECT_EQ(nul.error, "the path contains a NUL byte");
    const ss::ServeResult huge = resolve(std::string(5000, 'x'));
    EXPECT_FALSE(huge.ok);
    EXPECT_LT(huge.error.size(), 300u);
}

TEST(ServeDirRoot, InvalidRoot) {
    ss::ServeDir missing("/nonexistent/selectscope/root");
    EXPECT_FALSE(missing.isValid());
    EXPECT_FALSE(missing.error().empty());
    EXPECT_FALSE(missing.resolve("x").ok);
    EXPECT_EQ(missing.resolve("a/x").filename, "x");

    const fs::path file = fs::temp_directory_path() / "tst_serve_dir_plain_file";
    writeFile(file, "x");
    ss::ServeDir notAFolder(file.string());
    EXPECT_FALSE(notAFolder.isValid());
    fs::remove(file);
}

TEST(SplitRequests, WholeChunkWithoutNewline) {
    const auto parts = ss::splitRequests("a.txt");
    ASSERT_EQ(parts.size(), 1u);
    EXPECT_EQ(parts[0], "a.txt");
    EXPECT_TRUE(ss::splitRequests("").empty());
    EXPECT_EQ(ss::splitRequests("a b.txt\r")[0], "a b.txt\r");  // resolve() strips it later
}

TEST(SplitRequests, LinesFromNetcat) {
    const auto parts = ss::splitRequests("a.txt\r\n\nb.txt\nc.txt");
    ASSERT_EQ(parts.size(), 3u);
    EXPECT_EQ(parts[0], "a.txt");
    EXPECT_EQ(parts[1], "b.txt");
    EXPECT_EQ(parts[2], "c.txt");
    EXPECT_TRUE(ss::splitRequests("\n\r\n\n").empty());
    ASSERT_EQ(ss::splitRequests("x\n").size(), 1u);
}

}  // namespace
