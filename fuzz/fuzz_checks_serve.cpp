// SPDX-License-Identifier: GPL-3.0-or-later
// ServeDir checks: makeServeFixture(), checkServeDirInput().
#include "fuzz/fuzz_checks.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>
#include <vector>

#include "core/server/serve_dir.h"
#include "fuzz/fuzz_support.h"

namespace ss::fuzz {
namespace {

namespace fs = std::filesystem;

using detail::printable;

void writeFile(const fs::path& path, std::string_view content) {
    std::ofstream(path, std::ios::binary) << content;
}

std::string replaceAll(std::string text, std::string_view from, const std::string& to) {
    for (size_t pos = text.find(from); pos != std::string::npos;
         pos = text.find(from, pos + to.size()))
        text.replace(pos, from.size(), to);
    return text;
}

// Component-wise containment of two canonical paths.
bool isInside(const fs::path& path, const fs::path& root) {
    auto p = path.begin();
    for (auto r = root.begin(); r != root.end(); ++r, ++p) {
        if (p == path.end() || *p != *r)
            return false;
    }
    return true;
}

std::string_view trimmed(std::string_view s) {
    constexpr std::string_view kSpace = " \t\r\n\v\f";
    const size_t first = s.find_first_not_of(kSpace);
    if (first == std::string_view::npos)
        return {};
    return s.substr(first, s.find_last_not_of(kSpace) - first + 1);
}

std::string checkResolveOk(const ServeDir& dir, const ServeResult& r) {
    std::error_code ec;
    const fs::path path = fs::u8path(r.path);  // UTF-8, not Windows' ANSI code page
    const fs::path real = fs::canonical(path, ec);
    if (ec || real != path)
        return "ok with a path that is not canonical: " + printable(r.path);
    if (!isInside(real, fs::canonical(fs::u8path(dir.root()), ec)))
        return "ok with a path outside the root: " + printable(r.path);
    if (!fs::is_regular_file(fs::status(real, ec)))
        return "ok with a path that is not a regular file: " + printable(r.path);
    if (fs::file_size(real, ec) != r.size || !r.error.empty())
        return "ok with a wrong size or an error text: " + printable(r.path);
    return {};
}

std::string checkResolve(const ServeDir& dir, std::string_view request) {
    const ServeResult r = dir.resolve(request);
    std::string_view t = trimmed(request);
#ifdef _WIN32
    // Windows' os.path.basename splits off a drive and knows '\\' as a separator too.
    if (t.size() >= 2 && t[1] == ':')
        t.remove_prefix(2);
    const size_t slash = t.find_last_of("/\\");
#else
    const size_t slash = t.rfind('/');
#endif
    if (r.filename != (slash == std::string_view::npos ? t : t.substr(slash + 1)))
        return "filename is not the basename of the request: " + printable(r.filename);
    if (!r.ok) {
        if (r.error.empty() || !r.path.empty() || r.size != 0)
            return "a refusal without an error, or with a path or size";
        return {};
    }
    return checkResolveOk(dir, r);
}

// splitRequests against a second, obvious implementation.
std::string checkSplit(std::string_view chunk, std::vector<std::string_view>* pieces) {
    *pieces = splitRequests(chunk);
    std::vector<std::string_view> expected;
    if (chunk.find('\n') == std::string_view::npos) {
        if (!chunk.empty())
            expected.push_back(chunk);
    } else {
        size_t start = 0;
        while (start <= chunk.size()) {
            size_t end = chunk.find('\n', start);
            end = end == std::string_view::npos ? chunk.size() : end;
            std::string_view line = chunk.substr(start, end - start);
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            if (!line.empty())
                expected.push_back(line);
            start = end + 1;
        }
    }
    if (*pieces != expected)
        return "splitRequests gives " + std::to_string(pieces->size()) + " requests, expected " +
               std::to_string(expected.size());
    for (std::string_view piece : *pieces) {
        if (piece.data() < chunk.data() ||
            piece.data() + piece.size() > chunk.data() + chunk.size())
            return "splitRequests returns a view outside the chunk";
    }
    return {};
}

}  // namespace

fs::path makeServeFixture(const fs::path& base) {
    const fs::path real = base / "real";
    fs::create_directories(real / "sub" / "deeper");
    fs::create_directories(base / "real_sibling");
    fs::create_directories(base / "outside");
    writeFile(real / "a.txt", "alpha\n");
    writeFile(real / "b.bin", std::string("\0\1\2\3\xff", 5));
    writeFile(real / "empty.txt", "");
    writeFile(real / fs::u8path("你好.txt"), "ni hao\n");
    writeFile(real / "sub" / "c.txt", "gamma\n");
    writeFile(real / "sub" / "deeper" / "d.txt", "delta\n");
    writeFile(base / "real_sibling" / "a.txt", "the prefix trap\n");
    writeFile(base / "outside" / "secret.txt", "secret\n");
    std::error_code ec;
    fs::create_symlink("a.txt", real / "link_in", ec);
    fs::create_directory_symlink("sub", real / "link_sub", ec);
    fs::create_directory_symlink("../outside", real / "link_out", ec);
    fs::create_symlink("../outside/secret.txt", real / "link_file_out", ec);
    fs::create_directory_symlink("real", base / "root_link", ec);
    return ec ? real : base / "root_link";
}

std::string checkServeDirInput(const ServeDir& dir, const std::string& rootAsGiven,
                               std::string_view data) {
    std::string request = replaceAll(std::string(data), "@ROOT@", rootAsGiven);
    request = replaceAll(request, "@REAL@", dir.root());
    if (std::string bad = checkResolve(dir, request); !bad.empty())
        return bad;
    std::vector<std::string_view> pieces;
    if (std::string bad = checkSplit(request, &pieces); !bad.empty())
        return bad;
    for (size_t i = 0; i < pieces.size() && i < 8; ++i) {
        if (std::string bad = checkResolve(dir, pieces[i]); !bad.empty())
            return bad;
    }
    return {};
}

}  // namespace ss::fuzz
