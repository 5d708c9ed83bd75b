// SPDX-License-Identifier: GPL-3.0-or-later
// The invariants the fuzz targets check, shared with tests/tst_fuzz_regressions.cpp so that CI
// replays every seed corpus file through exactly the same checks without needing clang.
//
// Every check*Input() function takes the raw bytes a fuzzer produced (or a corpus file holds),
// derives the parser's arguments from them the same way every time, runs the parser and returns
// an empty string when every invariant holds, or one sentence naming the first one that broke.
// They never abort: the fuzz targets abort on a non-empty answer, the test reports it.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace ss {
class ServeDir;
}

namespace ss::fuzz {

// HttpRequestParser: the input is fed whole, one byte per feed(), and in chunks whose lengths a
// generator seeded from the input chooses; pipelined requests are parsed from remainder() in
// turn. Every split must give the same requests; Complete implies a non-empty method, target and
// version, bytesConsumed() <= bytes fed and consumed + remainder == fed; Bad implies an
// errorStatus() of 400, 414, 431 or 505 and a reason.
std::string checkHttpRequestInput(std::string_view data);

// Framed headers. The raw input is decoded as a frame (never crashes; a Complete frame is
// consistent and re-encodes to something that decodes the same). Then the input is read as
// (size, filename, error) and the encoders' output must be valid JSON in a frame that decodes to
// the same size, the Python-replaced filename and error, and whose every prefix is NeedMore.
std::string checkFramedHeaderInput(std::string_view data);

// Python's bytes.decode("utf-8", errors="replace") re-encoded as UTF-8; written here
// independently of core/ so that the round trip is checked against a second implementation.
std::string pythonReplaceInvalidUtf8(std::string_view bytes);

// The length (1 to 4) of the valid, shortest-form UTF-8 sequence at s[i], or 0 if there is none
// (Unicode 3.9, table 3-7). A second implementation to check the parsers' own against.
size_t validUtf8SequenceAt(std::string_view s, size_t i);

// The folder tree the serve-dir checks run against, built under base (which must exist):
//   base/real/            the served folder: a.txt, b.bin, empty.txt, 你好.txt, sub/c.txt,
//                         sub/deeper/d.txt, link_in -> a.txt, link_sub -> sub,
//                         link_out -> ../outside (folder), link_file_out -> ../outside/secret.txt
//   base/real_sibling/    a prefix trap beside the root ("real" must not admit "real_sibling")
//   base/outside/         secret.txt
//   base/root_link        -> real; the ServeDir is given this path, so absolute requests may
//                         name the root canonically (@REAL@) or as given (@ROOT@).
// Returns the root as given to ServeDir (base/root_link), or base/real without symlinks.
std::filesystem::path makeServeFixture(const std::filesystem::path& base);

// ServeDir::resolve and splitRequests on the input, with "@ROOT@" and "@REAL@" replaced by
// rootAsGiven (what the ServeDir was built from) and dir.root() (canonical) (so absolute paths are
// reachable by a fuzzer). Whenever resolve() says ok, the canonical path is inside the canonical
// root, component by component, and is a regular file of the reported size; otherwise there is an
// error sentence.
std::string checkServeDirInput(const ServeDir& dir, const std::string& rootAsGiven,
                               std::string_view data);

// parseListenSpec and parseBehaviour on the input: whenever parsing succeeds, the formatted
// spec parses again and formats identically; whenever it fails, there is an error message.
std::string checkListenSpecInput(std::string_view data);

}  // namespace ss::fuzz
