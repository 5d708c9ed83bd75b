// SPDX-License-Identifier: GPL-3.0-or-later
// The one folder the framed-file preset serves from, and the rules that keep a request inside it.
//
// The tutorial's server calls open(path) on whatever the client typed, so "../../etc/passwd" or
// an absolute path reads any file the process can. Here every request is checked before anything
// is opened: it is resolved against the root, made canonical (symlinks followed, "." and ".."
// folded, as the kernel would) and admitted only if the canonical path lies inside the canonical
// root, compared component by component so that /srv/a never admits /srv/ab. resolve() only
// inspects paths (realpath/stat); it never opens a file.
//
// One race remains and is accepted for a teaching tool: a component inside the root could be
// swapped for a symlink between resolve() and the server's open(). Only someone who can write
// into the served folder can do that, and the teacher chooses that folder.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ss {

struct ServeResult {
    bool ok = false;
    std::string path;      // absolute canonical path of the file (UTF-8); empty unless ok
    std::string filename;  // os.path.basename(request): after the last '/' (on Windows also
                           // '\\' or a drive's ':'), set even on error
    uint64_t size = 0;     // file size in bytes; 0 unless ok
    std::string error;     // a full English sentence when !ok, e.g. "no such file: x.txt"
};

class ServeDir {
public:
    // Requests longer than this are refused: the tutorial reads one recv(1024), and no real
    // path needs more than PATH_MAX.
    static constexpr size_t kMaxRequestBytes = 4096;

    // root is canonicalised once, here. A missing root or one that is not a folder makes the
    // object invalid; resolve() then refuses every request with error().
    explicit ServeDir(const std::string& root);

    bool isValid() const { return m_valid; }
    const std::string& error() const { return m_error; }
    const std::string& root() const { return m_rootText; }  // canonical, UTF-8

    // request is what the client sent as a path (UTF-8 bytes). Surrounding ASCII whitespace,
    // including a trailing "\r\n", is stripped first, as the tutorial's client strips its input.
    ServeResult resolve(std::string_view request) const;

private:
    bool m_valid = false;
    std::string m_error;
    std::string m_rootText;
    std::string m_rootAsGivenText;  // absolute and lexically normal, symlinks not resolved
};

// The tutorial treats each recv() as one request. So that `nc` works too, a chunk that contains
// '\n' is split into lines: every non-empty line, without its "\r", is one request. A chunk
// without '\n' is one request as a whole. The views point into chunk.
std::vector<std::string_view> splitRequests(std::string_view chunk);

}  // namespace ss
