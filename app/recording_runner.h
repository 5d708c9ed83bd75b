// SPDX-License-Identifier: GPL-3.0-or-later
// `selectscope --headless --open FILE`: a recording read back and printed again, with no server.
#pragma once

struct CliOptions;

// Reads the recording at options.openPath line by line (it is never loaded whole) and prints it
// as --headless would: the start and summary lines as they are, each call and event line written
// again from the record it was read into (ui/recording/record_line.h), filtered by --trace. At
// the first damaged line it stops with one line on stderr that names the file and the line, and
// returns 1; what came before is printed. Returns 0 otherwise, also when stdout's reader went
// away.
int runRecording(const CliOptions& options);
