// SPDX-License-Identifier: GPL-3.0-or-later
// The call list's selectors form: the tutorials' selectors server written out from the records,
// sel.register() / modify() / unregister() between the calls and events = sel.select() with
// its (key, mask) pairs and callbacks. First from hand-made records, then from the http preset
// (the selectors tutorial's server) on loopback with a real client, on each backend it may run
// on. Every wait is bounded.
#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpSocket>
#include <QtTest>

#include <cerrno>
#include <vector>

#include "core/poller/poller.h"
#include "core/server/presets.h"
#include "tests/support/view_checks.h"
#include "ui/engine_session.h"
#include "ui/models/call_trace_model.h"
#include "ui/models/selectors_text.h"
#include "ui/panels/server_panel.h"
#include "ui/views/call_trace_view.h"

using CM = CallTraceModel;

namespace {

constexpr int kWaitMs = 5000;

ss::SocketEvent socketEvent(ss::EventKind kind, ss::Role role, int fd, int64_t timeNs,
                            int64_t aux = 0) {
    ss::SocketEvent e;
    e.kind = kind;
    e.role = role;
    e.fd = fd;
    e.timeNs = timeNs;
    e.aux = aux;
    return e;
}

ss::CallRecord call(uint64_t number, int64_t startNs, std::vector<int32_t> in,
                    std::vector<int32_t> readyRead = {}) {
    ss::CallRecord c;
    c.number = number;
    c.startNs = startNs;
    c.durationNs = 10;
    c.backend = ss::BackendKind::Epoll;
    c.timeoutMs = 1000;
    c.inRead = std::move(in);
    c.readyRead = std::move(readyRead);
    c.ret = static_cast<int32_t>(c.readyRead.size());
    return c;
}

QStringList ops(const CM& model, int row) {
    return model.index(row, CM::Python).data(CM::SelectorsOpsRole).toStringList();
}

}  // namespace

class TestSelectorsView : public QObject {
    Q_OBJECT

private slots:
    void registersAcceptsAndReads();
    void setsThatAskForMoreAreModify();
    void registeredBeforeTheRecordsIsUnknown();
    void hangUpKeepsTheRegisteredEvents();
    void timeoutsAndErrorsAsPythonWritesThem();
    void pythonColumnSwitchesForm();
    void viewAndPresetPickTheForm();
    void crowdedLineElidesBetweenPairs();
    void httpPresetOnLoopback_data();
    void httpPresetOnLoopback();
};

// The tutorial's own sequence: the listener registered with accept, a connection accepted and
// registered with read, its bytes read, then closed and unregistered.
void TestSelectorsView::registersAcceptsAndReads() {
    CM model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    TraceBatch batch;
    batch.events = {socketEvent(ss::EventKind::Watch, ss::Role::Listener, 3, 5, ss::kRead),
                    socketEvent(ss::EventKind::Accept, ss::Role::Connection, 4, 105, 3),
                    socketEvent(ss::EventKind::Watch, ss::Role::Connection, 4, 106, ss::kRead),
                    socketEvent(ss::EventKind::Recv, ss::Role::Connection, 4, 205),
                    socketEvent(ss::EventKind::Close, ss::Role::Connection, 4, 206)};
    batch.calls = {call(1, 10, {3}, {3}), call(2, 110, {3, 4}, {4}), call(3, 210, {3})};
    model.appendBatch(batch);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(ops(model, 0), QStringList{"sel.register(3, selectors.EVENT_READ, accept)"});
    QCOMPARE(model.selectorsLine(0),
             QStringLiteral("events = sel.select(1.0)  ->  [(fd 3, EVENT_READ) → accept]"));
    QCOMPARE(ops(model, 1), QStringList{"sel.register(4, selectors.EVENT_READ, read)"});
    QCOMPARE(model.selectorsLine(1),
             QStringLiteral("events = sel.select(1.0)  ->  [(fd 4, EVENT_READ) → read]"));
    QCOMPARE(ops(model, 2), QStringList{"sel.unregister(4)"});
    QCOMPARE(model.selectorsLine(2), QStringLiteral("events = sel.select(1.0)  ->  []"));
}

