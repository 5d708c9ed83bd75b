// SPDX-License-Identifier: GPL-3.0-or-later
// The client panel: the byte parser (every error message), ClientConnection against in-test
// servers on 127.0.0.1 (echo, sticky writes, urgent byte, half-close, reset, UDP, refused), the
// client list model under QAbstractItemModelTester, and a widget smoke test with a screenshot.
// Raw-socket servers are non-blocking and polled inside QTRY_*, so Qt's event loop keeps running.
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QNetworkDatagram>
#include <QPlainTextEdit>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUdpSocket>

#include <cerrno>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>

#include "ui/client/byte_parser.h"
#include "ui/client/client_connection.h"
#include "ui/client/client_list_model.h"
#include "ui/panels/client_panel.h"

namespace {

constexpr int kWaitMs = 5000;

// A listening socket on 127.0.0.1:0 whose accepted connections the test reads by hand.
class RawListener {
public:
    RawListener() {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        ::bind(m_fd, reinterpret_cast<sockaddr*>(&addr), len);
        ::listen(m_fd, 4);
        ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&addr), &len);
        m_port = ntohs(addr.sin_port);
        ::fcntl(m_fd, F_SETFL, O_NONBLOCK);
    }
    ~RawListener() {
        ::close(m_fd);
        if (m_peer >= 0) {
            ::close(m_peer);
        }
    }
    quint16 port() const { return m_port; }
    int peer() const { return m_peer; }
    bool tryAccept() {
        if (m_peer < 0) {
            m_peer = ::accept(m_fd, nullptr, nullptr);
            if (m_peer >= 0) {
                ::fcntl(m_peer, F_SETFL, O_NONBLOCK);
            }
        }
        return m_peer >= 0;
    }
    // One non-blocking recv(): appends to `received`; returns its result, errno in *error.
    ssize_t recvSome(QByteArray* received, int* error) {
        char buffer[4096];
        const ssize_t n = ::recv(m_peer, buffer, sizeof buffer, 0);
        *error = n < 0 ? errno : 0;
        if (n > 0) {
            received->append(buffer, n);
        }
        return n;
    }

private:
    int m_fd = -1;
    int m_peer = -1;
    quint16 m_port = 0;
};

bool inExceptionalSet(int fd) {
    fd_set except;
    FD_ZERO(&except);
    FD_SET(fd, &except);
    timeval zero{};
    return ::select(fd + 1, nullptr, nullptr, &except, &zero) == 1 && FD_ISSET(fd, &except);
}

quint16 unusedTcpPort() {
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();  // closed again when probe goes out of scope
}

QByteArray joined(const ClientConnection& c) {
    QByteArray all;
    for (const ReceivedChunk& chunk : c.history()) {
        all += chunk.bytes;
    }
    return all;
}

}  // namespace

class TstClientPanel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void parsesValidInput_data();
    void parsesValidInput();
    void reportsEveryError_data();
    void reportsEveryError();
    void formatsBytes();
    void printableRoundTrips();
    void parserSurvivesGarbage();
    void tcpEcho();
    void separateWritesArriveIntact();
    void repeatsAndCancels();
    void urgentByteReachesServer();
    void halfCloseLetsClientReceive();
    void abortSendsReset();
    void udpEchoKeepsDatagrams();
    void refusedConnectionIsReported();
    void udpRefusedIsReported();
    void historyIsCapped();
    void modelPassesTester();
    void panelSmoke();

private:
    ClientConnection* connectTcp(quint16 port);
    QTcpServer m_echo;
    QUdpSocket m_udpEcho;
};

void TstClientPanel::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);  // presets go to a test settings file
    QCoreApplication::setOrganizationName(QStringLiteral("SelectScopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_client_panel"));
    QVERIFY(m_echo.listen(QHostAddress::LocalHost, 0));
    connect(&m_echo, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* s = m_echo.nextPendingConnection()) {
            connect(s, &QTcpSocket::readyRead, s, [s] { s->write(s->readAll()); });
            connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
        }
    });
    QVERIFY(m_udpEcho.bind(QHostAddress::LocalHost, 0));
    connect(&m_udpEcho, &QUdpSocket::readyRead, this, [this] {
        while (m_udpEcho.hasPendingDatagrams()) {
            const QNetworkDatagram d = m_udpEcho.receiveDatagram();
            m_udpEcho.writeDatagram(d.data(), d.senderAddress(), d.senderPort());
        }
    });
}

