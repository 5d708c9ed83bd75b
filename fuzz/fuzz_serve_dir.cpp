// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes ServeDir::resolve and splitRequests, the framed-file preset's guard against path
// traversal, against a served folder built once in a fresh temporary directory (files, a
// subfolder, symlinks inside and pointing outside, a prefix-trap sibling). Invariant: whenever
// resolve() says ok, the canonical path lies inside the canonical root, component by component,
// and is a regular file of the reported size. "@ROOT@" and "@REAL@" in the input stand for the
// root as given and its canonical path, so that absolute requests are reachable.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>

#include "core/server/serve_dir.h"
#include "fuzz/fuzz_checks.h"

namespace {

namespace fs = std::filesystem;

fs::path g_base;
std::string g_rootAsGiven;
std::unique_ptr<ss::ServeDir> g_dir;

void removeFixture() {
    std::error_code ec;
    fs::remove_all(g_base, ec);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    std::string pattern = (fs::temp_directory_path() / "selectscope-fuzz-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) {
        std::perror("fuzz_serve_dir: mkdtemp");
        std::abort();
    }
    g_base = pattern;
    std::atexit(removeFixture);
    g_rootAsGiven = ss::fuzz::makeServeFixture(g_base).string();
    g_dir = std::make_unique<ss::ServeDir>(g_rootAsGiven);
    if (!g_dir->isValid()) {
        std::fprintf(stderr, "fuzz_serve_dir: %s\n", g_dir->error().c_str());
        std::abort();
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string failure = ss::fuzz::checkServeDirInput(
        *g_dir, g_rootAsGiven, {reinterpret_cast<const char*>(data), size});
    if (!failure.empty()) {
        std::fprintf(stderr, "fuzz_serve_dir: invariant broken: %s\n", failure.c_str());
        std::abort();
    }
    return 0;
}
