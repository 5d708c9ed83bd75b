// SPDX-License-Identifier: GPL-3.0-or-later
// The window's side of recordings: opening one, its replay bar, and handing the views back to
// the engine when the server starts again.
#include <QFileDialog>
#include <QFileInfo>
#include <QStatusBar>

#include "ui/engine_session.h"
#include "ui/main_window.h"
#include "ui/panels/replay_bar.h"
#include "ui/recording_source.h"
#include "ui/source_switch.h"

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
