// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes HttpRequestParser, the http preset's request-head parser, with hostile bytes split at
// input-dependent points. Invariants (see fuzz_checks.h): every split gives the same requests;
// Complete implies a non-empty method, target and version, bytesConsumed() <= bytes fed and
// consumed + remainder == fed; Bad implies an errorStatus() of 400, 414, 431 or 505.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fuzz/fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string failure =
        ss::fuzz::checkHttpRequestInput({reinterpret_cast<const char*>(data), size});
    if (!failure.empty()) {
        std::fprintf(stderr, "fuzz_http_request: invariant broken: %s\n", failure.c_str());
        std::abort();
    }
    return 0;
}