ClientConnection* TstClientPanel::connectTcp(quint16 port) {
    auto* c = new ClientConnection(ClientConnection::Protocol::Tcp, this);
    c->connectToHost(QStringLiteral("127.0.0.1"), port);
    return c;
}

void TstClientPanel::parsesValidInput_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QByteArray>("bytes");
    const int text = int(InputMode::Text), hex = int(InputMode::Hex), esc = int(InputMode::Escaped);
    QTest::newRow("text utf8") << QStringLiteral("héllo") << text << QByteArray("h\xc3\xa9llo");
    QTest::newRow("text empty") << QString() << text << QByteArray();
    QTest::newRow("hex spaced") << QStringLiteral("68 65 6c") << hex << QByteArray("hel");
    QTest::newRow("hex packed") << QStringLiteral("68656c") << hex << QByteArray("hel");
    QTest::newRow("hex 0x each") << QStringLiteral("0x68 0X65 0x6c") << hex << QByteArray("hel");
    QTest::newRow("hex 0x run") << QStringLiteral("0x68656c") << hex << QByteArray("hel");
    QTest::newRow("hex case") << QStringLiteral("DEADbeef") << hex
                              << QByteArray("\xde\xad\xbe\xef");
    QTest::newRow("hex whitespace") << QStringLiteral("\t6 8\n65 ") << hex << QByteArray("he");
    QTest::newRow("hex empty") << QStringLiteral("   ") << hex << QByteArray();
    QTest::newRow("esc simple") << QStringLiteral("a\\n\\r\\t\\0\\\\") << esc
                                << QByteArray("a\n\r\t\0\\", 6);
    QTest::newRow("esc quotes") << QStringLiteral("\\'\\\"") << esc << QByteArray("'\"");
    QTest::newRow("esc x") << QStringLiteral("\\x41\\x7A\\xff") << esc << QByteArray("Az\xff");
    QTest::newRow("esc u") << QStringLiteral("\\u00e9\\u20AC") << esc
                           << QByteArray("\xc3\xa9\xe2\x82\xac");
    QTest::newRow("esc pair") << QStringLiteral("\\ud83d\\ude00") << esc
                              << QByteArray("\xf0\x9f\x98\x80");
    QTest::newRow("esc literal") << QStringLiteral("é x") << esc << QByteArray("\xc3\xa9 x");
}

void TstClientPanel::parsesValidInput() {
    QFETCH(QString, text);
    QFETCH(int, mode);
    QFETCH(QByteArray, bytes);
    QString error = QStringLiteral("stale");
    QCOMPARE(parseBytes(text, static_cast<InputMode>(mode), &error), bytes);
    QCOMPARE(error, QString());
}

