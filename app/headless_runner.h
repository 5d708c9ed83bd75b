// SPDX-License-Identifier: GPL-3.0-or-later
// The --headless mode: the engine without a window, its trace written to stdout as JSON lines.
#pragma once

struct CliOptions;

// Starts the engine, prints a start line, then drains the trace every ~15 ms on the calling
// thread, one write per batch, until SIGINT/SIGTERM or --duration; prints the summary line.
// Returns the process exit code: 0 on a clean stop (also when stdout's reader went away), 1 when
// the engine could not start (the reason is one line on stderr).
int runHeadless(const CliOptions& options);

// --compare-models: runs the IO-models comparison (core/models/model_comparison.h), printing one
// line per model as each run ends. Returns 0, or 1 when a model's engine could not start.
int runModelComparison();

// --run or --attach with --headless: a program traced from outside (Linux).
int runTracedHeadless(const CliOptions& options);
