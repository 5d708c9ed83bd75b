// SPDX-License-Identifier: GPL-3.0-or-later
// The lessons on the command line: --list-lessons, and --lesson ID --autoplay, which plays a
// lesson in the window and exits with whether every check held.
#pragma once

#include <QString>
#include <QStringList>

struct CliOptions;
class MainWindow;

// The folders --lessons-dir names.
QStringList lessonFolders(const CliOptions& options);
// One line per lesson, "id<TAB>title", in the list's order; a file that does not parse gets a
// line "-<TAB>cannot open: FILE: error". Returns the exit code.
int listLessons(const CliOptions& options);
// Plays the window's open lesson to its end; 0 when every check held, 1 otherwise (the step
// that failed and why on stderr).
int autoplayLesson(MainWindow& window, const QString& id);