void TstClientPanel::reportsEveryError_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("message");
    const int hex = int(InputMode::Hex), esc = int(InputMode::Escaped);
    QTest::newRow("hex bad digit")
        << QStringLiteral("68 6g") << hex
        << QStringLiteral("'g' at position 5 is not a hex digit (0-9, a-f).");
    QTest::newRow("hex non-ascii")
        << QStringLiteral("68é") << hex
        << QStringLiteral("U+00E9 at position 3 is not a hex digit (0-9, a-f).");
    QTest::newRow("hex odd")
        << QStringLiteral("68 6") << hex
        << QStringLiteral("Odd number of hex digits: the digit '6' at position 4 has no partner.");
    QTest::newRow("hex 0x splits byte")
        << QStringLiteral("6 0x8") << hex
        << QStringLiteral("Odd number of hex digits: the digit '6' at position 1 has no partner.");
    QTest::newRow("hex bare 0x") << QStringLiteral("68 0x") << hex
                                 << QStringLiteral(
                                        "The 0x at position 4 is not followed by "
                                        "hex digits.");
    QTest::newRow("esc trailing backslash")
        << QStringLiteral("ab\\") << esc
        << QStringLiteral(
               "The input ends with a lone backslash at position 3; write \\\\ for a "
               "backslash.");
    QTest::newRow("esc unknown")
        << QStringLiteral("a\\q") << esc
        << QStringLiteral("Unknown escape \\q at position 2; write \\\\ for a backslash.");
    QTest::newRow("esc short x")
        << QStringLiteral("\\x4") << esc
        << QStringLiteral("\\x at position 1 needs exactly two hex digits, e.g. \\x0a.");
    QTest::newRow("esc bad x")
        << QStringLiteral("\\xZZ") << esc
        << QStringLiteral("\\x at position 1 needs exactly two hex digits, e.g. \\x0a.");
    QTest::newRow("esc short u")
        << QStringLiteral("\\u12") << esc
        << QStringLiteral("\\u at position 1 needs exactly four hex digits, e.g. \\u00e9.");
    const QString half =
        QStringLiteral("\\u%1 at position %2 is half of a surrogate pair and cannot stand alone.");
    QTest::newRow("esc lone high") << QStringLiteral("\\ud83d") << esc << half.arg("d83d").arg(1);
    QTest::newRow("esc lone low") << QStringLiteral("x\\uDE00") << esc << half.arg("DE00").arg(2);
    QTest::newRow("esc high+bmp") << QStringLiteral("\\ud83d\\u0041") << esc
                                  << half.arg("d83d").arg(1);
}

void TstClientPanel::reportsEveryError() {
    QFETCH(QString, text);
    QFETCH(int, mode);
    QFETCH(QString, message);
    QString error;
    QCOMPARE(parseBytes(text, static_cast<InputMode>(mode), &error), QByteArray());
    QCOMPARE(error, message);
}

void TstClientPanel::formatsBytes() {
    QCOMPARE(toHexDump("hello"), QStringLiteral("68 65 6c 6c 6f"));
    QCOMPARE(toHexDump({}), QString());
    QCOMPARE(toPrintable("hello\r\n"), QStringLiteral("hello\\r\\n"));
    QCOMPARE(toPrintable(QByteArray("a\0b\\", 4)), QStringLiteral("a\\0b\\\\"));
    QCOMPARE(toPrintable("\xc3\xa9t\xc3\xa9 \xf0\x9f\x98\x80"), QStringLiteral("été 😀"));
    QCOMPARE(toPrintable("\xff\x7f"), QStringLiteral("\\xff\\x7f"));
    QCOMPARE(toPrintable("\xc0\xaf"), QStringLiteral("\\xc0\\xaf"));           // overlong
    QCOMPARE(toPrintable("\xed\xa0\x80"), QStringLiteral("\\xed\\xa0\\x80"));  // surrogate
    QCOMPARE(toPrintable("ok\xe2\x82"), QStringLiteral("ok\\xe2\\x82"));       // truncated
    QCOMPARE(toPrintable("\xc2\x85"), QStringLiteral("\\u0085"));              // C1 control
    QCOMPARE(toPrintable("\xef\xbb\xbf"
                         "a"
                         "\xef\xbb\xbf"),
             QStringLiteral("\\ufeffa\\ufeff"));  // BOM
    QCOMPARE(utf8SequenceLength(nullptr, 0), 0);
    QCOMPARE(utf8SequenceLength("\xf4\x8f\xbf\xbf", 4), 4);
    QCOMPARE(utf8SequenceLength("\xf4\x90\x80\x80", 4), 0);  // beyond U+10FFFF
    QCOMPARE(utf8SequenceLength("\xf0\x9f\x98", 3), 0);      // would read past the end
}

void TstClientPanel::printableRoundTrips() {
    QRandomGenerator random(42);
    for (int i = 0; i < 2000; ++i) {
        QByteArray bytes(static_cast<int>(random.bounded(24)), '\0');
        for (char& b : bytes) {
            b = static_cast<char>(random.bounded(256));
        }
        QString error;
        QCOMPARE(parseBytes(toPrintable(bytes), InputMode::Escaped, &error), bytes);
        QCOMPARE(error, QString());
    }
}

