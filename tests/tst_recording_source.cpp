// SPDX-License-Identifier: GPL-3.0-or-later
// Replaying a recording in the window: the real headless binary records an echo server on
// loopback while two clients talk to it; the recording is then opened as a TraceSource. The
// descriptor table, the counters and the records at each position are checked against what the
// clients did, stepping back is checked against seeking, and a damaged copy opens up to the
// damage with the line named.
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSlider>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include <csignal>

#include "core/poller/poller.h"
#include "tests/support/window_echo.h"
#include "ui/main_window.h"
#include "ui/models/descriptor_table_model.h"
#include "ui/panels/replay_bar.h"
#include "ui/recording_source.h"

using namespace window_echo;

namespace {

struct Row {
    int fd;
    QString peer;
    quint64 in, out;
    int interest, ready;
    bool operator==(const Row& o) const {
        return fd == o.fd && peer == o.peer && in == o.in && out == o.out &&
               interest == o.interest && ready == o.ready;
    }
};

QList<Row> rowsOf(const RecordingSource& source) {
    QList<Row> rows;
    for (const ss::DescriptorInfo& d : source.lastDescriptors())
        rows.append(
            {d.fd, QString::fromStdString(d.peer), d.bytesIn, d.bytesOut, d.interest, d.lastReady});
    return rows;
}

void waitIndexed(RecordingSource& source) {
    QTRY_VERIFY_WITH_TIMEOUT(!source.indexing(), kWaitMs);
}

}  // namespace

class TestRecordingSource : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void indexesEveryCall();
    void rebuildsTheDescriptorTable();
    void stepBackIsSeek();
    void jumpsToNumberAndTime();
    void playsToTheEnd();
    void damagedCopyOpensUpToTheDamage();
    void windowShowsTheRecording();

private:
    QTemporaryDir m_dir;
    QString m_path;
    QString m_peerA, m_peerB;
    int m_callLines = 0;
};

// selectscope --headless records an echo server while client A echoes "one" and closes, and B
// echoes "two" and "three"; the server stops on SIGTERM, which closes B.
void TestRecordingSource::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("session.jsonl"));
    QProcess server;
    server.setStandardOutputFile(m_path);
    server.start(QStringLiteral(SELECTSCOPE_BINARY),
                 {QStringLiteral("--headless"), QStringLiteral("--listen"),
                  QStringLiteral("127.0.0.1:0=echo"), QStringLiteral("--trace"),
                  QStringLiteral("all"), QStringLiteral("--timeout-ms"), QStringLiteral("100")});
    QVERIFY(server.waitForStarted(kWaitMs));
    QFile out(m_path);
    quint16 port = 0;
    // The listen event names the port the kernel chose.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            if (!out.isOpen() && !out.open(QIODevice::ReadOnly))
                return false;
            out.seek(0);
            const QByteArray text = out.readAll();
            const QRegularExpression listen(
                QStringLiteral("\"kind\":\"listen\".*127\\.0\\.0\\.1:(\\d+)/tcp"));
            const QRegularExpressionMatch m = listen.match(QString::fromUtf8(text));
            port = m.hasMatch() ? quint16(m.captured(1).toUInt()) : 0;
            return port != 0;
        }(),
        kWaitMs);
    QTcpSocket a, b;
    a.connectToHost(QStringLiteral("127.0.0.1"), port);
    QVERIFY(a.waitForConnected(kWaitMs));
    echo(a, "one");
    b.connectToHost(QStringLiteral("127.0.0.1"), port);
    QVERIFY(b.waitForConnected(kWaitMs));
    echo(b, "two");
    m_peerA = QStringLiteral("127.0.0.1:%1").arg(a.localPort());
    m_peerB = QStringLiteral("127.0.0.1:%1").arg(b.localPort());
    a.disconnectFromHost();
    echo(b, "three");  // the server has made calls after A's close by the time B has its reply
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            out.seek(0);
            return out.readAll().contains("\"reason\":\"peer-closed\"");
        }(),
        kWaitMs);
    ::kill(pid_t(server.processId()), SIGTERM);
    QVERIFY(server.waitForFinished(kWaitMs));
    QCOMPARE(server.exitCode(), 0);
    out.seek(0);
    for (const QByteArray& line : out.readAll().split('\n'))
        m_callLines += line.startsWith("{\"type\":\"call\"");
    QVERIFY(m_callLines >= 5);
}

