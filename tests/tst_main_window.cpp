// SPDX-License-Identifier: GPL-3.0-or-later
// The main window end to end, offscreen: a server started from the server panel, a client from
// the client panel, pause and step, backpressure in the descriptor table, the proxies under
// QAbstractItemModelTester, the dock layout saved and restored, zoom, presentation mode, the
// window saved as PNG and the first start's guidance. Every wait is bounded.
#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>

#include <qcustomplot.h>

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
#include "ui/first_start_overlay.h"
#include "ui/main_window.h"
#include "ui/models/call_trace_model.h"
#include "ui/models/descriptor_table_model.h"
#include "ui/models/event_filter_proxy.h"
#include "ui/models/fdset_picture.h"
#include "ui/panels/client_panel.h"
#include "ui/panels/plots_panel.h"
#include "ui/panels/server_panel.h"
#include "ui/trace_source.h"
#include "ui/views/call_trace_view.h"
#include "ui/views/descriptor_view.h"
#include "ui/views/event_log_view.h"
#include "ui/views/fdset_view.h"
#include "ui/views/timeline_view.h"
#include "ui/zoom.h"

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

// Replaces the preset's listener with one on a free port (0) doing `behaviour`, starts the
// server from the panel and connects one client from the client panel to it.
ClientConnection* startOnFreePortWithClient(MainWindow& window, const QString& behaviour) {
    ServerPanel* server = window.serverPanel();
    child<QListWidget>(server, "listeners")->setCurrentRow(0);
    child<QPushButton>(server, "remove")->click();
    child<QLineEdit>(server, "port")->setText(QStringLiteral("0"));
    child<QComboBox>(server, "behaviour")->setEditText(behaviour);
    child<QPushButton>(server, "add")->click();
    child<QPushButton>(server, "start")->click();
    if (!QTest::qWaitFor([&] { return listenerPort(window) != 0; }, kWaitMs))
        return nullptr;
    ClientPanel* clients = window.clientPanel();
    auto* port = child<QSpinBox>(clients, "portSpin");
    if (!QTest::qWaitFor([&] { return port->value() == int(listenerPort(window)); }, kWaitMs))
        return nullptr;
    clients->connectClient();
    ClientConnection* client = clients->model()->connectionAt(0);
    if (!client ||
        !QTest::qWaitFor([&] { return client->state() == ClientConnection::State::Connected; },
                         kWaitMs))
        return nullptr;
    return client;
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

// The point sizes zoom scales: a descriptor table cell, the status bar, a menu, a tooltip and a
// plot's tick labels.
std::vector<qreal> zoomedFontSizes(const MainWindow& window) {
    const auto* table = window.descriptorView()->findChild<QTableView*>();
    const QMenu* menu = window.menuBar()->findChildren<QMenu*>().value(0);
    if (table == nullptr || menu == nullptr)
        qFatal("no descriptor table or menu");
    return {table->font().pointSizeF(), window.statusBar()->font().pointSizeF(),
            menu->font().pointSizeF(), QToolTip::font().pointSizeF(),
            window.plotsPanel()->plot(0)->xAxis->tickLabelFont().pointSizeF()};
}

int descriptorRowHeight(const MainWindow& window) {
    return window.descriptorView()
        ->findChild<QTableView*>()
        ->verticalHeader()
        ->defaultSectionSize();
}

QAction* actionNamed(const MainWindow& window, const QString& text) {
    for (QAction* action : window.findChildren<QAction*>()) {
        if (action->text() == text)
            return action;
    }
    qFatal("no action %s", qPrintable(text));
    return nullptr;
}

// Which docks are shown (not closed), by name.
QStringList shownDocks(const MainWindow& window) {
    QStringList shown;
    for (const QDockWidget* dock : window.docks()) {
        if (!dock->isHidden())
            shown << dock->objectName();
    }
    return shown;
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
    void asWrittenEchoShowsTheBusyLoopBadge();
    void blockingModelShowsItsSocketCalls();
    void timelineBandSelectsTheCallEverywhere();
    void showViewBringsEachViewToTheFront();
    void backpressureShowsInTheTable();
    void layoutIsSavedAndRestored();
    void zoomScalesEveryFont();
    void zoomKeys();
    void presentationModeShowsTheLessonDocks();
    void presentationModeIsRemembered();
    void windowIsSavedAsPng();
    void guidanceUntilTheServerStarts();

private:
    QTemporaryDir m_settingsDir;
};

void TstMainWindow::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    // A settings file of this process's own: two runs at once must not share the saved layout.
    QVERIFY(m_settingsDir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
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

// Seed 002's echo server as written: the client leaves, the socket stays in the read set, and
// the status bar names the spinning loop with its rate, the fd and the reason.
void TstMainWindow::asWrittenEchoShowsTheBusyLoopBadge() {
    MainWindow window(quietOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ServerPanel* server = window.serverPanel();
    auto* preset = child<QComboBox>(server, "preset");
    auto* asWritten = child<QCheckBox>(server, "asWritten");
    preset->setCurrentIndex(preset->findText(QStringLiteral("udp-upper")));
    QVERIFY(!asWritten->isEnabled());  // nothing to show: the tutorial's code has no flaw
    preset->setCurrentIndex(preset->findText(QStringLiteral("echo")));
    QVERIFY(asWritten->isEnabled());
    auto* flaws = child<QLabel>(server, "asWrittenFlaws");
    QVERIFY(flaws->isHidden());
    asWritten->setChecked(true);
    QVERIFY(flaws->isVisible());
    QVERIFY(flaws->text().contains(QStringLiteral("r.send(data)")));
    ClientConnection* client = startOnFreePortWithClient(window, QStringLiteral("echo"));
    QVERIFY(client);
    QVERIFY(!asWritten->isEnabled());  // it applies from the next start
    ClientPanel* clients = window.clientPanel();
    child<QLineEdit>(clients, "inputEdit")->setText(QStringLiteral("hello"));
    clients->sendInput();
    QTRY_COMPARE_WITH_TIMEOUT(client->bytesReceived(), qint64(5), kWaitMs);
    auto* badge = child<QLabel>(server, "busyLoop");
    QVERIFY(badge->isHidden());
    clients->closeSelected();
    QTRY_VERIFY_WITH_TIMEOUT(badge->isVisible(), kWaitMs);
    const int fd = window.session()->lastStats().busyFd;
    QVERIFY(fd >= 3);
    QVERIFY2(badge->text().startsWith(QStringLiteral("busy loop: ")), qPrintable(badge->text()));
    QVERIFY2(badge->text().endsWith(
                 QStringLiteral(" calls/s, fd %1 readable at EOF and never closed").arg(fd)),
             qPrintable(badge->text()));
    QTRY_VERIFY_WITH_TIMEOUT(
        child<QLabel>(&window, "statusRate")->text().contains(QStringLiteral(" · CPU ")), kWaitMs);
    child<QPushButton>(server, "stop")->click();
    QVERIFY(badge->isHidden());
}

// io-blocking makes no wait call: the call list shows the accept, recv and send it blocks in, as
// strace names them, and the Python view writes them as the tutorial does.
void TstMainWindow::blockingModelShowsItsSocketCalls() {
    MainWindow window(quietOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ServerPanel* server = window.serverPanel();
    auto* preset = child<QComboBox>(server, "preset");
    preset->setCurrentIndex(preset->findText(QStringLiteral("io-blocking")));
    ClientConnection* client = startOnFreePortWithClient(window, QStringLiteral("upper"));
    QVERIFY(client);
    ClientPanel* clients = window.clientPanel();
    child<QLineEdit>(clients, "inputEdit")->setText(QStringLiteral("hello"));
    clients->sendInput();
    QTRY_COMPARE_WITH_TIMEOUT(client->bytesReceived(), qint64(5), kWaitMs);
    QCOMPARE(client->history().back().bytes, QByteArray("HELLO"));
    CallTraceModel* calls = window.callTraceModel();
    calls->setPythonView(true);
    // accept(3) returned the connection, recv(conn) 5 bytes, send(conn) 5.
    auto rowWith = [&](const QString& name) {
        for (int row = 0; row < calls->rowCount(); ++row) {
            if (calls->index(row, CallTraceModel::Backend).data().toString().startsWith(name))
                return row;
        }
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(rowWith(QStringLiteral("send(")) >= 0, kWaitMs);
    const int accept = rowWith(QStringLiteral("accept(3)"));
    const int recv = rowWith(QStringLiteral("recv("));
    QVERIFY(accept >= 0 && accept < recv);
    QCOMPARE(calls->index(accept, CallTraceModel::Python).data().toString(),
             QStringLiteral("conn, addr = server.accept()  ->  conn = fd %1")
                 .arg(calls->index(accept, CallTraceModel::Return).data().toString()));
    QCOMPARE(calls->index(recv, CallTraceModel::Python).data().toString(),
             QStringLiteral("data = conn.recv(1024)  ->  5 bytes"));
    QCOMPARE(calls->index(recv, CallTraceModel::Timeout).data().toString(), QString());
    QCOMPARE(calls->index(recv, CallTraceModel::ReadIn).data().toString(), QString());
    child<QPushButton>(server, "stop")->click();
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

// A band clicked on the timeline is that call in every view: its row selected in the call list,
// the descriptor table in that call's view, the fd_set picture holding it. Live lets go of it
// everywhere.
void TstMainWindow::timelineBandSelectsTheCallEverywhere() {
    MainWindow window(quietOptions());
    window.setWindowState(Qt::WindowNoState);
    window.resize(1920, 1080);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.startServer(echoOnFreePort(50)));
    QTRY_VERIFY_WITH_TIMEOUT(window.callTraceModel()->rowCount() >= 4, kWaitMs);
    window.session()->pause();
    QTRY_VERIFY_WITH_TIMEOUT(window.session()->lastStats().paused, kWaitMs);
    window.session()->refresh();
    TimelineView* timeline = window.timelineView();
    qobject_cast<QDockWidget*>(timeline->parentWidget())->raise();
    const CallTraceModel* calls = window.callTraceModel();
    const uint64_t number = calls->call(calls->rowCount() - 2).number;
    QTRY_VERIFY_WITH_TIMEOUT(!timeline->bandRect(number).isEmpty(), kWaitMs);

    QTest::mouseClick(timeline, Qt::LeftButton, {}, timeline->bandRect(number).center().toPoint());
    const QModelIndexList selected =
        window.callTraceView()->table()->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(calls->call(selected.first().row()).number, number);
    QCOMPARE(window.descriptorModel()->shownCall(), std::optional<quint64>(number));
    QVERIFY(!window.fdSetView()->isLive());
    QVERIFY(window.fdSetView()->picture().has_value());
    QCOMPARE(window.fdSetView()->picture()->call().number, number);
    QCOMPARE(timeline->selectedCall(), number);

    window.callTraceView()->jumpToLive();
    QTRY_VERIFY_WITH_TIMEOUT(!window.descriptorModel()->shownCall().has_value(), kWaitMs);
    QVERIFY(window.fdSetView()->isLive());
    QCOMPARE(timeline->selectedCall(), uint64_t(0));
    window.stopServer();
}

// --view's names, each the front tab of its group afterwards.
void TstMainWindow::showViewBringsEachViewToTheFront() {
    MainWindow window(quietOptions());
    window.setWindowState(Qt::WindowNoState);
    window.resize(1600, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const std::pair<const char*, const char*> views[] = {
        {"fd-sets", "fdSetDock"},  {"timeline", "timelineDock"}, {"descriptors", "descriptorDock"},
        {"cost", "costCurveDock"}, {"plots", "plotsDock"},       {"events", "eventLogDock"},
        {"models", "ioModelsDock"}};
    for (const auto& [name, dockName] : views) {
        QVERIFY2(window.showView(QLatin1String(name)), name);
        auto* dock = child<QDockWidget>(&window, dockName);
        QTRY_VERIFY2_WITH_TIMEOUT(!dock->visibleRegion().isEmpty(), name, kWaitMs);
    }
    QVERIFY(!window.showView(QStringLiteral("sets")));
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

void TstMainWindow::zoomScalesEveryFont() {
    QSettings().clear();
    WindowOptions options;  // with settings
    std::vector<qreal> before;
    std::vector<qreal> zoomed;
    {
        MainWindow window(options);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.zoom()->percent(), 100);
        before = zoomedFontSizes(window);
        const int rowHeight = descriptorRowHeight(window);
        const QDockWidget* dock = child<QDockWidget>(&window, "serverDock");
        const int titleHeight = dock->widget()->y();
        QAction* zoomIn = actionNamed(window, MainWindow::tr("Zoom &in"));
        QVERIFY(zoomIn->shortcuts().contains(QKeySequence(QKeySequence::ZoomIn)));
        QVERIFY(zoomIn->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Equal)));
        zoomIn->trigger();
        zoomIn->trigger();
        QCOMPARE(window.zoom()->percent(), 125);
        zoomed = zoomedFontSizes(window);
        for (size_t i = 0; i < before.size(); ++i) {
            QVERIFY2(qFuzzyCompare(zoomed[i], before[i] * 1.25),
                     qPrintable(
                         QStringLiteral("font %1: %2 -> %3").arg(i).arg(before[i]).arg(zoomed[i])));
        }
        QVERIFY(descriptorRowHeight(window) > rowHeight);
        const QHeaderView* columns =
            window.descriptorView()->findChild<QTableView*>()->horizontalHeader();
        const int zoomedFdWidth = columns->sectionSize(0);
        QTRY_VERIFY_WITH_TIMEOUT(dock->widget()->y() > titleHeight, kWaitMs);  // the dock titles
        actionNamed(window, MainWindow::tr("Reset &zoom"))->trigger();
        QCOMPARE(zoomedFontSizes(window), before);
        QCOMPARE(descriptorRowHeight(window), rowHeight);
        QVERIFY(columns->sectionSize(0) < zoomedFdWidth);  // the columns fit the smaller text
        zoomIn->trigger();
        zoomIn->trigger();
        window.close();
    }
    QCOMPARE(QSettings().value(QStringLiteral("view/zoom")).toInt(), 125);
    {
        MainWindow again(options);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.zoom()->percent(), 125);
        QCOMPARE(zoomedFontSizes(again), zoomed);
        again.close();
    }
    QSettings().clear();
    MainWindow quiet(quietOptions());  // without settings: 100 % again
    QCOMPARE(zoomedFontSizes(quiet), before);
}

void TstMainWindow::zoomKeys() {
    MainWindow window(quietOptions());
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_Plus, Qt::ControlModifier);
    QCOMPARE(window.zoom()->percent(), 110);
    QTest::keyClick(&window, Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(window.zoom()->percent(), 125);
    QTest::keyClick(&window, Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(window.zoom()->percent(), 110);
    QTest::keyClick(&window, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(window.zoom()->percent(), 100);
    // The steps end at both ends.
    for (int i = 0; i < 20; ++i)
        window.zoom()->zoomIn();
    QCOMPARE(window.zoom()->percent(), Zoom::kPercents.back());
    for (int i = 0; i < 20; ++i)
        window.zoom()->zoomOut();
    QCOMPARE(window.zoom()->percent(), Zoom::kPercents.front());
    window.zoom()->reset();
}

void TstMainWindow::presentationModeShowsTheLessonDocks() {
    MainWindow window(quietOptions());
    window.setWindowState(Qt::WindowNoState);
    window.resize(1920, 1080);  // a 1080p projector: 150 %
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const QStringList shown = shownDocks(window);
    const qreal pointSize = zoomedFontSizes(window).front();
    QAction* presentation = actionNamed(window, MainWindow::tr("&Presentation mode"));
    QCOMPARE(presentation->shortcut(), QKeySequence(Qt::Key_F5));
    QTest::keyClick(&window, Qt::Key_F5);
    QVERIFY(window.isPresentationMode());
    QVERIFY(presentation->isChecked());
    for (const char* name : {"eventLogDock", "loadDock", "plotsDock"})
        QVERIFY2(child<QDockWidget>(&window, name)->isHidden(), name);
    for (const char* name : {"serverDock", "clientDock", "descriptorDock", "callTraceDock"})
        QVERIFY2(!child<QDockWidget>(&window, name)->isHidden(), name);
    QVERIFY(window.zoom()->percent() >= 150);
    QVERIFY(zoomedFontSizes(window).front() >= pointSize * 1.5 - 0.01);
    QTest::keyClick(&window, Qt::Key_F5);
    QVERIFY(!window.isPresentationMode());
    QVERIFY(!presentation->isChecked());
    QCOMPARE(shownDocks(window), shown);
    QCOMPARE(zoomedFontSizes(window).front(), pointSize);
    QVERIFY(window.isDefaultLayout());  // the docks still follow the window
    QCOMPARE(window.zoom()->percent(), 100);
}

void TstMainWindow::presentationModeIsRemembered() {
    QSettings().clear();
    WindowOptions options;  // with settings
    {
        MainWindow first(options);
        first.setWindowState(Qt::WindowNoState);
        first.resize(1280, 720);  // a small projector: 125 %
        first.show();
        QVERIFY(QTest::qWaitForWindowExposed(&first));
        first.setPresentationMode(true);
        QCOMPARE(first.zoom()->percent(), 125);
        first.close();
    }
    {
        MainWindow second(options);
        second.show();
        QVERIFY(QTest::qWaitForWindowExposed(&second));
        QVERIFY(second.isPresentationMode());
        QVERIFY(actionNamed(second, MainWindow::tr("&Presentation mode"))->isChecked());
        QCOMPARE(second.zoom()->percent(), 125);
        QVERIFY(child<QDockWidget>(&second, "eventLogDock")->isHidden());
        QVERIFY(child<QDockWidget>(&second, "plotsDock")->isHidden());
        second.setPresentationMode(false);
        QCOMPARE(second.zoom()->percent(), 100);
        QVERIFY(!child<QDockWidget>(&second, "eventLogDock")->isHidden());
        QVERIFY(!child<QDockWidget>(&second, "plotsDock")->isHidden());
        QVERIFY(!child<QDockWidget>(&second, "loadDock")->isHidden());
        second.close();
    }
    QVERIFY(!QSettings().value(QStringLiteral("view/presentation")).toBool());
    QSettings().clear();
}

void TstMainWindow::windowIsSavedAsPng() {
    MainWindow window(quietOptions());
    window.resize(900, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("window.png"));
    QString error;
    QVERIFY2(window.saveWindowPng(path, &error), qPrintable(error));
    const QImage image(path);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), window.size() * window.devicePixelRatio());
    QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("window.png")));
    // A folder that does not exist: an error in the status bar, no dialog.
    const QString bad = dir.filePath(QStringLiteral("missing/window.png"));
    QVERIFY(!window.saveWindowPng(bad, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(window.statusBar()->currentMessage(), error);
}

void TstMainWindow::guidanceUntilTheServerStarts() {
    MainWindow window(quietOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QList<FirstStartOverlay*> guidance = window.firstStartGuidance();
    QCOMPARE(guidance.size(), 2);
    for (const FirstStartOverlay* overlay : guidance) {
        QVERIFY(overlay->isVisible());
        QVERIFY(!overlay->text().isEmpty());
        QCOMPARE(overlay->size(), overlay->parentWidget()->size());
        QVERIFY(overlay->font().pointSizeF() >= overlay->parentWidget()->font().pointSizeF());
        QVERIFY(overlay->font().bold());
    }
    QVERIFY(window.startServer(echoOnFreePort(200)));
    QTRY_VERIFY_WITH_TIMEOUT(window.firstStartGuidance().isEmpty(), kWaitMs);
    window.stopServer();
    QVERIFY(window.firstStartGuidance().isEmpty());
}

QTEST_MAIN(TstMainWindow)
#include "tst_main_window.moc"