void TstClientPanel::parserSurvivesGarbage() {
    // A small in-test fuzz pass over the characters the parsers treat specially.
    const char16_t alphabet[] = {'\\', 'x', 'u', 'U', '0',    '9',    'a',    'f',    'g', ' ',
                                 'd',  'D', 'e', 'X', 0xD800, 0xDC00, 0xDBFF, 0xFFFF, 0};
    QRandomGenerator random(7);
    for (int i = 0; i < 20000; ++i) {
        QString text;
        const int length = static_cast<int>(random.bounded(14));
        for (int k = 0; k < length; ++k) {
            text += QChar(alphabet[random.bounded(int(std::size(alphabet)))]);
        }
        for (InputMode mode : {InputMode::Text, InputMode::Hex, InputMode::Escaped}) {
            QString error;
            const QByteArray bytes = parseBytes(text, mode, &error);
            QVERIFY(error.isEmpty() || bytes.isEmpty());
            toPrintable(bytes);
        }
    }
}

void TstClientPanel::tcpEcho() {
    ClientConnection* c = connectTcp(m_echo.serverPort());
    QSignalSpy data(c, &ClientConnection::dataReceived);
    QTRY_COMPARE_WITH_TIMEOUT(c->state(), ClientConnection::State::Connected, kWaitMs);
    QVERIFY(c->localPort() != 0);
    QVERIFY(c->sendBytes("hello\n"));
    QTRY_COMPARE_WITH_TIMEOUT(data.size(), 1, kWaitMs);
    const auto chunk = data.at(0).at(0).value<ReceivedChunk>();
    QCOMPARE(chunk.bytes, QByteArray("hello\n"));
    QCOMPARE(chunk.readNumber, 1);
    QCOMPARE(c->bytesSent(), 6);
    QCOMPARE(c->bytesReceived(), 6);
    c->close();
    QTRY_COMPARE_WITH_TIMEOUT(c->state(), ClientConnection::State::Closed, kWaitMs);
    delete c;
}

void TstClientPanel::separateWritesArriveIntact() {
    ClientConnection* c = connectTcp(m_echo.serverPort());
    QTRY_COMPARE_WITH_TIMEOUT(c->state(), ClientConnection::State::Connected, kWaitMs);
    QVERIFY(c->sendBytes("abcdefghij", 3));  // pieces of 4, 3 and 3 bytes
    QTRY_COMPARE_WITH_TIMEOUT(joined(*c), QByteArray("abcdefghij"), kWaitMs);
    QCOMPARE(c->bytesSent(), 10);
    QVERIFY(c->sendBytes("xy", 50));  // more pieces than bytes: one byte each
    QTRY_COMPARE_WITH_TIMEOUT(joined(*c), QByteArray("abcdefghijxy"), kWaitMs);
    delete c;
}

void TstClientPanel::repeatsAndCancels() {
    ClientConnection* c = connectTcp(m_echo.serverPort());
    QSignalSpy progress(c, &ClientConnection::repeatProgressed);
    QTRY_COMPARE_WITH_TIMEOUT(c->state(), ClientConnection::State::Connected, kWaitMs);
    c->sendRepeated("r", 4, 5);
    QTRY_COMPARE_WITH_TIMEOUT(joined(*c), QByteArray("rrrr"), kWaitMs);
    QVERIFY(!c->isRepeating());
    QCOMPARE(progress.last().at(0).toInt(), 4);
    c->sendRepeated("s", 1000, 60000);  // one now, the next a minute later
    QVERIFY(c->isRepeating());
    c->cancelRepeat();
    QVERIFY(!c->isRepeating());
    QTRY_COMPARE_WITH_TIMEOUT(joined(*c), QByteArray("rrrrs"), kWaitMs);
    QCOMPARE(c->bytesSent(), 5);
    delete c;
}

