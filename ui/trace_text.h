// SPDX-License-Identifier: GPL-3.0-or-later
// The words the trace tables use: translated names for core's enums, the column titles and the
// one-sentence header tooltips of the descriptor, call and event tables, and a few formatters
// they share. Kept in one place so that translators and teachers review the vocabulary once.
#pragma once

#include <QString>
#include <QVariant>

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/server/engine_config.h"

namespace trace_text {

QString fromStd(std::string_view text);
// "R - X": one letter per ReadinessBits bit that is set, a dash for each that is not.
QString readiness(uint8_t bits);
QString role(ss::Role role);
QString connState(ss::ConnState state);
QString eventKind(ss::EventKind kind);
QString closeReason(ss::CloseReason reason);
// "EINTR", or the number when the code has no symbolic name here.
QString errorName(int err);
// "3, 5"
QString fdList(const std::vector<int32_t>& fds);

enum class Table { Descriptors, Calls, Events };
// The translated title (Qt::DisplayRole) or explanation (Qt::ToolTipRole) of a column, indexed
// by the table model's Column enum; an invalid QVariant for other roles.
QVariant columnHeader(Table table, int column, int role);

}  // namespace trace_text