void TestRecordingSource::indexesEveryCall() {
    RecordingSource source;
    QSignalSpy started(&source, &TraceSource::started);
    QVERIFY(source.open(m_path));
    waitIndexed(source);
    QCOMPARE(source.damage(), QString());
    QCOMPARE(int(source.callCount()), m_callLines);
    QCOMPARE(source.position(), size_t(1));  // the first call is shown once it is read
    QCOMPARE(started.count(), 1);
    QCOMPARE(source.callNumberAt(1), uint64_t(1));
    QCOMPARE(source.lastStats().waitCalls, uint64_t(1));
}

// The listener alone before A connects; A's row with its bytes while it is open; no connection
// once the server has stopped.
void TestRecordingSource::rebuildsTheDescriptorTable() {
    RecordingSource source;
    QVERIFY(source.open(m_path));
    waitIndexed(source);
    source.seek(0);
    QCOMPARE(source.lastDescriptors().size(), size_t(1));
    QCOMPARE(source.lastDescriptors()[0].role, ss::Role::Listener);
    QCOMPARE(int(source.lastDescriptors()[0].interest), int(ss::kRead));
    bool sawA = false, sawBothOpen = false;
    for (size_t p = 1; p <= source.callCount(); ++p) {
        source.seek(p);
        const ss::DescriptorInfo* a = rowWithPeer(source, m_peerA);
        if (a && a->bytesIn == 3) {
            QCOMPARE(a->bytesOut, uint64_t(3));
            QCOMPARE(a->role, ss::Role::Connection);
            sawA = true;
        }
        sawBothOpen = sawBothOpen || (a && rowWithPeer(source, m_peerB));
    }
    QVERIFY(sawA);
    QVERIFY(sawBothOpen);
    QVERIFY(!rowWithPeer(source, m_peerA));  // the end: every connection closed
    QVERIFY(!rowWithPeer(source, m_peerB));
    QCOMPARE(source.lastStats().accepted, uint64_t(2));
    QCOMPARE(source.lastStats().closed, uint64_t(2));
    QCOMPARE(source.lastStats().bytesIn, uint64_t(3 + 3 + 5));
    QCOMPARE(source.lastStats().bytesOut, uint64_t(3 + 3 + 5));
    QCOMPARE(source.lastStats().waitCalls, uint64_t(m_callLines));
}

// From any position, a step forward and a step back give what a seek to there gives, and the
// batch of a seek ends with the call at the new position.
void TestRecordingSource::stepBackIsSeek() {
    RecordingSource source;
    QVERIFY(source.open(m_path));
    waitIndexed(source);
    QSignalSpy batches(&source, &TraceSource::batchReady);
    for (size_t p = 1; p + 1 <= source.callCount(); ++p) {
        source.seek(p + 1);
        const QList<Row> atNext = rowsOf(source);
        const uint64_t callsAtNext = source.lastStats().waitCalls;
        QVERIFY(!batches.isEmpty());
        const TraceBatch last = batches.takeLast().at(0).value<TraceBatch>();
        QCOMPARE(last.calls.back().number, source.callNumberAt(p + 1));
        source.seek(p);
        const QList<Row> atThis = rowsOf(source);
        source.stepForward();
        QCOMPARE(source.position(), p + 1);
        QCOMPARE(rowsOf(source), atNext);
        QCOMPARE(source.lastStats().waitCalls, callsAtNext);
        source.stepBack();
        QCOMPARE(source.position(), p);
        QCOMPARE(rowsOf(source), atThis);
    }
}

