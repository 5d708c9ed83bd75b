// SPDX-License-Identifier: GPL-3.0-or-later
// The line of `selectscope --compare-models`. The start and summary lines of --headless are
// a recording's (ui/recording/session_lines.h), which the window writes too.
#pragma once

#include <string>

#include "core/models/model_comparison.h"

// {"type":"model",...}: one model's run of --compare-models (core/models/model_comparison.h):
// clients served, served while the slow client held, each client's wait, the second client's,
// CPU %, threads and system calls.
std::string modelComparisonLine(const ss::ModelRun& run, int slowHoldMs);
