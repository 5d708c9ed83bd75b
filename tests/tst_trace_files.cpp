// SPDX-License-Identifier: GPL-3.0-or-later
// The files the window writes of a live server: File > Record (a recording, opened again as a
// RecordingSource and checked against what the clients did) and File > Save trace as (the call
// list and the event log as JSON Lines or CSV, checked line for line against each other and
// against the bytes a client sent). The window's server is an echo server on loopback.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/support/window_echo.h"
#include "ui/engine_session.h"
#include "ui/main_window.h"
#include "ui/models/call_trace_model.h"
#include "ui/models/event_log_model.h"
#include "ui/recording_source.h"
#include "ui/trace_recorder.h"

using namespace window_echo;

namespace {

void waitIndexed(RecordingSource& source) {
    QTRY_VERIFY_WITH_TIMEOUT(!source.indexing(), kWaitMs);
}

// RFC 4180 rows: quoted cells may hold commas, doubled quotes and line breaks.
QList<QStringList> parseCsv(const QString& text) {
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"'))
                cell += text[++i];
            else if (c == QLatin1Char('"'))
                quoted = false;
            else
                cell += c;
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row.append(cell);
            cell.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() &&
                   text[i + 1] == QLatin1Char('\n')) {
            row.append(cell);
            rows.append(row);
            row.clear();
            cell.clear();
            ++i;
        } else {
            cell += c;
        }
    }
    return rows;
}

QString setCell(const QJsonValue& set) {
    if (set.isNull())
        return QStringLiteral("NULL");
    QStringList fds;
    for (const QJsonValue fd : set.toArray())
        fds.append(QString::number(fd.toInt()));
    return fds.join(QLatin1Char(' '));
}

}  // namespace

class TestTraceFiles : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void windowRecordsFromTheNextStart();
    void windowRecordsWhileTheServerRuns();
    void savesTheListsAsJsonLinesAndCsv();
    void saveNamesAPathItCannotWrite();

private:
    QTemporaryDir m_dir;
};

// File > Record before the server starts: the recording is the whole run, from its start line
// to its summary, and replays to what the client did.
void TestTraceFiles::windowRecordsFromTheNextStart() {
    WindowOptions options;
    options.useSettings = false;
    MainWindow window(options);
    const QString path = m_dir.filePath(QStringLiteral("window-run.jsonl"));
    QVERIFY(window.startRecording(path));
    TraceRecorder* recorder = qobject_cast<EngineSession*>(window.session())->recorder();
    QCOMPARE(recorder->state(), TraceRecorder::State::WaitingForStart);
    QVERIFY(window.startServer(echoServer()));
    QCOMPARE(recorder->state(), TraceRecorder::State::Recording);
    QTcpSocket client;
    client.connectToHost(QStringLiteral("127.0.0.1"), listenerPort(window));
    QVERIFY(client.waitForConnected(kWaitMs));
    echo(client, "hello");
    client.disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(window.session()->lastStats().closed, uint64_t(1), kWaitMs);
    window.stopServer();
    QCOMPARE(recorder->state(), TraceRecorder::State::Off);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QVERIFY(lines.first().startsWith("{\"type\":\"start\",\"backend\":"));
    QVERIFY(!lines.first().contains("descriptors"));
    QVERIFY(lines[1].contains("\"kind\":\"listen\""));
    QVERIFY(lines.last().startsWith("{\"type\":\"summary\""));
    RecordingSource source;
    QVERIFY(source.open(path));
    waitIndexed(source);
    QCOMPARE(source.damage(), QString());
    source.seek(source.callCount());
    QCOMPARE(source.lastStats().accepted, uint64_t(1));
    QCOMPARE(source.lastStats().closed, uint64_t(1));
    QCOMPARE(source.lastStats().bytesIn, uint64_t(5));
    QCOMPARE(source.lastStats().bytesOut, uint64_t(5));
}

