// SPDX-License-Identifier: GPL-3.0-or-later
// The window tracing a program (Linux): the read/write-separation server written in the
// tutorial's style, started from the window and talked to with a QTcpSocket. The call list shows
// its pselect6 calls with the sets it passed and got back, the descriptor table its sockets and
// their queues read from outside, the event log the bytes; stopping ends the program.
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTcpSocket>
#include <QtTest>

#include <signal.h>

#include "core/poller/poller.h"
#include "core/tracer/tracer.h"
#include "tests/support/window_echo.h"
#include "ui/main_window.h"
#include "ui/models/call_trace_model.h"
#include "ui/models/event_log_model.h"
#include "ui/panels/trace_program_dialog.h"
#include "ui/tracer_source.h"

using namespace window_echo;

namespace {

ss::tracer::TraceTarget rwServer(const QString& portFile) {
    ss::tracer::TraceTarget target;
    target.argv = {QStandardPaths::findExecutable(QStringLiteral("python3")).toStdString(),
                   SELECTSCOPE_TRACER_SERVERS "/rw_select_server.py", portFile.toStdString()};
    return target;
}

// The traced program's listener, once the descriptor table read from outside shows it.
quint16 tracedListenerPort(MainWindow& window) {
    quint16 port = 0;
    const auto find = [&] {
        for (const ss::DescriptorInfo& d : window.tracer()->lastDescriptors())
            if (d.role == ss::Role::Listener)
                port = quint16(QString::fromStdString(d.local).section(':', -1).toUInt());
        return port != 0;
    };
    [&] { QTRY_VERIFY_WITH_TIMEOUT(find(), kWaitMs); }();
    return port;
}

const ss::CallRecord* lastCallWith(const CallTraceModel& model, const std::vector<int32_t>& write) {
    for (int row = model.rowCount() - 1; row >= 0; --row) {
        const ss::CallRecord* c = &model.call(row);
        if (c->syscall == ss::Syscall::Pselect6 && c->inWrite == write)
            return c;
    }
    return nullptr;
}

bool alive(int pid) {
    return ::kill(pid, 0) == 0;
}

}  // namespace

class TestTraceWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (!ss::tracer::tracingAvailable())
            QSKIP("tracing a program needs Linux");
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
            QSKIP("python3 is not installed");
        QVERIFY(m_dir.isValid());
    }

    void showsTheProgramsCallsSocketsAndBytes() {
        MainWindow window(quietWindow());
        QVERIFY(window.startTrace(rwServer(m_dir.filePath(QStringLiteral("port1")))));
        QVERIFY(window.tracer()->isRunning());
        QVERIFY(window.windowTitle().contains(QStringLiteral("rw_select_server.py")));
        const QLabel* label = window.findChild<QLabel*>(QStringLiteral("traceLabel"));
        QVERIFY(!label->isHidden());
        QCOMPARE(label->text(), QStringLiteral("● TRACE pid %1").arg(window.tracer()->pid()));
        const quint16 port = tracedListenerPort(window);
        QTcpSocket client;
        client.connectToHost(QStringLiteral("127.0.0.1"), port);
        QVERIFY(client.waitForConnected(kWaitMs));
        echo(client, QByteArrayLiteral("hello"));
        // The tutorial's own select(): listener 3 and the connection 4 to read and for errors,
        // 4 to write while its reply was queued.
        const CallTraceModel& calls = *window.callTraceModel();
        QTRY_VERIFY_WITH_TIMEOUT(lastCallWith(calls, {4}) != nullptr, kWaitMs);
        const ss::CallRecord* select = lastCallWith(calls, {4});
        QCOMPARE(select->inRead, (std::vector<int32_t>{3, 4}));
        QCOMPARE(select->inExcept, (std::vector<int32_t>{3, 4}));
        QCOMPARE(select->readyWrite, (std::vector<int32_t>{4}));
        QCOMPARE(select->timeoutMs, 1000);
        // The socket of the connection, read from outside, with the bytes its calls moved.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const ss::DescriptorInfo* row = rowWithPeer(
                    *window.tracer(), QStringLiteral("127.0.0.1:%1").arg(client.localPort()));
                return row && row->fd == 4 && row->bytesIn == 5 && row->bytesOut == 5 &&
                       row->role == ss::Role::Connection;
            }(),
            kWaitMs);
        // The bytes, in the event log.
        const EventLogModel& events = *window.eventLogModel();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int row = 0; row < events.rowCount(); ++row) {
                    const ss::SocketEvent& e = events.event(row);
                    if (e.kind == ss::EventKind::Recv && e.preview == "hello")
                        return true;
                }
                return false;
            }(),
            kWaitMs);
        // The client panel points at the traced program's listener.
        QCOMPARE(window.findChild<QSpinBox*>(QStringLiteral("portSpin"))->value(), int(port));
        client.close();
        const int pid = select->pid;
        QVERIFY(pid > 0);
        window.tracer()->stop();
        QVERIFY(!window.tracer()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!alive(pid), kWaitMs);  // ended with SIGTERM, and reaped
        QCOMPARE(window.windowTitle(), QStringLiteral("SelectScope"));
        QVERIFY(label->isHidden());
    }

    // A selectors server blocks in epoll_wait() with no timeout after its reply: the table keeps
    // what its last completed wait call watched, the new connection included.
    void theTableMarksWhatTheLastWaitCallWatched() {
        MainWindow window(quietWindow());
        ss::tracer::TraceTarget target = rwServer(m_dir.filePath(QStringLiteral("port3")));
        target.argv[1] = SELECTSCOPE_TRACER_SERVERS "/selectors_server.py";
        QVERIFY(window.startTrace(target));
        QTcpSocket client;
        client.connectToHost(QStringLiteral("127.0.0.1"), tracedListenerPort(window));
        QVERIFY(client.waitForConnected(kWaitMs));
        client.write("abc");
        QVERIFY(client.waitForBytesWritten(kWaitMs));
        QByteArray reply;
        while (reply.size() < 3 && client.waitForReadyRead(kWaitMs))
            reply += client.readAll();
        QCOMPARE(reply, QByteArrayLiteral("ABC"));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const ss::DescriptorInfo* row = rowWithPeer(
                    *window.tracer(), QStringLiteral("127.0.0.1:%1").arg(client.localPort()));
                return row && row->interest == ss::kRead && row->state == ss::ConnState::Open &&
                       row->bytesIn == 3 && row->bytesOut == 3;
            }(),
            kWaitMs);
        QCOMPARE(window.tracer()->lastStats().watchedDescriptors, uint64_t(2));
    }

    void startingTheServerEndsTheTrace() {
        MainWindow window(quietWindow());
        QVERIFY(window.startTrace(rwServer(m_dir.filePath(QStringLiteral("port2")))));
        tracedListenerPort(window);
        QVERIFY(window.startServer(echoServer()));
        QVERIFY(!window.tracer()->isRunning());
        QVERIFY(window.session()->isRunning());
    }

    void aProgramThatCannotStartIsAStatusBarError() {
        MainWindow window(quietWindow());
        ss::tracer::TraceTarget target;
        target.argv = {"/nonexistent/server"};
        QString error;
        QVERIFY(!window.startTrace(target, &error));
        QCOMPARE(error, QStringLiteral("Could not trace the program: cannot start "
                                       "/nonexistent/server: exec: No such file or directory"));
        QCOMPARE(window.statusBar()->currentMessage(), error);
        QVERIFY(!window.tracer()->isRunning());
    }

    void theDialogSplitsTheCommandLine() {
        TraceProgramDialog dialog;
        dialog.findChild<QLineEdit*>(QStringLiteral("traceCommand"))
            ->setText(QStringLiteral("python3 -u \"my server.py\" 9000"));
        dialog.findChild<QLineEdit*>(QStringLiteral("traceFolder"))->setText(m_dir.path());
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const ss::tracer::TraceTarget target = dialog.target();
        QCOMPARE(target.argv, (std::vector<std::string>{"python3", "-u", "my server.py", "9000"}));
        QCOMPARE(QString::fromStdString(target.workingDir), m_dir.path());

        TraceProgramDialog empty;
        empty.findChild<QLineEdit*>(QStringLiteral("traceCommand"))->clear();
        empty.accept();
        QCOMPARE(empty.result(), int(QDialog::Rejected));
        QVERIFY(!empty.findChild<QLabel*>(QStringLiteral("traceDialogError"))->text().isEmpty());
    }

private:
    static WindowOptions quietWindow() {
        WindowOptions options;
        options.useSettings = false;
        return options;
    }

    QTemporaryDir m_dir;
};

QTEST_MAIN(TestTraceWindow)
#include "tst_trace_window.moc"
