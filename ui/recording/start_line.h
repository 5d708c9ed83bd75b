// SPDX-License-Identifier: GPL-3.0-or-later
// A recording's start line read back (record_line::parse calls this; session_lines.h writes
// it): the server's configuration and, for a recording begun in the window, "descriptors", the
// ones already open, so that replay starts from what the window showed.
#pragma once

#include <QJsonObject>

#include "ui/recording/record_line.h"

namespace record_line {

// Throws fields::Damage naming the key that is wrong.
void readStart(const QJsonObject& o, StartInfo* out);

}  // namespace record_line
