// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI's table models and the engine session: batches in, rows out, with Qt's model tester
// watching every signal. The last case runs a real engine on loopback. Every wait is bounded.
#include <QAbstractItemModelTester>
#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTranslator>
#include <QtTest>

#include <cerrno>

#include "core/poller/poller.h"
#include "core/server/listener_spec.h"
#include "core/server/presets.h"
#include "ui/engine_session.h"
#include "ui/models/call_trace_model.h"
#include "ui/models/descriptor_table_model.h"
#include "ui/models/event_filter_proxy.h"
#include "ui/models/event_log_model.h"
#include "ui/models/preset_text.h"
#include "ui/models/trace_format.h"

using Tester = QAbstractItemModelTester;
using DM = DescriptorTableModel;

namespace {

constexpr int kWaitMs = 5000;
const auto kFailQtTest = Tester::FailureReportingMode::QtTest;

ss::DescriptorInfo descriptor(int fd, ss::Role role, const char* peer = "") {
    ss::DescriptorInfo d;
    d.fd = fd;
    d.role = role;
    d.local = "127.0.0.1:9999";
    d.peer = peer;
    d.interest = ss::kRead;
    return d;
}

ss::CallRecord selectCall(uint64_t number) {
    ss::CallRecord c;
    c.number = number;
    c.timeoutMs = 1000;
    c.inRead = {3, 5};
    c.inWrite = {5};
    c.inExcept = {3, 5};
    c.readyRead = {5};
    c.readyWrite = {5};
    c.ret = 2;
    return c;
}

ss::SocketEvent socketEvent(ss::EventKind kind, int fd, std::string preview = {},
                            std::string text = {}) {
    ss::SocketEvent e;
    e.kind = kind;
    e.fd = fd;
    e.bytes = static_cast<int64_t>(preview.size());
    e.preview = std::move(preview);
    e.text = std::move(text);
    return e;
}

QString cell(const QAbstractItemModel& model, int row, int column, int role = Qt::DisplayRole) {
    return model.index(row, column).data(role).toString();
}

QVariant background(const QAbstractItemModel& model, int row, int column) {
    return model.index(row, column).data(Qt::BackgroundRole);
}

int rowOfFd(const QAbstractItemModel& model, int fd) {
    for (int r = 0; r < model.rowCount(); ++r) {
        if (model.index(r, 0).data(DM::FdRole).toInt() == fd)
            return r;
    }
    return -1;
}

int listenerPort(const EngineSession& session) {
    for (const ss::DescriptorInfo& d : session.lastDescriptors()) {
        if (d.role == ss::Role::Listener)
            return QString::fromStdString(d.local).section(QLatin1Char(':'), -1).toInt();
    }
    return 0;
}

ss::EngineConfig echoConfig(const char* spec) {
    std::string error;
    ss::EngineConfig config;
    config.listeners.push_back(*ss::parseListenSpec(spec, &error));
    config.timeoutMs = 100;
    return config;
}

}  // namespace

class TestUiModels : public QObject {
    Q_OBJECT

private slots:
    void descriptorRowsAreDiffed();
    void descriptorCellText();
    void descriptorWakeupToggleAndCallView();
    void descriptorCallView();
    void everyHeaderHasATooltip();
    void callTraceBatchesAndCap();
    void callTracePythonLines();
    void callTraceCellText();
    void eventLogText();
    void eventLogCapAndFilterProxy();
    void sessionReportsErrors();
    void endToEndEcho();
    void windowSessionNumbersLikeTheTutorial();
    void zhCnHasNoEnglishWhereStudentsLookFirst();
    void zhCnTranslatesTheEnginesErrors();
};