// File > Record while a client is connected: the start line lists it with the bytes it had sent,
// and the replay adds what came after, once: no byte is lost or counted twice.
void TestTraceFiles::windowRecordsWhileTheServerRuns() {
    WindowOptions options;
    options.useSettings = false;
    MainWindow window(options);
    QVERIFY(window.startServer(echoServer()));
    const quint16 port = listenerPort(window);
    QTcpSocket a;
    a.connectToHost(QStringLiteral("127.0.0.1"), port);
    QVERIFY(a.waitForConnected(kWaitMs));
    const QString peerA = QStringLiteral("127.0.0.1:%1").arg(a.localPort());
    echo(a, "one");
    QTRY_COMPARE_WITH_TIMEOUT(window.session()->lastStats().bytesOut, uint64_t(3), kWaitMs);
    const QString path = m_dir.filePath(QStringLiteral("window-midway.jsonl"));
    QVERIFY(window.startRecording(path));
    TraceRecorder* recorder = qobject_cast<EngineSession*>(window.session())->recorder();
    QTRY_COMPARE_WITH_TIMEOUT(recorder->state(), TraceRecorder::State::Recording, kWaitMs);
    echo(a, "two!");
    QTcpSocket b;
    b.connectToHost(QStringLiteral("127.0.0.1"), port);
    QVERIFY(b.waitForConnected(kWaitMs));
    const QString peerB = QStringLiteral("127.0.0.1:%1").arg(b.localPort());
    echo(b, "three");
    QTRY_COMPARE_WITH_TIMEOUT(window.session()->lastStats().bytesOut, uint64_t(12), kWaitMs);
    window.stopRecording();
    QCOMPARE(recorder->state(), TraceRecorder::State::Off);
    window.stopServer();

    RecordingSource source;
    QVERIFY(source.open(path));
    waitIndexed(source);
    QCOMPARE(source.damage(), QString());
    source.seek(0);
    const ss::DescriptorInfo* rowA = rowWithPeer(source, peerA);
    QVERIFY(rowA);
    QCOMPARE(rowA->bytesIn, uint64_t(3));
    QVERIFY(!rowWithPeer(source, peerB));
    source.seek(source.callCount());
    rowA = rowWithPeer(source, peerA);
    QVERIFY(rowA);
    QCOMPARE(rowA->bytesIn, uint64_t(3 + 4));
    QCOMPARE(rowA->bytesOut, uint64_t(3 + 4));
    const ss::DescriptorInfo* rowB = rowWithPeer(source, peerB);
    QVERIFY(rowB);
    QCOMPARE(rowB->bytesIn, uint64_t(5));
    QCOMPARE(source.lastStats().accepted, uint64_t(1));  // B; A was accepted before
}

