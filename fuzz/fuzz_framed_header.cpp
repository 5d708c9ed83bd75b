// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the framed-file preset's header: decodeFrameHeader/parseFrameHeader on arbitrary bytes
// must never crash and must agree, and pythonJsonHeader/pythonJsonErrorHeader/frameHeader must
// always write ASCII-only valid JSON that decodes to the same size and to the filename and error
// after Python's invalid-UTF-8 replacement (see fuzz_checks.h for how bytes become arguments).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fuzz/fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string failure =
        ss::fuzz::checkFramedHeaderInput({reinterpret_cast<const char*>(data), size});
    if (!failure.empty()) {
        std::fprintf(stderr, "fuzz_framed_header: invariant broken: %s\n", failure.c_str());
        std::abort();
    }
    return 0;
}
