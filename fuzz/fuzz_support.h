// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers for the fuzz checks (fuzz_checks*.cpp); internal to fuzz/, not part of fuzz_checks.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ss::fuzz::detail {

// FNV-1a, so that the split points depend on the input and a fuzzer's mutations move them.
uint64_t hashBytes(std::string_view data);

// One xorshift64 step; state must not be 0.
uint64_t nextRandom(uint64_t& state);

// At most 120 bytes of s, with bytes outside printable ASCII (and backslashes) as \xNN.
std::string printable(std::string_view s);

// Whether s is one JSON value (RFC 8259, nesting at most 64 deep) with optional whitespace around
// it: a strict grammar, independent of the header reader in core/.
bool isValidJsonDocument(std::string_view s);

}  // namespace ss::fuzz::detail