void TestRecordingSource::jumpsToNumberAndTime() {
    RecordingSource source;
    QVERIFY(source.open(m_path));
    waitIndexed(source);
    const size_t third = 3;
    QVERIFY(source.jumpToCallNumber(source.callNumberAt(third)));
    QCOMPARE(source.position(), third);
    source.seek(0);
    QVERIFY(source.jumpToTimeNs(source.callTimeNsAt(third)));
    QCOMPARE(source.position(), third);
    QVERIFY(!source.jumpToCallNumber(uint64_t(m_callLines) + 1000));
    QVERIFY(!source.jumpToTimeNs(source.callTimeNsAt(1) - 1));
    QCOMPARE(source.position(), third);
}

// At 4x the recorded speed, play reaches the last call and stops there.
void TestRecordingSource::playsToTheEnd() {
    RecordingSource source;
    QVERIFY(source.open(m_path));
    waitIndexed(source);
    source.setSpeed(4);
    QSignalSpy playing(&source, &RecordingSource::playingChanged);
    source.resume();
    QVERIFY(source.isPlaying());
    QTRY_COMPARE_WITH_TIMEOUT(source.position(), source.callCount(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!source.isPlaying(), kWaitMs);
    QCOMPARE(playing.count(), 2);
}

// Line 6 cut in half: the calls before it are there, the message names the line.
void TestRecordingSource::damagedCopyOpensUpToTheDamage() {
    QFile original(m_path);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = original.readAll().split('\n');
    QVERIFY(lines.size() > 8);
    int callsBefore = 0;
    for (int i = 0; i < 5; ++i)
        callsBefore += lines[i].startsWith("{\"type\":\"call\"");
    lines[5] = lines[5].left(lines[5].size() / 2);
    const QString damaged = m_dir.filePath(QStringLiteral("damaged.jsonl"));
    QFile copy(damaged);
    QVERIFY(copy.open(QIODevice::WriteOnly));
    copy.write(lines.join('\n'));
    copy.close();
    RecordingSource source;
    QSignalSpy errors(&source, &TraceSource::errorOccurred);
    QVERIFY(source.open(damaged));
    waitIndexed(source);
    QVERIFY2(source.damage().startsWith(damaged + QStringLiteral(":6: not JSON")),
             qPrintable(source.damage()));
    QCOMPARE(errors.count(), 1);
    QCOMPARE(int(source.callCount()), callsBefore);
    source.seek(source.callCount());
    QCOMPARE(source.position(), source.callCount());
}

// --open in the window: the views follow the recording, the replay bar steps it back, and
// starting the server hands the views back to the engine.
void TestRecordingSource::windowShowsTheRecording() {
    WindowOptions options;
    options.useSettings = false;
    options.recordingPath = m_path;
    MainWindow window(options);
    window.show();
    RecordingSource* source = window.recording();
    waitIndexed(*source);
    QVERIFY(window.replayBar()->isVisible());
    source->seek(0);
    QTRY_COMPARE_WITH_TIMEOUT(window.descriptorModel()->rowCount(), 1, kWaitMs);
    window.replayBar()->slider()->setValue(int(source->callCount()));
    QTRY_COMPARE_WITH_TIMEOUT(source->position(), source->callCount(), kWaitMs);
    auto* back = window.replayBar()->findChild<QToolButton*>(QStringLiteral("replayBack"));
    QVERIFY(back);
    back->click();
    QCOMPARE(source->position(), source->callCount() - 1);
    QCOMPARE(window.replayBar()->slider()->value(), int(source->callCount() - 1));
    QVERIFY(window.startServer(echoServer()));
    QVERIFY(!source->isOpen());
    QVERIFY(!window.replayBar()->isVisible());
    window.stopServer();
}

QTEST_MAIN(TestRecordingSource)
#include "tst_recording_source.moc"
