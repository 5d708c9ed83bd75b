// SPDX-License-Identifier: GPL-3.0-or-later
// The one conversion from the engine's text (UTF-8 in std::string or std::string_view: names,
// addresses, error messages) to QString, for every room of the UI.
#pragma once

#include <QString>

#include <string_view>

inline QString toQString(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}
