// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/lessons/lesson_library.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace lesson_library {

namespace {

LessonEntry read(const QString& path) {
    LessonEntry entry;
    entry.path = path;
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (!file.open(QIODevice::ReadOnly)) {
        entry.error = QStringLiteral("%1: %2").arg(name, file.errorString());
        return entry;
    }
    QString error;
    if (!lesson::parse(file.readAll(), &entry.lesson, &error))
        entry.error = QStringLiteral("%1: %2").arg(name, error);
    return entry;
}

}  // namespace

std::vector<LessonEntry> load(const QStringList& folders) {
    std::vector<LessonEntry> entries;
    for (const QString& folder : QStringList{QStringLiteral(":/lessons")} + folders) {
        const QDir dir(folder);
        for (const QString& name :
             dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            LessonEntry entry = read(dir.filePath(name));
            auto same = std::find_if(entries.begin(), entries.end(), [&](const LessonEntry& e) {
                return e.ok() && entry.ok() && e.lesson.id == entry.lesson.id;
            });
            if (same != entries.end())
                *same = std::move(entry);
            else
                entries.push_back(std::move(entry));
        }
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const LessonEntry& a, const LessonEntry& b) {
                         if (a.ok() != b.ok())
                             return a.ok();
                         if (!a.ok())
                             return a.path < b.path;
                         if (a.lesson.order != b.lesson.order)
                             return a.lesson.order < b.lesson.order;
                         return a.lesson.id < b.lesson.id;
                     });
    return entries;
}

const LessonEntry* find(const std::vector<LessonEntry>& entries, const QString& id) {
    for (const LessonEntry& e : entries)
        if (e.ok() && e.lesson.id == id)
            return &e;
    return nullptr;
}

}  // namespace lesson_library
