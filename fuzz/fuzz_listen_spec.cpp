// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the --listen syntax "[HOST:]PORT[/udp|/tcp][,OPTION...][=BEHAVIOUR]" and the behaviour
// syntax. Invariant: whenever parseListenSpec or parseBehaviour succeeds, the formatted result
// parses again and formats identically; whenever it fails, it says why.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fuzz/fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string failure =
        ss::fuzz::checkListenSpecInput({reinterpret_cast<const char*>(data), size});
    if (!failure.empty()) {
        std::fprintf(stderr, "fuzz_listen_spec: invariant broken: %s\n", failure.c_str());
        std::abort();
    }
    return 0;
}
