// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/lessons_cli.h"

#include <QApplication>

#include <cstdio>

#include "app/cli_options.h"
#include "ui/lessons/lesson_autoplay.h"
#include "ui/lessons/lesson_library.h"
#include "ui/lessons/lesson_runner.h"
#include "ui/main_window.h"

QStringList lessonFolders(const CliOptions& options) {
    QStringList folders;
    for (const std::string& dir : options.lessonDirs)
        folders << QString::fromStdString(dir);
    return folders;
}

int listLessons(const CliOptions& options) {
    for (const LessonEntry& entry : lesson_library::load(lessonFolders(options))) {
        const QString line = entry.ok() ? entry.lesson.id + '\t' + entry.lesson.title.shown()
                                        : QStringLiteral("-\tcannot open: ") + entry.error;
        std::printf("%s\n", line.toUtf8().constData());
    }
    return 0;
}

int autoplayLesson(MainWindow& window, const QString& id) {
    LessonRunner* runner = window.lessonRunner();
    if (!runner->isOpen()) {
        std::fprintf(stderr, "selectscope: error: no lesson %s (see --list-lessons)\n",
                     id.toUtf8().constData());
        return 1;
    }
    LessonAutoplay autoplay(runner);
    int code = 1;
    bool done = false;
    QObject::connect(&autoplay, &LessonAutoplay::stepSeen, [](const QString& line) {
        std::printf("%s\n", line.toUtf8().constData());
        std::fflush(stdout);
    });
    QObject::connect(
        &autoplay, &LessonAutoplay::finished, [&code, &done](bool ok, const QString& report) {
            std::fprintf(ok ? stdout : stderr, "%s%s\n",
                         ok ? "" : "selectscope: error: ", report.toUtf8().constData());
            code = ok ? 0 : 1;
            done = true;
            QCoreApplication::exit(code);
        });
    autoplay.start();
    if (!done)
        QApplication::exec();
    return code;
}