void TestUiModels::descriptorRowsAreDiffed() {
    DM model;
    Tester tester(&model, kFailQtTest);
    model.setCallNumber(10);
    std::vector<ss::DescriptorInfo> snap{descriptor(3, ss::Role::Listener),
                                         descriptor(4, ss::Role::Wakeup)};
    model.setDescriptors(snap);
    QCOMPARE(model.rowCount(), 2);

    // New rows are green, and stay green until the server makes its next call: a paused
    // server makes none, and snapshots alone do not age the evidence.
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    snap.push_back(descriptor(5, ss::Role::Connection, "127.0.0.1:40000"));
    snap.push_back(descriptor(6, ss::Role::Connection, "127.0.0.1:40001"));
    model.setDescriptors(snap);
    QCOMPARE(inserted.count(), 1);  // one block for the whole batch
    QCOMPARE(model.rowCount(), 4);
    const QVariant green = background(model, 2, DM::Peer);
    QVERIFY(green.isValid());
    model.setDescriptors(snap);
    model.setCallNumber(10);
    QCOMPARE(background(model, 2, DM::Peer), green);
    model.setCallNumber(11);
    QVERIFY(!background(model, 2, DM::Peer).isValid());

    // One changed value: one dataChanged over exactly that cell, shown yellow for one call.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    snap[2].bytesIn = 5;
    model.setDescriptors(snap);
    QCOMPARE(changed.count(), 1);
    const auto topLeft = changed[0][0].value<QModelIndex>();
    const auto bottomRight = changed[0][1].value<QModelIndex>();
    QCOMPARE(topLeft.row(), 2);
    QCOMPARE(topLeft.column(), int(DM::BytesIn));
    QCOMPARE(bottomRight.column(), int(DM::BytesIn));
    QCOMPARE(cell(model, 2, DM::BytesIn), QStringLiteral("5"));
    const QVariant yellow = background(model, 2, DM::BytesIn);
    QVERIFY(yellow.isValid());
    QVERIFY(yellow != green);
    QVERIFY(!background(model, 2, DM::BytesOut).isValid());
    model.setCallNumber(12);
    QVERIFY(!background(model, 2, DM::BytesIn).isValid());

    // A vanished descriptor stays, red and "closed", until the next call; then it goes.
    snap.pop_back();
    model.setDescriptors(snap);
    model.setDescriptors(snap);
    QCOMPARE(model.rowCount(), 4);
    QVERIFY(model.isClosedRow(3));
    QCOMPARE(cell(model, 3, DM::State), QStringLiteral("closed"));
    QVERIFY(background(model, 3, DM::Fd).isValid());
    QVERIFY(background(model, 3, DM::Fd) != yellow);
    model.setCallNumber(13);
    QCOMPARE(model.rowCount(), 3);

    // A reused fd number with another peer is another socket: old row closed, new row added.
    snap[2].peer = "127.0.0.1:40002";
    model.setDescriptors(snap);
    QCOMPARE(model.rowCount(), 4);
    QVERIFY(model.isClosedRow(2));
    QCOMPARE(cell(model, 3, DM::Peer), QStringLiteral("127.0.0.1:40002"));
    model.setCallNumber(14);
    QCOMPARE(model.rowCount(), 3);

    // Under load (hundreds of calls between two snapshots) nothing flashes yellow and no
    // Ready cell is lit: every row changes every time, and the table must stay readable.
    snap[2].lastReady = ss::kRead;
    model.setDescriptors(snap);
    QVERIFY(background(model, 2, DM::Ready).isValid());
    model.setCallNumber(14 + DM::kFloodCalls + 1);
    snap[2].bytesIn = 99;
    model.setDescriptors(snap);
    QCOMPARE(cell(model, 2, DM::BytesIn), QStringLiteral("99"));
    QVERIFY(!background(model, 2, DM::BytesIn).isValid());
    QVERIFY(!background(model, 2, DM::Ready).isValid());
    QCOMPARE(cell(model, 2, DM::Ready), QStringLiteral("R - -"));
}