// select and poll pass their whole interest with every call: a connection that appears in the
// write set too was modified, and one that leaves it again likewise.
void TestSelectorsView::setsThatAskForMoreAreModify() {
    CM model;
    TraceBatch batch;
    batch.events = {socketEvent(ss::EventKind::Watch, ss::Role::Connection, 5, 5, ss::kRead)};
    ss::CallRecord writing = call(1, 10, {5});
    writing.backend = ss::BackendKind::Select;
    writing.inWrite = {5};
    writing.readyWrite = {5};
    writing.ret = 1;
    ss::CallRecord reading = call(2, 20, {5});
    reading.backend = ss::BackendKind::Select;
    batch.calls = {writing, reading};
    model.appendBatch(batch);
    QCOMPARE(ops(model, 0), (QStringList{"sel.register(5, selectors.EVENT_READ, read)",
                                         "sel.modify(5, selectors.EVENT_READ | "
                                         "selectors.EVENT_WRITE, read)"}));
    QCOMPARE(model.selectorsLine(0),
             QStringLiteral("events = sel.select(1.0)  ->  [(fd 5, EVENT_WRITE) → read]"));
    QCOMPARE(ops(model, 1), QStringList{"sel.modify(5, selectors.EVENT_READ, read)"});
}

// A descriptor the records never registered: its callback is not made up, unless an event or
// the call's sampled facts tell its role.
void TestSelectorsView::registeredBeforeTheRecordsIsUnknown() {
    CM model;
    ss::CallRecord first = call(1, 10, {3, 7, 8}, {3, 7, 8});
    ss::ReadyFacts listener;
    listener.fd = 3;
    listener.acceptQueue = 1;
    first.why = {listener};
    TraceBatch batch;
    batch.calls = {first};
    batch.events = {socketEvent(ss::EventKind::Recv, ss::Role::Connection, 8, 5)};
    model.appendBatch(batch);
    QCOMPARE(ops(model, 0), QStringList());
    QCOMPARE(model.selectorsLine(0),
             QStringLiteral("events = sel.select(1.0)  ->  [(fd 3, EVENT_READ) → accept, "
                            "(fd 7, EVENT_READ) → ?, (fd 8, EVENT_READ) → read]"));
    const QString tip = model.index(0, CM::Python).data(Qt::ToolTipRole).toString();
    model.setPythonApi(ss::PythonApi::Selectors);
    const QString selectorsTip = model.index(0, CM::Python).data(Qt::ToolTipRole).toString();
    QVERIFY2(!tip.contains(QStringLiteral("sel.select")), qPrintable(tip));
    QVERIFY2(selectorsTip.contains(SelectorsText::unknownNote(model.selectorsStep(0))),
             qPrintable(selectorsTip));

    ss::CallRecord second = call(2, 20, {3, 7, 8});
    second.inWrite = {7};
    model.appendCalls({second});
    QCOMPARE(ops(model, 1),
             QStringList{"sel.modify(7, selectors.EVENT_READ | selectors.EVENT_WRITE, "
                         "sel.get_key(7).data)"});
}

// As CPython's EpollSelector does: a hang-up wakes reader and writer, masked by the key's events.
void TestSelectorsView::hangUpKeepsTheRegisteredEvents() {
    CM model;
    TraceBatch batch;
    batch.events = {socketEvent(ss::EventKind::Watch, ss::Role::Connection, 4, 5, ss::kRead)};
    ss::CallRecord hangUp = call(1, 10, {4});
    hangUp.readyHangup = {4};
    hangUp.ret = 1;
    batch.calls = {hangUp};
    model.appendBatch(batch);
    QCOMPARE(model.selectorsLine(0),
             QStringLiteral("events = sel.select(1.0)  ->  [(fd 4, EVENT_READ) → read]"));
}

void TestSelectorsView::timeoutsAndErrorsAsPythonWritesThem() {
    ss::CallRecord c = call(1, 10, {3});
    const SelectorsStep none;
    c.timeoutMs = -1;
    QCOMPARE(SelectorsText::line(c, none), QStringLiteral("events = sel.select()  ->  []"));
    c.timeoutMs = 250;
    QCOMPARE(SelectorsText::call(c), QStringLiteral("events = sel.select(0.25)"));
    c.timeoutMs = 0;
    QCOMPARE(SelectorsText::call(c), QStringLiteral("events = sel.select(0.0)"));
    c.ret = -1;
    c.err = EINTR;
    QCOMPARE(SelectorsText::result(c, none), QStringLiteral("  ->  OSError(EINTR)"));
}

