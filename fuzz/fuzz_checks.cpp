// SPDX-License-Identifier: GPL-3.0-or-later
// Listen-spec checks: checkListenSpecInput(). The other checks declared in fuzz_checks.h are in
// fuzz_checks_http.cpp, fuzz_checks_frame.cpp and fuzz_checks_serve.cpp.
#include "fuzz/fuzz_checks.h"

#include <string>

#include "core/server/listener_spec.h"
#include "fuzz/fuzz_support.h"

namespace ss::fuzz {
namespace {

using detail::printable;

std::string checkBehaviourText(std::string_view text) {
    std::string error;
    const auto spec = parseBehaviour(text, &error);
    if (!spec)
        return error.empty() ? "parseBehaviour failed without an error message" : "";
    const std::string once = formatBehaviour(*spec);
    const auto again = parseBehaviour(once, &error);
    if (!again)
        return "formatBehaviour gives '" + printable(once) + "' which does not parse: " + error;
    if (formatBehaviour(*again) != once)
        return "formatBehaviour is not stable: '" + printable(once) + "' then '" +
               printable(formatBehaviour(*again)) + "'";
    return {};
}

std::string checkListenText(std::string_view text) {
    std::string error;
    const auto spec = parseListenSpec(text, &error);
    if (!spec)
        return error.empty() ? "parseListenSpec failed without an error message" : "";
    const std::string once = formatListenSpec(*spec);
    const auto again = parseListenSpec(once, &error);
    if (!again)
        return "formatListenSpec gives '" + printable(once) + "' which does not parse: " + error;
    if (formatListenSpec(*again) != once)
        return "formatListenSpec is not stable: '" + printable(once) + "' then '" +
               printable(formatListenSpec(*again)) + "'";
    return {};
}

}  // namespace

std::string checkListenSpecInput(std::string_view data) {
    if (std::string bad = checkListenText(data); !bad.empty())
        return bad;
    return checkBehaviourText(data);
}

}  // namespace ss::fuzz