void TestUiModels::descriptorCellText() {
    DM model;
    Tester tester(&model, kFailQtTest);
    ss::DescriptorInfo listener = descriptor(3, ss::Role::Listener);
    listener.acceptQueue = 2;
    listener.acceptBacklog = 128;
    ss::DescriptorInfo conn = descriptor(5, ss::Role::Connection, "127.0.0.1:40000");
    conn.interest = ss::kRead | ss::kExcept;
    conn.lastReady = ss::kRead;
    conn.kernelRecvQueue = 7;
    conn.appQueueBytes = 10;
    conn.appQueueMessages = 2;
    conn.bytesIn = 1234;
    conn.ageSeconds = 12.34;
    model.setDescriptors({listener, conn});

    QCOMPARE(cell(model, 0, DM::AcceptQ), QStringLiteral("2/128"));
    QCOMPARE(cell(model, 0, DM::AppQueue), QString());
    QCOMPARE(cell(model, 0, DM::RecvQ), QString());  // -1: not sampled
    QCOMPARE(cell(model, 1, DM::Role), QStringLiteral("connection"));
    QCOMPARE(cell(model, 1, DM::Interest), QStringLiteral("R - X"));
    QCOMPARE(cell(model, 1, DM::Ready), QStringLiteral("R - -"));
    QCOMPARE(cell(model, 1, DM::RecvQ), QStringLiteral("7"));
    QCOMPARE(cell(model, 1, DM::AppQueue), QStringLiteral("10 (2)"));
    QCOMPARE(cell(model, 1, DM::Age), QStringLiteral("12.3 s"));
    QCOMPARE(cell(model, 1, DM::State), QStringLiteral("open"));
    QCOMPARE(model.index(1, 0).data(DM::FdRole).toInt(), 5);
    QCOMPARE(model.index(1, 0).data(DM::RoleRole).toInt(), int(ss::Role::Connection));
    QCOMPARE(model.index(1, DM::BytesIn).data(DM::SortRole).toULongLong(), 1234ull);
    QCOMPARE(model.index(1, DM::Age).data(DM::SortRole).toDouble(), 12.34);
}

void TestUiModels::descriptorWakeupToggleAndCallView() {
    DM model;
    Tester tester(&model, kFailQtTest);
    model.setDescriptors({descriptor(3, ss::Role::Listener), descriptor(4, ss::Role::Wakeup),
                          descriptor(5, ss::Role::Connection, "127.0.0.1:40000")});
    model.setShowWakeup(false);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(rowOfFd(model, 4), -1);
    model.setDescriptors({descriptor(3, ss::Role::Listener), descriptor(4, ss::Role::Wakeup),
                          descriptor(5, ss::Role::Connection, "127.0.0.1:40000")});
    QCOMPARE(model.rowCount(), 2);
    model.setShowWakeup(true);
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(rowOfFd(model, 4) >= 0);
}

// A selected call: each row says which sets that call passed it in and which it came back
// ready in, rows the call did not have are grey, and the headers name the call.
void TestUiModels::descriptorCallView() {
    DM model;
    Tester tester(&model, kFailQtTest);
    ss::DescriptorInfo conn = descriptor(5, ss::Role::Connection, "127.0.0.1:40000");
    conn.interest = ss::kRead | ss::kWrite | ss::kExcept;  // now: a reply is queued
    ss::DescriptorInfo later = descriptor(6, ss::Role::Connection, "127.0.0.1:40001");
    model.setDescriptors({descriptor(3, ss::Role::Listener), conn, later});
    ss::CallRecord call;
    call.number = 60;
    call.nullSets = ss::kWrite;
    call.inRead = {3, 5, 9};
    call.inExcept = {3, 5, 9};
    call.readyRead = {5};
    call.readyHangup = {9};
    model.showCall(call);

    QCOMPARE(model.shownCall().value_or(0), 60u);
    QCOMPARE(model.headerData(DM::Interest, Qt::Horizontal).toString(), QStringLiteral("In #60"));
    QCOMPARE(model.headerData(DM::Ready, Qt::Horizontal).toString(), QStringLiteral("Ready #60"));
    const int r3 = rowOfFd(model, 3), r5 = rowOfFd(model, 5), r6 = rowOfFd(model, 6);
    QCOMPARE(cell(model, r5, DM::Interest), QStringLiteral("R - X"));  // then, not now
    QCOMPARE(cell(model, r5, DM::Ready), QStringLiteral("R - -"));
    QCOMPARE(cell(model, r3, DM::Interest), QStringLiteral("R - X"));
    QCOMPARE(cell(model, r3, DM::Ready), QStringLiteral("- - -"));
    QCOMPARE(cell(model, r6, DM::Interest), QStringLiteral("- - -"));
    // At a glance: went in (pale), came back ready (blue), neither, and not in the call (grey).
    const QVariant wentIn = background(model, r3, DM::Interest);
    const QVariant ready = background(model, r5, DM::Ready);
    QVERIFY(wentIn.isValid() && ready.isValid() && wentIn != ready);
    QVERIFY(!background(model, r3, DM::Ready).isValid());
    QVERIFY(model.index(r5, DM::Peer).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!model.index(r6, DM::Peer).data(Qt::FontRole).isValid());
    QCOMPARE(model.index(r6, DM::Peer).data(Qt::ForegroundRole).value<QBrush>().color(),
             QColor(Qt::gray));
    QCOMPARE(model.shownCallMissingFds(), QList<int>{9});

    model.showLive();
    QVERIFY(!model.shownCall());
    QCOMPARE(model.headerData(DM::Interest, Qt::Horizontal).toString(), QStringLiteral("Interest"));
    QCOMPARE(cell(model, r5, DM::Interest), QStringLiteral("R W X"));
    QVERIFY(!model.index(r5, DM::Peer).data(Qt::FontRole).isValid());
}