// The Python column shows the form the model is set to; the cells and their tails change with it.
void TestSelectorsView::pythonColumnSwitchesForm() {
    CM model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ss::CallRecord c = call(1, 10, {3}, {3});
    c.backend = ss::BackendKind::Select;
    model.appendCalls({c});
    model.setPythonView(true);
    QCOMPARE(model.index(0, CM::Python).data().toString(), CM::pythonLine(c));
    QSignalSpy changed(&model, &CM::pythonApiChanged);
    QSignalSpy cells(&model, &QAbstractItemModel::dataChanged);
    model.setPythonApi(ss::PythonApi::Selectors);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(cells.count(), 1);
    QCOMPARE(model.index(0, CM::Python).data().toString(),
             QStringLiteral("events = sel.select(1.0)  ->  [(fd 3, EVENT_READ) → ?]"));
    QCOMPARE(model.index(0, CM::Python).data(CM::PythonResultRole).toString(),
             QStringLiteral("  ->  [(fd 3, EVENT_READ) → ?]"));
    model.setPythonApi(ss::PythonApi::Selectors);
    QCOMPARE(changed.count(), 1);
    model.setPythonApi(ss::PythonApi::Select);
    QCOMPARE(model.index(0, CM::Python).data().toString(), CM::pythonLine(c));
}

// The combo box next to "Python view" picks the form and follows the model; the server panel
// says which API a preset's tutorial uses, which the window hands to the model.
void TestSelectorsView::viewAndPresetPickTheForm() {
    CM model;
    CallTraceView view(&model);
    auto* combo = view.findChild<QComboBox*>(QStringLiteral("pythonApi"));
    auto* python = view.findChild<QCheckBox*>(QStringLiteral("pythonView"));
    QVERIFY(combo && python);
    QCOMPARE(combo->currentText(), QStringLiteral("select"));
    QVERIFY(!combo->isEnabled());
    python->setChecked(true);
    QVERIFY(combo->isEnabled());
    combo->setCurrentIndex(combo->findText(QStringLiteral("selectors")));
    QCOMPARE(int(model.pythonApi()), int(ss::PythonApi::Selectors));
    model.setPythonApi(ss::PythonApi::Select);
    QCOMPARE(combo->currentText(), QStringLiteral("select"));

    ServerPanel panel;
    connect(&panel, &ServerPanel::presetApplied, &model,
            [&model](const ss::Preset& preset) { model.setPythonApi(preset.api); });
    QVERIFY(panel.selectPreset(QStringLiteral("http")));
    QCOMPARE(combo->currentText(), QStringLiteral("selectors"));
    QVERIFY(panel.selectPreset(QStringLiteral("rw-split")));
    QCOMPARE(combo->currentText(), QStringLiteral("select"));
}

// Forty ready connections do not fit the column: the pairs give way between two pairs, never
// inside one, and the statements before the call between two statements.
void TestSelectorsView::crowdedLineElidesBetweenPairs() {
    CM model;
    model.setPythonApi(ss::PythonApi::Selectors);
    model.setPythonView(true);
    TraceBatch batch;
    std::vector<int32_t> fds;
    for (int fd = 4; fd < 44; ++fd) {
        batch.events.push_back(
            socketEvent(ss::EventKind::Watch, ss::Role::Connection, fd, 5, ss::kRead));
        fds.push_back(fd);
    }
    batch.calls = {call(1, 10, fds, fds)};
    model.appendBatch(batch);
    CallTraceView view(&model);
    view.resize(1200, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTRY_VERIFY_WITH_TIMEOUT(!view.table()->isColumnHidden(CM::Python), kWaitMs);
    const QString shown = view.shownText(0, CM::Python);
    QVERIFY2(shown.size() < model.index(0, CM::Python).data().toString().size(), qPrintable(shown));
    QVERIFY2(shown.startsWith(QStringLiteral("->  [(fd 4, EVENT_READ) → read, ")),
             qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral(" → read, …, (fd ")), qPrintable(shown));
    QVERIFY2(shown.endsWith(QStringLiteral("(fd 43, EVENT_READ) → read]")), qPrintable(shown));
}

