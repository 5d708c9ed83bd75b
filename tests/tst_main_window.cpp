// SPDX-License-Identifier: GPL-3.0-or-later
// The main window end to end, offscreen: a server started from the server panel, a client from
// the client panel, pause and step, backpressure in the descriptor table, the proxies under
// QAbstractItemModelTester, and the dock layout saved and restored. Every wait is bounded.
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <memory>
#include <vector>

#include "core/server/listener_spec.h"
#include "ui/client/client_connection.h"
#include "ui/client/client_list_model.h"
#include "ui/main_window.h"
#include "ui/models/call_trace_model.h"
#include "ui/models/descriptor_table_model.h"
#include "ui/models/event_filter_proxy.h"
#include "ui/panels/client_panel.h"
#include "ui/panels/server_panel.h"
#include "ui/trace_source.h"
#include "ui/views/descriptor_view.h"
#include "ui/views/event_log_view.h"

namespace {
constexpr int kWaitMs = 5000;

template <typename T>
T* child(QObject* parent, const char* name) {
    T* found = parent->findChild<T*>(QLatin1String(name));
    if (found == nullptr)
        qFatal("no child %s", name);
    return found;
}

WindowOptions quietOptions() {
    WindowOptions options;
    options.useSettings = false;
    return options;
}

ss::EngineConfig echoOnFreePort(int timeoutMs, size_t maxQueueBytes = 1u << 20) {
    ss::EngineConfig config;
    config.listeners.push_back(*ss::parseListenSpec("127.0.0.1:0=echo", nullptr));
    config.timeoutMs = timeoutMs;
    config.maxQueueBytes = maxQueueBytes;
    return config;
}

// The first TCP listener's port, 0 while none is published.
quint16 listenerPort(const MainWindow& window) {
    for (const ss::DescriptorInfo& row : window.session()->lastDescriptors()) {
        if (row.role == ss::Role::Listener) {
            const QString local = QString::fromStdString(row.local);
            return static_cast<quint16>(
                local.mid(local.lastIndexOf(QLatin1Char(':')) + 1).toUInt());
        }
    }
    return 0;
}

// The descriptor table's row (in the proxy) of the connection whose peer is on `peerPort`.
int connectionRow(const QSortFilterProxyModel* proxy, quint16 peerPort) {
    const QString suffix = QStringLiteral(":%1").arg(peerPort);
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const QString peer = proxy->index(row, DescriptorTableModel::Peer).data().toString();
        if (peer.endsWith(suffix))
            return row;
    }
    return -1;
}

bool someCallReportsReadable(const CallTraceModel* model, int fd) {
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int32_t ready : model->call(row).readyRead) {
            if (ready == fd)
                return true;
        }
    }
    return false;
}

// A client that sends as fast as the kernel takes it and never reads: the echo server's queue
// for it grows until the server stops reading it.
class GreedyClient {
public:
    explicit GreedyClient(quint16 port) : m_fd(::socket(AF_INET, SOCK_STREAM, 0)) {
        const int small = 4096;
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(port);
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        m_connected = ::connect(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
        ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) | O_NONBLOCK);
    }
    ~GreedyClient() { ::close(m_fd); }
    GreedyClient(const GreedyClient&) = delete;
    GreedyClient& operator=(const GreedyClient&) = delete;

    bool connected() const { return m_connected; }
    quint16 localPort() const {
        sockaddr_in addr{};
        socklen_t len = sizeof addr;
        ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&addr), &len);
        return ntohs(addr.sin_port);
    }
    void pump() {
        const std::vector<char> chunk(64 * 1024, 'x');
        while (::send(m_fd, chunk.data(), chunk.size(), MSG_NOSIGNAL) > 0) {
        }
    }

private:
    int m_fd;
    bool m_connected = false;
};
}  // namespace

class TstMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void echoFromThePanels();
    void pauseThenStepMakesOneCall();
    void backpressureShowsInTheTable();
    void layoutIsSavedAndRestored();
};

void TstMainWindow::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("SelectScopeTest-MainWindow"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_main_window"));
    QSettings().clear();
}