void TestUiModels::everyHeaderHasATooltip() {
    DM descriptors;
    CallTraceModel calls;
    EventLogModel events;
    for (const QAbstractItemModel* model :
         {static_cast<QAbstractItemModel*>(&descriptors), static_cast<QAbstractItemModel*>(&calls),
          static_cast<QAbstractItemModel*>(&events)}) {
        for (int c = 0; c < model->columnCount(); ++c) {
            QVERIFY(!model->headerData(c, Qt::Horizontal).toString().isEmpty());
            QVERIFY(model->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString().size() > 20);
        }
    }
    QCOMPARE(descriptors.headerData(DM::Interest, Qt::Horizontal, Qt::ToolTipRole).toString(),
             QStringLiteral("What the server asks the kernel to watch for: R = readable, "
                            "W = writable, X = exceptional (urgent data)."));
}

void TestUiModels::callTraceBatchesAndCap() {
    CallTraceModel model;
    Tester tester(&model, kFailQtTest);
    model.setMaxRows(5);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.appendCalls({selectCall(1), selectCall(2), selectCall(3)});
    QCOMPARE(inserted.count(), 1);
    model.appendCalls({selectCall(4), selectCall(5), selectCall(6), selectCall(7)});
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(removed.count(), 1);  // the two oldest, in one block
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(cell(model, 0, CallTraceModel::Number), QStringLiteral("3"));
    std::vector<ss::CallRecord> many;
    for (uint64_t n = 8; n <= 19; ++n)
        many.push_back(selectCall(n));
    model.appendCalls(many);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(cell(model, 0, CallTraceModel::Number), QStringLiteral("15"));
    QCOMPARE(cell(model, 4, CallTraceModel::Number), QStringLiteral("19"));
}