// A select() echo server, one client that sends a message with a comma, quotes and a line
// break, then closes. Both files hold every row of both lists, in time order; the CSV says what
// the JSON says, set by set; the recv is there with the client's bytes.
void TestTraceFiles::savesTheListsAsJsonLinesAndCsv() {
    WindowOptions options;
    options.useSettings = false;
    MainWindow window(options);
    ss::EngineConfig config = echoServer();
    config.backend = ss::BackendKind::Select;
    QVERIFY(window.startServer(config));
    const QByteArray message = "one, \"two\"\nthree";
    QTcpSocket client;
    client.connectToHost(QStringLiteral("127.0.0.1"), listenerPort(window));
    QVERIFY(client.waitForConnected(kWaitMs));
    echo(client, message);
    client.disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(window.session()->lastStats().closed, uint64_t(1), kWaitMs);
    window.stopServer();
    const int calls = window.callTraceModel()->rowCount();
    const int events = window.eventLogModel()->rowCount();
    QVERIFY(calls >= 3);  // the accept, the recv and the close each end a wait

    const QString jsonPath = m_dir.filePath(QStringLiteral("saved.jsonl"));
    QVERIFY(window.saveTrace(jsonPath));
    QFile jsonFile(jsonPath);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    QList<QJsonObject> lines;
    for (const QByteArray& line : jsonFile.readAll().trimmed().split('\n')) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
        lines.append(doc.object());
    }
    QCOMPARE(lines.size(), calls + events);
    int callLines = 0, recvs = 0;
    double lastTime = 0;
    for (const QJsonObject& line : lines) {
        QVERIFY(line[QStringLiteral("t_us")].toDouble() >= lastTime);
        lastTime = line[QStringLiteral("t_us")].toDouble();
        callLines += line[QStringLiteral("type")] == QStringLiteral("call");
        if (line[QStringLiteral("kind")] == QStringLiteral("recv")) {
            ++recvs;
            QCOMPARE(line[QStringLiteral("preview")].toString().toUtf8(), message);
        }
    }
    QCOMPARE(callLines, calls);
    QCOMPARE(recvs, 1);
    QCOMPARE(lines.first()[QStringLiteral("kind")], QStringLiteral("listen"));

    const QString csvPath = m_dir.filePath(QStringLiteral("saved.CSV"));
    QVERIFY(window.saveTrace(csvPath));
    QFile csvFile(csvPath);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(csvFile.readAll()));
    QCOMPARE(rows.size(), 1 + lines.size());
    const QStringList header = rows.first();
    const auto column = [&](int row, const char* key) {
        const qsizetype at = header.indexOf(QLatin1String(key));
        return at < 0 ? QStringLiteral("<no column %1>").arg(QLatin1String(key)) : rows[row][at];
    };
    for (int i = 0; i < lines.size(); ++i) {
        const QJsonObject& line = lines[i];
        QCOMPARE(rows[i + 1].size(), header.size());
        QCOMPARE(column(i + 1, "type"), line[QStringLiteral("type")].toString());
        QCOMPARE(column(i + 1, "n"), QString::number(line[QStringLiteral("n")].toInt()));
        if (line[QStringLiteral("type")] == QStringLiteral("call")) {
            const QJsonObject in = line[QStringLiteral("in")].toObject();
            const QJsonObject ready = line[QStringLiteral("ready")].toObject();
            QCOMPARE(column(i + 1, "in_read"), setCell(in[QStringLiteral("read")]));
            QCOMPARE(column(i + 1, "in_write"), setCell(in[QStringLiteral("write")]));
            QCOMPARE(column(i + 1, "ready_read"), setCell(ready[QStringLiteral("read")]));
            QCOMPARE(column(i + 1, "ready_write"), setCell(ready[QStringLiteral("write")]));
        } else if (line[QStringLiteral("kind")] == QStringLiteral("recv")) {
            QCOMPARE(column(i + 1, "preview").toUtf8(), message);
            QCOMPARE(column(i + 1, "bytes"), QString::number(message.size()));
        } else if (line[QStringLiteral("kind")] == QStringLiteral("accept")) {
            QCOMPARE(column(i + 1, "listener_fd"),
                     QString::number(line[QStringLiteral("listener_fd")].toInt()));
        }
    }
    // The first wait, on the listener alone, passes select() no write set: NULL, as strace says.
    int firstCall = 1;
    while (column(firstCall, "type") != QStringLiteral("call"))
        ++firstCall;
    QCOMPARE(column(firstCall, "in_write"), QStringLiteral("NULL"));
    QCOMPARE(column(firstCall, "backend"), QStringLiteral("select"));
}

void TestTraceFiles::saveNamesAPathItCannotWrite() {
    WindowOptions options;
    options.useSettings = false;
    MainWindow window(options);
    const QString path = m_dir.filePath(QStringLiteral("no-such-folder/trace.jsonl"));
    QString error;
    QVERIFY(!window.saveTrace(path, &error));
    QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
    QVERIFY(!QFile::exists(path));
}

QTEST_MAIN(TestTraceFiles)
#include "tst_trace_files.moc"
