// SPDX-License-Identifier: GPL-3.0-or-later
// A preset's one-line description in the user's language. The engine's presets (core/server/
// presets.cpp) carry English summaries for --list-presets; the window shows these instead, looked
// up by preset name, so that a class reading Chinese sees Chinese where it looks first.
#pragma once

#include <QString>

#include "core/server/presets.h"

namespace preset_text {

// The translated summary; the engine's own text for a preset this table does not know.
QString summary(const ss::Preset& preset);

}  // namespace preset_text