void TstMainWindow::echoFromThePanels() {
    MainWindow window(quietOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAbstractItemModelTester descriptorTester(window.descriptorView()->proxy());
    QAbstractItemModelTester eventTester(window.eventLogView()->proxy());
    QAbstractItemModelTester callTester(window.callTraceModel());

    // The echo preset, moved to a free port in the panel's own editor.
    ServerPanel* server = window.serverPanel();
    auto* preset = child<QComboBox>(server, "preset");
    preset->setCurrentIndex(preset->findText(QStringLiteral("echo")));
    child<QListWidget>(server, "listeners")->setCurrentRow(0);
    child<QPushButton>(server, "remove")->click();
    child<QLineEdit>(server, "port")->setText(QStringLiteral("0"));
    child<QComboBox>(server, "behaviour")->setEditText(QStringLiteral("echo"));
    child<QPushButton>(server, "add")->click();
    QCOMPARE(server->listeners().size(), size_t{1});
    child<QPushButton>(server, "start")->click();
    QVERIFY(window.session()->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(listenerPort(window) != 0, kWaitMs);
    const quint16 port = listenerPort(window);
    ClientPanel* clients = window.clientPanel();
    QTRY_COMPARE_WITH_TIMEOUT(child<QSpinBox>(clients, "portSpin")->value(), int(port), kWaitMs);

    clients->connectClient();
    ClientConnection* client = clients->model()->connectionAt(0);
    QVERIFY(client);
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), ClientConnection::State::Connected, kWaitMs);
    child<QLineEdit>(clients, "inputEdit")->setText(QStringLiteral("hello"));
    clients->sendInput();
    QTRY_COMPARE_WITH_TIMEOUT(client->bytesReceived(), qint64(5), kWaitMs);
    QCOMPARE(client->history().back().bytes, QByteArray("hello"));

    const QSortFilterProxyModel* table = window.descriptorView()->proxy();
    QTRY_VERIFY_WITH_TIMEOUT(connectionRow(table, client->localPort()) >= 0, kWaitMs);
    const int row = connectionRow(table, client->localPort());
    const int fd = table->index(row, 0).data(DescriptorTableModel::FdRole).toInt();
    QCOMPARE(
        table->index(row, DescriptorTableModel::Role).data(DescriptorTableModel::RoleRole).toInt(),
        int(ss::Role::Connection));
    QTRY_VERIFY_WITH_TIMEOUT(someCallReportsReadable(window.callTraceModel(), fd), kWaitMs);

    // The filters work on live data and the testers see them change.
    window.eventLogView()->proxy()->setFdFilter(fd);
    QTRY_VERIFY_WITH_TIMEOUT(window.eventLogView()->proxy()->rowCount() > 0, kWaitMs);
    child<QLineEdit>(&window, "descriptorFilter")->setText(QStringLiteral("connection"));
    QCOMPARE(table->rowCount(), 1);
    child<QPushButton>(server, "stop")->click();
    QVERIFY(!window.session()->isRunning());
}

void TstMainWindow::pauseThenStepMakesOneCall() {
    MainWindow window(quietOptions());
    window.show();
    QVERIFY(window.startServer(echoOnFreePort(200)));
    QTRY_VERIFY_WITH_TIMEOUT(window.callTraceModel()->rowCount() >= 2, kWaitMs);
    child<QPushButton>(window.serverPanel(), "pause")->click();
    QTRY_VERIFY_WITH_TIMEOUT(window.session()->lastStats().paused, kWaitMs);
    // Every call the paused engine made reaches the table.
    const auto allArrived = [&] {
        window.session()->refresh();
        return uint64_t(window.callTraceModel()->rowCount()) ==
               window.session()->lastStats().waitCalls;
    };
    QTRY_VERIFY_WITH_TIMEOUT(allArrived(), kWaitMs);
    const uint64_t calls = window.session()->lastStats().waitCalls;
    const int rows = window.callTraceModel()->rowCount();
    auto* step = child<QPushButton>(window.serverPanel(), "step");
    QTRY_VERIFY_WITH_TIMEOUT(step->isEnabled(), kWaitMs);
    step->click();
    QTRY_COMPARE_WITH_TIMEOUT(window.callTraceModel()->rowCount(), rows + 1, kWaitMs);
    QTest::qWait(500);  // longer than two timeouts: a running loop would have made more calls
    window.session()->refresh();
    QCOMPARE(window.callTraceModel()->rowCount(), rows + 1);
    QCOMPARE(window.session()->lastStats().waitCalls, calls + 1);
}

void TstMainWindow::backpressureShowsInTheTable() {
    MainWindow window(quietOptions());
    window.show();
    QVERIFY(window.startServer(echoOnFreePort(100, 16 * 1024)));
    QTRY_VERIFY_WITH_TIMEOUT(listenerPort(window) != 0, kWaitMs);
    GreedyClient greedy(listenerPort(window));
    QVERIFY(greedy.connected());
    const QSortFilterProxyModel* table = window.descriptorView()->proxy();
    const auto stateOfGreedy = [&]() {
        greedy.pump();
        const int row = connectionRow(table, greedy.localPort());
        return row < 0 ? QString()
                       : table->index(row, DescriptorTableModel::State).data().toString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(stateOfGreedy(), QStringLiteral("backpressured"), kWaitMs);
}

void TstMainWindow::layoutIsSavedAndRestored() {
    QSettings().clear();
    WindowOptions options;  // with settings
    {
        MainWindow first(options);
        first.show();
        QVERIFY(QTest::qWaitForWindowExposed(&first));
        for (QDockWidget* dock : first.docks())
            QVERIFY2(!dock->objectName().isEmpty(), qPrintable(dock->windowTitle()));
        QDockWidget* events = child<QDockWidget>(&first, "eventLogDock");
        events->hide();
        first.close();
    }
    QVERIFY(QSettings().contains(QStringLiteral("mainWindow/state")));
    MainWindow second(options);
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second));
    QDockWidget* events = child<QDockWidget>(&second, "eventLogDock");
    QVERIFY(events->isHidden());
    QVERIFY(!child<QDockWidget>(&second, "descriptorDock")->isHidden());
    second.resetLayout();
    QVERIFY(!events->isHidden());
    second.close();
    QSettings().clear();
}

QTEST_MAIN(TstMainWindow)
#include "tst_main_window.moc"
