// SPDX-License-Identifier: GPL-3.0-or-later
// A recording's start line, read (record_line::parse calls this) and written. The line
// --headless writes is the server's configuration; a recording begun in the window adds
// "descriptors": the ones already open, so that replay starts from what the window showed.
#pragma once

#include <QJsonObject>

#include <string>
#include <vector>

#include "ui/recording/record_line.h"

namespace record_line {

// Throws fields::Damage naming the key that is wrong.
void readStart(const QJsonObject& o, StartInfo* out);

// ,"descriptors":[{...},...] for a start line written while the server runs: appended before
// the line's closing brace.
void appendDescriptors(std::string& line, const std::vector<ss::DescriptorInfo>& rows);

}  // namespace record_line
