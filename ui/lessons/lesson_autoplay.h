// SPDX-License-Identifier: GPL-3.0-or-later
// --autoplay: runs a lesson from its first step to its last, each step's actions and then its
// check, moving on as soon as the check holds. A step whose action fails, or whose check does
// not hold within the bound, ends the run and is reported with what it waited for.
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

class LessonRunner;

class LessonAutoplay : public QObject {
    Q_OBJECT

public:
    // How long a step's check may take once its actions are done.
    static constexpr int kStepTimeoutMs = 15000;

    explicit LessonAutoplay(LessonRunner* runner, QObject* parent = nullptr);
    // Starts with the runner's first step; the runner must have a lesson open.
    void start();

signals:
    // One line per step as it is seen ("step 2/6: The write set: seen").
    void stepSeen(const QString& line);
    // ok when every check held; otherwise `report` says which step failed and why.
    void finished(bool ok, const QString& report);

private:
    void onProgress();
    void fail(const QString& why);
    QString stepName() const;

    LessonRunner* m_runner;
    QTimer m_stepTimer;
    bool m_running = false;
    int m_seenStep = -1;  // the step whose check held last: moved on from once
};
