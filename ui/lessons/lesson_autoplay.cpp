// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/lessons/lesson_autoplay.h"

#include "ui/lessons/lesson_runner.h"

LessonAutoplay::LessonAutoplay(LessonRunner* runner, QObject* parent)
    : QObject(parent), m_runner(runner) {
    m_stepTimer.setSingleShot(true);
    m_stepTimer.setInterval(kStepTimeoutMs);
    connect(&m_stepTimer, &QTimer::timeout, this, [this] {
        fail(QStringLiteral("waited %1 s for %2")
                 .arg(kStepTimeoutMs / 1000)
                 .arg(m_runner->waitingFor()));
    });
    // The runner bounds its actions itself (a connect, a crowd, a measurement each have their
    // own); the step's bound is for its check, from the moment the actions are done.
    connect(m_runner, &LessonRunner::stepChanged, &m_stepTimer, &QTimer::stop);
    connect(m_runner, &LessonRunner::progressed, this, &LessonAutoplay::onProgress);
}

void LessonAutoplay::start() {
    m_running = true;
    onProgress();  // a step without actions or check may be seen already
}

QString LessonAutoplay::stepName() const {
    const lesson::Lesson& lesson = m_runner->lesson();
    const int step = m_runner->step();
    return QStringLiteral("lesson %1: step %2/%3 (%4)")
        .arg(lesson.id)
        .arg(step + 1)
        .arg(lesson.steps.size())
        .arg(lesson.steps[size_t(step)].title.en);
}

void LessonAutoplay::fail(const QString& why) {
    m_running = false;
    m_stepTimer.stop();
    emit finished(false, stepName() + QStringLiteral(": ") + why);
}

void LessonAutoplay::onProgress() {
    if (!m_running)
        return;
    if (!m_runner->failure().isEmpty()) {
        fail(m_runner->failure());
        return;
    }
    if (m_runner->busy())
        return;
    if (!m_runner->checkHeld() || m_runner->step() == m_seenStep) {
        if (!m_stepTimer.isActive() && m_runner->step() != m_seenStep)
            m_stepTimer.start();
        return;
    }
    m_seenStep = m_runner->step();
    emit stepSeen(stepName() + QStringLiteral(": seen"));
    if (m_runner->step() + 1 < int(m_runner->lesson().steps.size())) {
        // Not from inside the runner's signal: the next step begins on the next turn.
        QTimer::singleShot(0, m_runner, &LessonRunner::next);
        return;
    }
    m_running = false;
    m_stepTimer.stop();
    emit finished(true, QStringLiteral("lesson %1: every check held (%2 steps)")
                            .arg(m_runner->lesson().id)
                            .arg(m_runner->lesson().steps.size()));
}