void TestUiModels::callTracePythonLines() {
    ss::CallRecord c = selectCall(1);
    QCOMPARE(CallTraceModel::pythonLine(c),
             QStringLiteral("r, w, x = select.select([3, 5], [5], [3, 5], 1.0)  ->  [5], [5], []"));
    c.timeoutMs = -1;
    c.inRead = {3};
    c.inWrite.clear();
    c.inExcept.clear();
    c.readyRead = {3};
    c.readyWrite.clear();
    QCOMPARE(CallTraceModel::pythonLine(c),
             QStringLiteral("r, w, x = select.select([3], [], [])  ->  [3], [], []"));
    c.backend = ss::BackendKind::Poll;
    c.timeoutMs = 1000;
    c.readyRead = {5};
    QCOMPARE(CallTraceModel::pythonLine(c), QStringLiteral("poll.poll(1000)  ->  [(5, POLLIN)]"));
    c.backend = ss::BackendKind::Epoll;
    c.readyWrite = {5};
    QCOMPARE(CallTraceModel::pythonLine(c),
             QStringLiteral("ep.poll(1.0)  ->  [(5, EPOLLIN|EPOLLOUT)]"));
    c.timeoutMs = -1;
    c.ret = -1;
    c.err = EINTR;
    QCOMPARE(CallTraceModel::pythonLine(c), QStringLiteral("ep.poll()  ->  OSError(EINTR)"));

    CallTraceModel model;
    Tester tester(&model, kFailQtTest);
    model.appendCalls({selectCall(1)});
    QSignalSpy toggled(&model, &CallTraceModel::pythonViewChanged);
    QCOMPARE(cell(model, 0, CallTraceModel::Python), QString());
    model.setPythonView(true);
    QCOMPARE(toggled.count(), 1);
    QVERIFY(cell(model, 0, CallTraceModel::Python).startsWith(QStringLiteral("r, w, x = ")));
}

void TestUiModels::callTraceCellText() {
    CallTraceModel model;
    Tester tester(&model, kFailQtTest);
    ss::CallRecord a = selectCall(1);
    a.startNs = 1'234'567'000;
    a.durationNs = 850'000;
    ss::CallRecord b = selectCall(2);
    b.backend = ss::BackendKind::Poll;
    b.timeoutMs = -1;
    b.ret = -1;
    b.err = EINTR;
    b.durationNs = 12'300'000;
    b.readyHangup = {7};
    model.appendCalls({a, b});
    QCOMPARE(cell(model, 0, CallTraceModel::Time), QStringLiteral("1.235"));
    QCOMPARE(cell(model, 0, CallTraceModel::Backend), QStringLiteral("select"));
    QCOMPARE(cell(model, 0, CallTraceModel::ReadIn), QStringLiteral("3, 5"));
    QCOMPARE(cell(model, 0, CallTraceModel::Timeout), QStringLiteral("1.000 s"));
    QCOMPARE(cell(model, 0, CallTraceModel::ReadyExcept), QString());
    QCOMPARE(cell(model, 0, CallTraceModel::Return), QStringLiteral("2"));
    QCOMPARE(cell(model, 0, CallTraceModel::Blocked), QStringLiteral("850 µs"));
    QCOMPARE(cell(model, 1, CallTraceModel::Timeout), QStringLiteral("block"));
    QCOMPARE(cell(model, 1, CallTraceModel::Return), QStringLiteral("-1 EINTR"));
    QCOMPARE(cell(model, 1, CallTraceModel::Blocked), QStringLiteral("12.3 ms"));
    QCOMPARE(cell(model, 1, CallTraceModel::ReadyRead), QStringLiteral("5  HUP: 7"));
    const auto fds = model.index(1, 0).data(CallTraceModel::FdsRole).value<QList<int>>();
    QCOMPARE(fds, (QList<int>{3, 5, 7}));
}

void TestUiModels::eventLogText() {
    QCOMPARE(EventLogModel::previewText("hello"), QStringLiteral("hello"));
    QCOMPARE(EventLogModel::previewText("hi\r\n"), QStringLiteral("hi\\r\\n"));
    QCOMPARE(EventLogModel::previewText("\x01\x02"), QStringLiteral("01 02"));
    QCOMPARE(EventLogModel::previewText("\xff\xfe"), QStringLiteral("ff fe"));
    QCOMPARE(EventLogModel::previewText("你好"), QStringLiteral("你好"));
    QCOMPARE(EventLogModel::hexText("hello"), QStringLiteral("68 65 6c 6c 6f"));
    ss::SocketEvent close = socketEvent(ss::EventKind::Close, 5);
    close.aux = static_cast<int64_t>(ss::CloseReason::PeerReset);
    QCOMPARE(EventLogModel::detailText(close), QStringLiteral("peer reset"));
    ss::SocketEvent error = socketEvent(ss::EventKind::Error, 5, {}, "send");
    error.err = ECONNRESET;
    QVERIFY(EventLogModel::detailText(error).startsWith(QStringLiteral("send — ")));
    QVERIFY(EventLogModel::detailText(error).endsWith(QStringLiteral("(ECONNRESET)")));
}

