// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/server/serve_dir.h"

#include <filesystem>
#include <system_error>

namespace ss {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kWhitespace = " \t\r\n\v\f";

// Requests arrive as UTF-8 bytes. On POSIX a path is bytes already; u8path() makes Windows
// interpret them as UTF-8 rather than in the ANSI code page.
fs::path fromUtf8(std::string_view text) {
    return fs::u8path(text.begin(), text.end());
}

std::string toUtf8(const fs::path& path) {
    const auto text = path.u8string();  // std::u8string from C++20 on, std::string before
    return std::string(text.begin(), text.end());
}

std::string_view trim(std::string_view s) {
    const size_t first = s.find_first_not_of(kWhitespace);
    if (first == std::string_view::npos)
        return {};
    const size_t last = s.find_last_not_of(kWhitespace);
    return s.substr(first, last - first + 1);
}

// Python's os.path.basename: everything after the last separator. On Windows (ntpath) '\\' is
// a separator too and a drive ("C:") is split off first, so that an absolute Windows path in a
// request never comes back whole, with the server's folders, in the reply's header.
std::string basenameOf(std::string_view request) {
#ifdef _WIN32
    if (request.size() >= 2 && request[1] == ':')
        request.remove_prefix(2);
    const size_t slash = request.find_last_of("/\\");
#else
    const size_t slash = request.rfind('/');
#endif
    return std::string(slash == std::string_view::npos ? request : request.substr(slash + 1));
}

// True if path equals root or lies below it. Both must be lexically normal. Comparing whole
// components is what keeps /srv/a from admitting /srv/ab, which a string prefix test would.
bool isInside(const fs::path& path, const fs::path& root) {
    auto p = path.begin();
    for (auto r = root.begin(); r != root.end(); ++r, ++p) {
        if (r->empty())
            continue;  // a trailing separator in root yields an empty component
        if (p == path.end() || *p != *r)
            return false;
    }
    return true;
}

// Error messages quote the request, shortened so a long one cannot bloat the reply. The cut
// backs off UTF-8 continuation bytes so a character is never split.
std::string quoted(std::string_view request) {
    constexpr size_t kMaxShown = 200;
    if (request.size() <= kMaxShown)
        return std::string(request);
    size_t cut = kMaxShown;
    while (cut > 0 && (static_cast<unsigned char>(request[cut]) & 0xC0) == 0x80)
        --cut;
    return std::string(request.substr(0, cut)) + "...";
}

// Relative requests are joined to the root; absolute ones may name the root either canonically
// or as it was given (through a symlink). Anything with a root name but no root directory
// ("C:x" on Windows) is refused outright.
bool isLexicallyInside(const fs::path& asked, const fs::path& root, const fs::path& rootAsGiven) {
    if (!asked.is_absolute())
        return !asked.has_root_path() && isInside((root / asked).lexically_normal(), root);
    const fs::path normal = asked.lexically_normal();
    return isInside(normal, root) || isInside(normal, rootAsGiven);
}

ServeResult failure(std::string filename, std::string error) {
    ServeResult result;
    result.filename = std::move(filename);
    result.error = std::move(error);
    return result;
}

}  // namespace

ServeDir::ServeDir(const std::string& root) {
    std::error_code ec;
    const fs::path given = fromUtf8(root.empty() ? std::string_view(".") : root);
    const fs::path canonical = fs::canonical(given, ec);
    if (ec) {
        m_error = "the served folder does not exist or cannot be reached: " + root;
        return;
    }
    if (!fs::is_directory(canonical, ec)) {
        m_error = "the served folder is not a folder: " + root;
        return;
    }
    m_rootText = toUtf8(canonical);
    m_rootAsGivenText = toUtf8(fs::absolute(given, ec).lexically_normal());
    m_valid = true;
}

ServeResult ServeDir::resolve(std::string_view rawRequest) const {
    const std::string_view request = trim(rawRequest);
    const std::string shown = quoted(request);
    std::string filename = basenameOf(request);
    if (!m_valid)
        return failure(std::move(filename), "the server has no valid folder to serve");
    if (request.empty())
        return failure(std::move(filename), "empty request: send a file path");
    if (request.find('\0') != std::string_view::npos)
        return failure(std::move(filename), "the path contains a NUL byte");
    if (request.size() > kMaxRequestBytes)
        return failure(std::move(filename), "the path is longer than 4096 bytes");

    // A lexical check first, so a path outside the root is refused as such, before the file
    // system is asked anything about it (and "no such file" never reveals what exists outside).
    const fs::path root = fromUtf8(m_rootText);
    const fs::path asked = fromUtf8(request);
    if (!isLexicallyInside(asked, root, fromUtf8(m_rootAsGivenText)))
        return failure(std::move(filename), "path escapes the served folder: " + shown);

    // canonical() follows symlinks and folds ".." the way the kernel does ("sub/../x" where sub
    // is a symlink really names a file beside sub's target), so the decisive check is on it.
    // It must see the path as sent, not the lexically folded one.
    std::error_code ec;
    const fs::path real = fs::canonical(asked.is_absolute() ? asked : root / asked, ec);
    if (ec == std::errc::permission_denied)
        return failure(std::move(filename), "permission denied: " + shown);
    if (ec)
        return failure(std::move(filename), "no such file: " + shown);
    if (!isInside(real, root))
        return failure(std::move(filename), "path escapes the served folder: " + shown);
    if (!fs::is_regular_file(fs::status(real, ec)))
        return failure(std::move(filename), "not a regular file: " + shown);
    const uintmax_t size = fs::file_size(real, ec);
    if (ec)
        return failure(std::move(filename), "cannot read the size of: " + shown);

    ServeResult result;
    result.ok = true;
    result.path = toUtf8(real);
    result.filename = std::move(filename);
    result.size = static_cast<uint64_t>(size);
    return result;
}

std::vector<std::string_view> splitRequests(std::string_view chunk) {
    std::vector<std::string_view> requests;
    if (chunk.find('\n') == std::string_view::npos) {
        if (!chunk.empty())
            requests.push_back(chunk);
        return requests;
    }
    size_t start = 0;
    while (start < chunk.size()) {
        size_t end = chunk.find('\n', start);
        if (end == std::string_view::npos)
            end = chunk.size();
        std::string_view line = chunk.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (!line.empty())
            requests.push_back(line);
        start = end + 1;
    }
    return requests;
}

}  // namespace ss
