// SPDX-License-Identifier: GPL-3.0-or-later
// File > Trace a program: what to trace. Either a program to start, by its command line and
// working folder (remembered), and how it ends when tracing stops; or a running process of the
// user's that has sockets, picked from a list. The dialog only asks; the window traces.
#pragma once

#include <QDialog>

#include "core/tracer/trace_target.h"

class QComboBox;
class QLineEdit;
class QTabWidget;
class QTableWidget;

class TraceProgramDialog : public QDialog {
    Q_OBJECT

public:
    explicit TraceProgramDialog(QWidget* parent = nullptr);

    // What was chosen; valid after accept().
    ss::tracer::TraceTarget target() const { return m_target; }

public slots:
    void accept() override;
    // Lists the processes again.
    void refreshProcesses();

private:
    QWidget* createStartPage();
    QWidget* createAttachPage();
    bool readStartPage(QString* error);
    bool readAttachPage(QString* error);

    QTabWidget* m_tabs = nullptr;
    QLineEdit* m_command = nullptr;
    QLineEdit* m_folder = nullptr;
    QComboBox* m_end = nullptr;
    QTableWidget* m_processes = nullptr;
    class QLabel* m_error = nullptr;
    ss::tracer::TraceTarget m_target;
};
