// SPDX-License-Identifier: GPL-3.0-or-later
// Where lessons come from: the built-in ones (resources/lessons, compiled in under :/lessons),
// then each folder a teacher added, in order. A lesson with the id of an earlier one replaces
// it; a file that does not parse is listed with its error and cannot be opened.
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

#include "ui/lessons/lesson.h"

struct LessonEntry {
    QString path;
    lesson::Lesson lesson;  // valid when error is empty
    QString error;          // "FILE: line 3: ..." or "FILE: step 2, action 1: ..."
    bool ok() const { return error.isEmpty(); }
};

namespace lesson_library {

// The QSettings key of the teacher's lessons folder.
constexpr const char* kFolderKey = "lessons/folder";

// Every *.json file of the built-in lessons and of `folders`, sorted by order, then id (the
// damaged ones last, by file name).
std::vector<LessonEntry> load(const QStringList& folders);

// The loaded lesson with that id, or null.
const LessonEntry* find(const std::vector<LessonEntry>& entries, const QString& id);

}  // namespace lesson_library