void TestUiModels::eventLogCapAndFilterProxy() {
    EventLogModel model;
    EventFilterProxy proxy;
    proxy.setSourceModel(&model);
    Tester modelTester(&model, kFailQtTest);
    Tester proxyTester(&proxy, kFailQtTest);
    model.setMaxRows(10);
    model.appendEvents(
        {socketEvent(ss::EventKind::Recv, 5, "hello"), socketEvent(ss::EventKind::Send, 5, "hello"),
         socketEvent(ss::EventKind::Recv, 6, "world"),
         socketEvent(ss::EventKind::Accept, 6, {}, "127.0.0.1:40001"),
         socketEvent(ss::EventKind::Close, 5), socketEvent(ss::EventKind::Note, -1, {}, "hi")});
    QCOMPARE(proxy.rowCount(), 6);
    QCOMPARE(cell(model, 0, EventLogModel::Kind), QStringLiteral("recv"));
    QCOMPARE(cell(model, 0, EventLogModel::Bytes), QStringLiteral("5"));
    QCOMPARE(cell(model, 5, EventLogModel::Fd), QString());
    proxy.setFdFilter(5);
    QCOMPARE(proxy.rowCount(), 3);
    proxy.setKindShown(ss::EventKind::Recv, false);
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setFdFilter(EventFilterProxy::kAnyFd);
    proxy.showAllKinds();
    proxy.setTextFilter(QStringLiteral("WORLD"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, EventLogModel::Fd).data().toString(), QStringLiteral("6"));
    proxy.setTextFilter(QStringLiteral("40001"));  // Detail column
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setTextFilter(QString());

    std::vector<ss::SocketEvent> more(8, socketEvent(ss::EventKind::Recv, 7, "x"));
    model.appendEvents(more);
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(proxy.rowCount(), 10);
    QCOMPARE(cell(model, 0, EventLogModel::Kind), QStringLiteral("close"));  // 4 oldest gone
    proxy.sort(EventLogModel::Fd, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, EventLogModel::Fd).data().toString(), QStringLiteral("7"));
}

void TestUiModels::sessionReportsErrors() {
    EngineSession first;
    QVERIFY(first.start(echoConfig("127.0.0.1:0=echo")));
    QTRY_VERIFY_WITH_TIMEOUT(listenerPort(first) > 0, kWaitMs);
    const QByteArray spec = "127.0.0.1:" + QByteArray::number(listenerPort(first)) + "=echo";

    EngineSession second;
    QSignalSpy errors(&second, &EngineSession::errorOccurred);
    QString message;
    QVERIFY(!second.start(echoConfig(spec.constData()), &message));
    QCOMPARE(errors.count(), 1);
    QVERIFY(!message.isEmpty());
    QVERIFY(!second.isRunning());
    second.step();  // nothing runs: reported, not a crash
    QCOMPARE(errors.count(), 2);

    QSignalSpy firstErrors(&first, &EngineSession::errorOccurred);
    QVERIFY(first.switchBackend(ss::BackendKind::Poll));
    const auto available = ss::availableBackends();
    if (std::find(available.begin(), available.end(), ss::BackendKind::Kqueue) == available.end()) {
        QVERIFY(!first.switchBackend(ss::BackendKind::Kqueue));
        QCOMPARE(firstErrors.count(), 1);
    }
    QSignalSpy stopped(&first, &EngineSession::stopped);
    first.stop();
    QCOMPARE(stopped.count(), 1);
    QVERIFY(first.engine() == nullptr);
}

