// SPDX-License-Identifier: GPL-3.0-or-later
// The window's side of recordings: opening one, its replay bar, and handing the views back to
// the engine when the server starts again; File > Record and File > Save trace as.
#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QStatusBar>

#include "ui/engine_session.h"
#include "ui/main_window.h"
#include "ui/panels/replay_bar.h"
#include "ui/recording_source.h"
#include "ui/source_switch.h"
#include "ui/trace_export.h"

void MainWindow::createRecording() {
    m_recording = new RecordingSource(this);
    m_switch = new SourceSwitch(this);
    m_switch->addSource(m_session);
    m_switch->addSource(m_recording);
    m_replayBar = new ReplayBar(m_recording, this);
    addToolBar(Qt::BottomToolBarArea, m_replayBar);
    m_replayBar->hide();  // until a recording opens; a saved or reset layout keeps it so
    connect(m_replayBar, &ReplayBar::statusMessage, this, &MainWindow::showStatusMessage);
    connect(m_recording, &TraceSource::stopped, this, &MainWindow::onRecordingStopped);
    connect(m_recording, &RecordingSource::indexFinished, this, [this] {
        if (m_recording->damage().isEmpty())
            showStatusMessage(tr("%1: %Ln calls", nullptr, int(m_recording->callCount()))
                                  .arg(QFileInfo(m_recording->path()).fileName()));
    });
    // The server starting again takes the views back.
    connect(m_session, &TraceSource::started, m_recording, &RecordingSource::stop);
}

bool MainWindow::openRecording(const QString& path, QString* error) {
    m_session->stop();
    if (!m_recording->open(path, error))
        return false;
    removeFirstStartGuidance();
    m_replayBar->show();
    setWindowTitle(tr("%1 - SelectScope").arg(QFileInfo(path).fileName()));
    showStatusMessage(tr("Opening %1...").arg(QDir::toNativeSeparators(path)));
    return true;
}

void MainWindow::openRecordingWithDialog() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open recording"), QString(), tr("Recordings (*.jsonl *.json);;All files (*)"));
    if (!path.isEmpty())
        openRecording(path);
}

void MainWindow::onRecordingStopped() {
    m_replayBar->hide();
    setWindowTitle(tr("SelectScope"));
}

void MainWindow::createRecordActions(QMenu* file) {
    m_recordAction = file->addAction(tr("&Record..."));
    m_recordAction->setObjectName(QStringLiteral("recordAction"));
    m_recordAction->setCheckable(true);
    m_recordAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_recordAction->setToolTip(tr("Write what the server does to a recording (JSON Lines)"));
    connect(m_recordAction, &QAction::triggered, this, [this](bool on) {
        if (!on) {
            stopRecording();
            return;
        }
        const QString name =
            QStringLiteral("selectscope-%1.jsonl")
                .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Record to"), QDir::home().filePath(name), tr("Recordings (*.jsonl)"));
        if (path.isEmpty() || !startRecording(path))
            m_recordAction->setChecked(false);
    });
    QAction* saveTrace =
        file->addAction(tr("Save &trace as..."), this, &MainWindow::saveTraceWithDialog);
    saveTrace->setShortcut(QKeySequence::Save);
    saveTrace->setToolTip(tr("Save the calls and events the lists hold, as JSON Lines or CSV"));
    m_recordLabel = new QLabel(tr("● REC"), statusBar());
    m_recordLabel->setObjectName(QStringLiteral("recordLabel"));
    m_recordLabel->setStyleSheet(
        QStringLiteral("QLabel { background: #c62828; color: white; padding: 0 8px; }"));
    m_recordLabel->hide();
    statusBar()->addPermanentWidget(m_recordLabel);
    connect(m_session->recorder(), &TraceRecorder::stateChanged, this,
            &MainWindow::onRecorderState);
    connect(m_session->recorder(), &TraceRecorder::failed, this, [this](const QString& why) {
        showStatusMessage(tr("The recording stopped: %1").arg(why));
    });
}

bool MainWindow::startRecording(const QString& path, QString* error) {
    QString why;
    if (!m_session->beginRecording(path, &why)) {
        if (error)
            *error = why;
        showStatusMessage(tr("Could not record: %1").arg(why));
        return false;
    }
    const QString where = QDir::toNativeSeparators(path);
    showStatusMessage(m_session->isRunning()
                          ? tr("Recording to %1").arg(where)
                          : tr("Recording to %1 from the server's next start").arg(where));
    return true;
}

void MainWindow::stopRecording() {
    m_session->endRecording();
}

void MainWindow::onRecorderState() {
    const TraceRecorder* recorder = m_session->recorder();
    m_recordAction->setChecked(recorder->isOn());
    m_recordLabel->setVisible(recorder->isOn());
    m_recordLabel->setToolTip(QDir::toNativeSeparators(recorder->path()));
    if (!recorder->isOn() && !recorder->path().isEmpty())
        showStatusMessage(tr("Recorded %1 records to %2")
                              .arg(QLocale().toString(qulonglong(recorder->records())),
                                   QDir::toNativeSeparators(recorder->path())));
}

bool MainWindow::saveTrace(const QString& path, QString* error) {
    trace_export::Saved saved;
    QString why;
    if (!trace_export::save(path, trace_export::formatForPath(path), *m_callModel, *m_eventModel,
                            &saved, &why)) {
        if (error)
            *error = why;
        showStatusMessage(tr("Could not save the trace: %1").arg(why));
        return false;
    }
    showStatusMessage(tr("Saved %1 calls and %2 events to %3")
                          .arg(QLocale().toString(saved.calls), QLocale().toString(saved.events),
                               QDir::toNativeSeparators(path)));
    return true;
}

void MainWindow::saveTraceWithDialog() {
    const QString jsonLines = tr("JSON Lines (*.jsonl)");
    const QString csv = tr("CSV (*.csv)");
    QString filter = jsonLines;
    const QString name =
        QStringLiteral("selectscope-trace-%1.jsonl")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    QString path =
        QFileDialog::getSaveFileName(this, tr("Save trace as"), QDir::home().filePath(name),
                                     jsonLines + QStringLiteral(";;") + csv, &filter);
    if (path.isEmpty())
        return;
    // The filter picks the format when the name has no extension of its own.
    if (QFileInfo(path).suffix().isEmpty())
        path += filter == csv ? QStringLiteral(".csv") : QStringLiteral(".jsonl");
    saveTrace(path);
}