void TestSelectorsView::httpPresetOnLoopback_data() {
    QTest::addColumn<int>("backend");
    const ss::Preset* http = ss::findPreset("http");
    QVERIFY(http);
    QCOMPARE(int(http->api), int(ss::PythonApi::Selectors));
    QTest::newRow("preset's own") << int(http->backend);
    QTest::newRow("select") << int(ss::BackendKind::Select);
    QTest::newRow("poll") << int(ss::BackendKind::Poll);
}

// The http preset is the selectors tutorial's server. With a blocking sel.select() each call
// returns only for the client: the listener's accept, the connection's request (read), and, once
// the answer closed it, the next client's accept after the unregister.
void TestSelectorsView::httpPresetOnLoopback() {
#ifndef __linux__
    QSKIP("the exact descriptor numbers need the loop's own descriptor table (Linux)");
#else
    QFETCH(int, backend);
    const ss::Preset* preset = ss::findPreset("http");
    ss::EngineConfig config;
    config.listeners = preset->listeners;
    config.listeners[0].endpoint.port = 0;
    config.backend = static_cast<ss::BackendKind>(backend);
    config.timeoutMs = -1;
    EngineSession session;
    CM calls;
    calls.setSource(&session);
    QVERIFY(session.start(config));
    QTRY_VERIFY_WITH_TIMEOUT(view_checks::listenerPort(session) > 0, kWaitMs);
    const int port = view_checks::listenerPort(session);

    QTcpSocket first;
    first.connectToHost(QStringLiteral("127.0.0.1"), quint16(port));
    QVERIFY(first.waitForConnected(kWaitMs));
    first.write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
    QByteArray answer;
    QTRY_VERIFY_WITH_TIMEOUT(
        (answer += first.readAll(), first.state() == QAbstractSocket::UnconnectedState), kWaitMs);
    answer += first.readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.left(40).constData());
    QTcpSocket second;
    second.connectToHost(QStringLiteral("127.0.0.1"), quint16(port));
    QVERIFY(second.waitForConnected(kWaitMs));

    // The listener is fd 3; the connection is the next free descriptor, after epoll's own.
    const int conn = config.backend == ss::BackendKind::Epoll ? 5 : 4;
    const QString acceptLine =
        QStringLiteral("events = sel.select()  ->  [(fd 3, EVENT_READ) → accept]");
    const QString readLine =
        QStringLiteral("events = sel.select()  ->  [(fd %1, EVENT_READ) → read]").arg(conn);
    QTRY_VERIFY_WITH_TIMEOUT(calls.rowCount() >= 3, kWaitMs);
    QCOMPARE(ops(calls, 0), QStringList{"sel.register(3, selectors.EVENT_READ, accept)"});
    QCOMPARE(calls.selectorsLine(0), acceptLine);
    QCOMPARE(ops(calls, 1),
             QStringList{QStringLiteral("sel.register(%1, selectors.EVENT_READ, read)").arg(conn)});
    QCOMPARE(calls.selectorsLine(1), readLine);
    QCOMPARE(ops(calls, 2), QStringList{QStringLiteral("sel.unregister(%1)").arg(conn)});
    QCOMPARE(calls.selectorsLine(2), acceptLine);
    // Shown as the Python column's text once the form is selectors.
    calls.setPythonView(true);
    calls.setPythonApi(ss::PythonApi::Selectors);
    QCOMPARE(calls.index(1, CM::Python).data().toString(),
             QStringLiteral("sel.register(%1, selectors.EVENT_READ, read); ").arg(conn) + readLine);
    const QString tip = calls.index(2, CM::Python).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("sel.unregister(%1)\n").arg(conn)), qPrintable(tip));
    session.stop();
#endif
}

QTEST_MAIN(TestSelectorsView)
#include "tst_selectors_view.moc"