void TestUiModels::endToEndEcho() {
    EngineSession session;
    DM descriptors;
    CallTraceModel calls;
    EventLogModel events;
    EventFilterProxy proxy;
    proxy.setSourceModel(&events);
    Tester t1(&descriptors, kFailQtTest), t2(&calls, kFailQtTest), t3(&events, kFailQtTest),
        t4(&proxy, kFailQtTest);
    connect(&session, &EngineSession::descriptorsUpdated, &descriptors, &DM::setDescriptors);
    connect(&session, &EngineSession::batchReady, &calls,
            [&](const TraceBatch& batch) { calls.appendCalls(batch.calls); });
    connect(&session, &EngineSession::batchReady, &events,
            [&](const TraceBatch& batch) { events.appendEvents(batch.events); });
    QVERIFY(session.start(echoConfig("127.0.0.1:0=echo")));
    QTRY_VERIFY_WITH_TIMEOUT(listenerPort(session) > 0, kWaitMs);

    QTcpSocket client;
    client.connectToHost(QStringLiteral("127.0.0.1"), quint16(listenerPort(session)));
    QVERIFY(client.waitForConnected(kWaitMs));
    client.write("hello");
    QByteArray echoed;
    QTRY_VERIFY_WITH_TIMEOUT((echoed += client.readAll()).size() >= 5, kWaitMs);
    QCOMPARE(echoed, QByteArray("hello"));

    auto connectionRow = [&] {
        for (int r = 0; r < descriptors.rowCount(); ++r) {
            const QModelIndex i = descriptors.index(r, 0);
            if (i.data(DM::RoleRole).toInt() == int(ss::Role::Connection) &&
                !descriptors.isClosedRow(r) && cell(descriptors, r, DM::BytesIn) == "5")
                return r;
        }
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(connectionRow() >= 0, kWaitMs);
    const QString fd = cell(descriptors, connectionRow(), DM::Fd);

    auto readyCall = [&] {
        for (int r = 0; r < calls.rowCount(); ++r) {
            const QString ready = cell(calls, r, CallTraceModel::ReadyRead);
            if (ready.split(QStringLiteral(", ")).contains(fd))
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(readyCall(), kWaitMs);

    proxy.setFdFilter(fd.toInt());
    proxy.setKindShown(ss::EventKind::Send, false);
    proxy.setTextFilter(QStringLiteral("hello"));
    auto recvRow = [&] {
        for (int r = 0; r < proxy.rowCount(); ++r) {
            if (proxy.index(r, 0).data(EventLogModel::KindRole).toInt() ==
                    int(ss::EventKind::Recv) &&
                proxy.index(r, EventLogModel::Preview).data().toString() == "hello")
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(recvRow(), kWaitMs);
    client.close();
    session.stop();
}

QTEST_MAIN(TestUiModels)
// The window's engine runs inside a Qt process that holds plenty of descriptors of its own, yet
// the rw-split preset on select must make the tutorial's calls: select(4, [3], NULL, [3]), then
// select(5, [3 4], NULL, [3 4]) once a client is in, with nothing of the window's in the sets.
void TestUiModels::windowSessionNumbersLikeTheTutorial() {
#ifndef __linux__
    QSKIP("a descriptor table of the loop's own needs Linux (unshare(CLONE_FILES))");
#else
    const ss::Preset* preset = ss::findPreset("rw-split");
    QVERIFY(preset);
    ss::EngineConfig config;
    config.listeners = preset->listeners;
    config.listeners[0].endpoint.port = 0;
    config.backend = preset->backend;
    config.timeoutMs = preset->timeoutMs;
    EngineSession session;
    CallTraceModel calls;
    calls.setSource(&session);
    QVERIFY(session.start(config));
    QTRY_VERIFY_WITH_TIMEOUT(listenerPort(session) > 0, kWaitMs);
    QTcpSocket client;
    client.connectToHost(QStringLiteral("127.0.0.1"), quint16(listenerPort(session)));
    QVERIFY(client.waitForConnected(kWaitMs));
    client.write("hi");
    QByteArray reply;
    QTRY_VERIFY_WITH_TIMEOUT((reply += client.readAll()).size() >= 5, kWaitMs);
    QCOMPARE(QString::fromUtf8(reply), QStringLiteral("hi好"));
    QTRY_VERIFY_WITH_TIMEOUT(calls.rowCount() >= 2, kWaitMs);
    QCOMPARE(calls.call(0).inRead, std::vector<int32_t>{3});
    QCOMPARE(calls.call(0).inExcept, std::vector<int32_t>{3});
    QCOMPARE(int(calls.call(0).nullSets), int(ss::kWrite));
    QCOMPARE(cell(calls, 0, CallTraceModel::WriteIn), QStringLiteral("NULL"));
    QCOMPARE(calls.call(1).inRead, (std::vector<int32_t>{3, 4}));
    QCOMPARE(calls.call(1).inExcept, (std::vector<int32_t>{3, 4}));
#endif
}

// In zh_CN the preset descriptions, the event kinds and the engine's mode words are Chinese;
// untranslated, the window's preset texts are the engine's own, word for word.
void TestUiModels::zhCnHasNoEnglishWhereStudentsLookFirst() {
    for (const ss::Preset& preset : ss::builtinPresets())
        QCOMPARE(preset_text::summary(preset), QString::fromStdString(preset.summary));
    QTranslator translator;
    QVERIFY(translator.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("selectscope"),
                            QStringLiteral("_"), QStringLiteral(":/i18n")));
    QCoreApplication::installTranslator(&translator);
    const QRegularExpression latinWord(
        QStringLiteral("\\b(?!GET\\b|JSON\\b|ASCII\\b|UDP\\b|"
                       "curl\\b)[A-Za-z]{3,}\\b"));
    for (const ss::Preset& preset : ss::builtinPresets()) {
        const QString text = preset_text::summary(preset);
        QVERIFY2(!latinWord.match(text).hasMatch(), qPrintable(text));
    }
    QCOMPARE(trace_format::eventKind(ss::EventKind::Accept), QStringLiteral("接受连接 (accept)"));
    QCOMPARE(trace_format::eventKind(ss::EventKind::AcceptPaused),
             QStringLiteral("暂停接受连接 (accept)"));
    ss::SocketEvent mode;
    mode.kind = ss::EventKind::Mode;
    mode.text = "paused";
    QCOMPARE(trace_format::eventText(mode), QStringLiteral("已暂停"));
    ss::SocketEvent refused;
    refused.kind = ss::EventKind::Refuse;
    refused.text = "fd 1030 >= FD_SETSIZE (1024): select() cannot watch it";
    QCOMPARE(trace_format::eventText(refused),
             QStringLiteral("fd 1030 >= FD_SETSIZE（1024）：select() 无法监视它"));
    QCoreApplication::removeTranslator(&translator);
}

// An engine error reaches the status bar in the user's language, nested sentences included:
// a second server on a busy port.
void TestUiModels::zhCnTranslatesTheEnginesErrors() {
    QTranslator translator;
    QVERIFY(translator.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("selectscope"),
                            QStringLiteral("_"), QStringLiteral(":/i18n")));
    QCoreApplication::installTranslator(&translator);
    EngineSession first;
    ss::EngineConfig config = echoConfig("127.0.0.1:0=echo");
    QVERIFY(first.start(config, nullptr));
    QTRY_VERIFY_WITH_TIMEOUT(listenerPort(first) != 0, 5000);
    const int port = listenerPort(first);
    config.listeners[0].endpoint.port = uint16_t(port);
    EngineSession second;
    QString error;
    QVERIFY(!second.start(config, &error));
    QCOMPARE(error,
             QStringLiteral("无法启动服务端：无法在 127.0.0.1:%1/tcp 上监听：端口 %1 已被占用")
                 .arg(port));
    ss::SocketEvent mode;
    mode.kind = ss::EventKind::Mode;
    mode.text = "slow motion";
    QCOMPARE(trace_format::eventText(mode), QStringLiteral("慢动作"));
    // Data is not a sentence: a peer address passes as it is.
    QCOMPARE(trace_format::engineText("127.0.0.1:40000"), QStringLiteral("127.0.0.1:40000"));
    QCoreApplication::removeTranslator(&translator);
}

#include "tst_ui_models.moc"