void TstClientPanel::urgentByteReachesServer() {
    RawListener server;
    ClientConnection* c = connectTcp(server.port());
    QTRY_VERIFY_WITH_TIMEOUT(server.tryAccept(), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(c->state(), ClientConnection::State::Connected, kWaitMs);
    QVERIFY(c->sendBytes("ab"));
    QVERIFY(c->sendUrgentByte('!'));
    // select() reports pending urgent data in the exceptional set; MSG_OOB reads it.
    QTRY_VERIFY_WITH_TIMEOUT(inExceptionalSet(server.peer()), kWaitMs);
    char oob = 0;
    // QTRY_* evaluates its condition once more after success: keep the first result.
    ssize_t oobResult = -1;
    const auto readOob = [&] {
        if (oobResult != 1) {
            oobResult = ::recv(server.peer(), &oob, 1, MSG_OOB);
        }
        return oobResult == 1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(readOob(), kWaitMs);
    QCOMPARE(oob, '!');
    QByteArray normal;
    int error = 0;
    QTRY_VERIFY_WITH_TIMEOUT((server.recvSome(&normal, &error), normal == "ab"), kWaitMs);
    QCOMPARE(c->bytesSent(), 3);
    delete c;
}

void TstClientPanel::halfCloseLetsClientReceive() {
    RawListener server;
    ClientConnection* c = connectTcp(server.port());
    QTRY_VERIFY_WITH_TIMEOUT(server.tryAccept(), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(c->state(), ClientConnection::State::Connected, kWaitMs);
    QVERIFY(c->sendBytes("last words"));
    QVERIFY(c->halfClose());
    QCOMPARE(c->state(), ClientConnection::State::HalfClosed);
    QByteArray received;
    int error = 0;
    QTRY_VERIFY_WITH_TIMEOUT(server.recvSome(&received, &error) == 0, kWaitMs);  // EOF
    QCOMPARE(received, QByteArray("last words"));
    QVERIFY(!c->sendBytes("more"));  // our side is shut
    QCOMPARE(::send(server.peer(), "reply", 5, MSG_NOSIGNAL), ssize_t(5));
    QTRY_COMPARE_WITH_TIMEOUT(joined(*c), QByteArray("reply"), kWaitMs);
    QCOMPARE(c->state(), ClientConnection::State::HalfClosed);
    ::shutdown(server.peer(), SHUT_WR);
    QTRY_COMPARE_WITH_TIMEOUT(c->state(), ClientConnection::State::Closed, kWaitMs);
    delete c;
}

void TstClientPanel::abortSendsReset() {
    RawListener server;
    ClientConnection* c = connectTcp(server.port());
    QTRY_VERIFY_WITH_TIMEOUT(server.tryAccept(), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(c->state(), ClientConnection::State::Connected, kWaitMs);
    c->abort();
    QCOMPARE(c->state(), ClientConnection::State::Closed);
    QByteArray received;
    int error = 0;
    bool failed = false;  // sticky: a second recv() after the reset would return 0
    const auto recvFails = [&] {
        failed = failed || (server.recvSome(&received, &error) < 0 && error != EAGAIN);
        return failed;
    };
    QTRY_VERIFY_WITH_TIMEOUT(recvFails(), kWaitMs);
    QCOMPARE(error, ECONNRESET);
    delete c;
}

void TstClientPanel::udpEchoKeepsDatagrams() {
    auto* c = new ClientConnection(ClientConnection::Protocol::Udp, this);
    c->connectToHost(QStringLiteral("127.0.0.1"), m_udpEcho.localPort());
    QTRY_COMPARE_WITH_TIMEOUT(c->state(), ClientConnection::State::Connected, kWaitMs);
    QVERIFY(c->sendBytes("ping"));
    QTRY_COMPARE_WITH_TIMEOUT(c->history().size(), size_t(1), kWaitMs);
    QCOMPARE(c->history().front().bytes, QByteArray("ping"));
    QVERIFY(c->sendBytes("abcdef", 3));  // three datagrams, three reads
    QTRY_COMPARE_WITH_TIMEOUT(c->history().size(), size_t(4), kWaitMs);
    QCOMPARE(c->history().at(1).bytes, QByteArray("ab"));
    QCOMPARE(c->history().at(3).bytes, QByteArray("ef"));
    QVERIFY(!c->sendUrgentByte('!'));
    QCOMPARE(c->lastError(), QStringLiteral("Urgent data and half-close exist only for TCP."));
    delete c;
}

void TstClientPanel::refusedConnectionIsReported() {
    const quint16 port = unusedTcpPort();
    auto* c = new ClientConnection(ClientConnection::Protocol::Tcp, this);
    QSignalSpy errors(c, &ClientConnection::errorOccurred);
    c->connectToHost(QStringLiteral("127.0.0.1"), port);
    QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, kWaitMs);
    QCOMPARE(errors.at(0).at(0).toString(),
             QStringLiteral("Connection refused by 127.0.0.1:%1.").arg(port));
    QCOMPARE(c->state(), ClientConnection::State::Error);
    QVERIFY(!c->sendBytes("x"));
    delete c;
}

void TstClientPanel::udpRefusedIsReported() {
    // With a connected UDP socket the kernel reports the ICMP "port unreachable" to us.
    QUdpSocket probe;
    QVERIFY(probe.bind(QHostAddress::LocalHost, 0));
    const quint16 port = probe.localPort();
    probe.close();
    auto* c = new ClientConnection(ClientConnection::Protocol::Udp, this);
    QSignalSpy errors(c, &ClientConnection::errorOccurred);
    c->connectToHost(QStringLiteral("127.0.0.1"), port);
    QTRY_COMPARE_WITH_TIMEOUT(c->state(), ClientConnection::State::Connected, kWaitMs);
    QVERIFY(c->sendBytes("anyone?"));
    QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, kWaitMs);
    QCOMPARE(errors.at(0).at(0).toString(),
             QStringLiteral("Connection refused by 127.0.0.1:%1: no UDP server listens there.")
                 .arg(port));
    QCOMPARE(c->state(), ClientConnection::State::Connected);  // UDP stays usable
    delete c;
}

void TstClientPanel::historyIsCapped() {
    QTcpServer flood;
    QVERIFY(flood.listen(QHostAddress::LocalHost, 0));
    constexpr qsizetype total = ClientConnection::kHistoryLimitBytes * 3 / 2;
    connect(&flood, &QTcpServer::newConnection, this,
            [&flood] { flood.nextPendingConnection()->write(QByteArray(total, 'z')); });
    ClientConnection* c = connectTcp(flood.serverPort());
    QTRY_COMPARE_WITH_TIMEOUT(c->bytesReceived(), total, kWaitMs);
    qsizetype kept = joined(*c).size();
    QVERIFY(c->droppedHistoryBytes() > 0);
    QCOMPARE(kept + c->droppedHistoryBytes(), total);
    QVERIFY(kept <= ClientConnection::kHistoryLimitBytes || c->history().size() == 1);
    delete c;
}

void TstClientPanel::modelPassesTester() {
    ClientListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    auto* tcp = new ClientConnection(ClientConnection::Protocol::Tcp);
    auto* refused = new ClientConnection(ClientConnection::Protocol::Tcp);
    QCOMPARE(model.addClient(tcp), 1);
    QCOMPARE(model.addClient(refused), 2);
    tcp->connectToHost(QStringLiteral("127.0.0.1"), m_echo.serverPort());
    refused->connectToHost(QStringLiteral("127.0.0.1"), unusedTcpPort());
    QTRY_COMPARE_WITH_TIMEOUT(tcp->state(), ClientConnection::State::Connected, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(refused->state(), ClientConnection::State::Error, kWaitMs);
    const auto cell = [&model](int row, ClientListModel::Column column) {
        return model.index(row, static_cast<int>(column)).data().toString();
    };
    QCOMPARE(cell(0, ClientListModel::Column::Id), QStringLiteral("#1"));
    QCOMPARE(cell(0, ClientListModel::Column::Protocol), QStringLiteral("TCP"));
    QCOMPARE(cell(0, ClientListModel::Column::State), QStringLiteral("Connected"));
    QCOMPARE(cell(1, ClientListModel::Column::State), QStringLiteral("Error"));
    tcp->sendBytes("12345");
    QTRY_COMPARE_WITH_TIMEOUT(cell(0, ClientListModel::Column::Received), QStringLiteral("5"),
                              kWaitMs);
    QCOMPARE(cell(0, ClientListModel::Column::Sent), QStringLiteral("5"));
    QVERIFY(changed.size() >= 3);
    QCOMPARE(model.removeFinished(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.idAt(0), 1);
    QCOMPARE(reset.size(), 0);
}

void TstClientPanel::panelSmoke() {
    ClientPanel panel;
    QFont projector = panel.font();
    projector.setPointSizeF(14.0);  // what MainWindow applies for a projector
    panel.setFont(projector);
    panel.resize(1100, 820);
    QSignalSpy status(&panel, &ClientPanel::statusMessage);
    panel.setDefaultTarget(QStringLiteral("127.0.0.1"), m_echo.serverPort());
    panel.connectClient();
    ClientConnection* c = panel.model()->connectionAt(0);
    QVERIFY(c);
    QCOMPARE(panel.selectedClientId(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(c->state(), ClientConnection::State::Connected, kWaitMs);
    auto* input = panel.findChild<QLineEdit*>(QStringLiteral("inputEdit"));
    auto* mode = panel.findChild<QComboBox*>(QStringLiteral("modeCombo"));
    auto* view = panel.findChild<QPlainTextEdit*>(QStringLiteral("receivedView"));
    QVERIFY(input && mode && view);
    mode->setCurrentIndex(int(InputMode::Hex));
    input->setText(QStringLiteral("68 6g"));
    panel.sendInput();
    QVERIFY(status.last().at(0).toString().startsWith(QStringLiteral("Cannot send: 'g'")));
    mode->setCurrentIndex(int(InputMode::Escaped));
    input->setText(QStringLiteral("hello\\n"));
    panel.sendInput();
    QTRY_VERIFY_WITH_TIMEOUT(view->toPlainText().contains(QStringLiteral("hello\\n")), kWaitMs);
    input->setText(QStringLiteral("caf\\u00e9 \\xff"));
    panel.sendInput();
    QTRY_VERIFY_WITH_TIMEOUT(view->toPlainText().contains(QStringLiteral("── read 2")), kWaitMs);
    auto* presets = panel.findChild<QComboBox*>(QStringLiteral("presetCombo"));
    presets->setCurrentText(QStringLiteral("echo hello"));
    panel.savePreset();
    QCOMPARE(presets->count(), 1);
    panel.setDefaultTarget(QStringLiteral("127.0.0.1"), unusedTcpPort());
    panel.connectClient();  // a refused client, so the list shows an Error row
    QTRY_VERIFY_WITH_TIMEOUT(status.last().at(0).toString().contains("Connection refused"),
                             kWaitMs);
    panel.setDefaultTarget(QStringLiteral("127.0.0.1"), m_udpEcho.localPort());
    panel.findChild<QComboBox*>(QStringLiteral("protocolCombo"))->setCurrentIndex(1);
    panel.connectClient();
    QTRY_COMPARE_WITH_TIMEOUT(panel.model()->connectionAt(2)->state(),
                              ClientConnection::State::Connected, kWaitMs);
    panel.model()->connectionAt(2)->sendBytes("ping");
    QTRY_COMPARE_WITH_TIMEOUT(panel.model()->connectionAt(2)->bytesReceived(), 4, kWaitMs);
    // Show the TCP client in the screenshot: it has the most interesting received view.
    panel.findChild<QTableView*>()->selectRow(0);
    QCOMPARE(panel.selectedClientId(), 1);
    QVERIFY(view->toPlainText().contains(QStringLiteral("caf\u00e9 \\xff")));
    QVERIFY(panel.grab().save(QStringLiteral("/tmp/client_panel.png")));
    presets->setCurrentText(QStringLiteral("echo hello"));
    panel.deletePreset();
    QCOMPARE(presets->count(), 0);
}

QTEST_MAIN(TstClientPanel)
#include "tst_client_panel.moc"
