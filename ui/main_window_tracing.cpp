// SPDX-License-Identifier: GPL-3.0-or-later
// The window's side of tracing a program (Linux): File > Trace a program..., Stop tracing, and
// handing the views to the traced program and back. The server and a recording make way for a
// trace, and a trace for them: one source of records is on screen at a time.
#include <QAction>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QStatusBar>
#include <QUrl>

#include "core/tracer/tracer.h"
#include "ui/engine_session.h"
#include "ui/main_window.h"
#include "ui/panels/client_panel.h"
#include "ui/panels/trace_program_dialog.h"
#include "ui/recording_source.h"
#include "ui/source_switch.h"
#include "ui/tracer_source.h"

void MainWindow::createTracing() {
    m_tracer = new TracerSource(this);
    m_switch->addSource(m_tracer);
    connect(m_tracer, &TraceSource::started, this, &MainWindow::onTraceStarted);
    connect(m_tracer, &TraceSource::stopped, this, &MainWindow::onTraceStopped);
    connect(m_tracer, &TracerSource::processEnded, this, [this](int pid, const QString& how) {
        showStatusMessage(tr("Process %1: %2").arg(pid).arg(how));
    });
    // The first listener of the traced program is where the client panel connects.
    connect(m_tracer, &TraceSource::descriptorsUpdated, this,
            [this](const std::vector<ss::DescriptorInfo>& rows) {
                if (m_tracerTargetSet)
                    return;
                for (const ss::DescriptorInfo& row : rows) {
                    const QUrl url = QUrl::fromUserInput(QStringLiteral("tcp://") +
                                                         QString::fromStdString(row.local));
                    if (row.role != ss::Role::Listener || url.port() <= 0)
                        continue;
                    m_clientPanel->setDefaultTarget(url.host(), quint16(url.port()));
                    m_tracerTargetSet = true;
                    return;
                }
            });
    // Starting the server, or opening a recording, ends the trace.
    connect(m_session, &TraceSource::started, m_tracer, &TracerSource::stop);
    connect(m_recording, &TraceSource::started, m_tracer, &TracerSource::stop);
}

void MainWindow::createTraceActions(QMenu* file) {
    QAction* trace =
        file->addAction(tr("&Trace a program..."), this, &MainWindow::traceProgramWithDialog);
    trace->setObjectName(QStringLiteral("traceProgramAction"));
    trace->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    trace->setToolTip(ss::tracer::tracingAvailable()
                          ? tr("Show the wait calls and sockets of your own server")
                          : tr("Tracing a program is available on Linux only"));
    m_stopTraceAction = file->addAction(tr("Stop tracing"), m_tracer, &TracerSource::stop);
    m_stopTraceAction->setObjectName(QStringLiteral("stopTraceAction"));
    m_stopTraceAction->setEnabled(false);
    // While a program is traced, the status bar says whose calls the views show: the server
    // panel beside them belongs to the built-in server.
    m_traceLabel = new QLabel(statusBar());
    m_traceLabel->setObjectName(QStringLiteral("traceLabel"));
    m_traceLabel->setStyleSheet(
        QStringLiteral("QLabel { background: #1565c0; color: white; padding: 0 8px; }"));
    m_traceLabel->hide();
    statusBar()->addPermanentWidget(m_traceLabel);
}

bool MainWindow::startTrace(const ss::tracer::TraceTarget& target, QString* error) {
    if (!ss::tracer::tracingAvailable()) {
        const QString why = tr("Tracing a program is available on Linux only.");
        if (error)
            *error = why;
        showStatusMessage(why);
        return false;
    }
    m_session->stop();
    m_recording->stop();
    m_tracer->setTarget(target);
    m_tracerTargetSet = false;
    QString why;
    const auto noteError = connect(m_tracer, &TraceSource::errorOccurred,
                                   [&why](const QString& message) { why = message; });
    const bool started = m_tracer->start();
    disconnect(noteError);
    if (!started && error)
        *error = why;
    return started;
}

void MainWindow::traceProgramWithDialog() {
    if (!ss::tracer::tracingAvailable()) {
        showStatusMessage(tr("Tracing a program is available on Linux only."));
        return;
    }
    TraceProgramDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        startTrace(dialog.target());
}

void MainWindow::onTraceStarted() {
    removeFirstStartGuidance();
    m_stopTraceAction->setEnabled(true);
    m_traceLabel->setText(tr("● TRACE pid %1").arg(m_tracer->pid()));
    m_traceLabel->setToolTip(m_tracer->description());
    m_traceLabel->show();
    setWindowTitle(tr("%1 - SelectScope").arg(m_tracer->description()));
    showStatusMessage(tr("Tracing %1").arg(m_tracer->description()));
}

void MainWindow::onTraceStopped() {
    m_stopTraceAction->setEnabled(false);
    m_traceLabel->hide();
    setWindowTitle(tr("SelectScope"));
    showStatusMessage(tr("Stopped tracing %1").arg(m_tracer->description()));
}
