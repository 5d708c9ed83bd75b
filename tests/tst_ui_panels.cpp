// SPDX-License-Identifier: GPL-3.0-or-later
// The plots, server and load panels without an engine: synthetic trace batches and stats for the
// plots, emitted requests for the server panel, a tiny QTcpServer echo for the load panel. Run
// with QT_QPA_PLATFORM=offscreen; screenshots of every panel land in /tmp for a human to check.
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QNetworkInterface>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <qcustomplot.h>

#include "core/server/presets.h"
#include "ui/engine_session.h"
#include "ui/panels/collapsible_section.h"
#include "ui/panels/flow_layout.h"
#include "ui/panels/load_panel.h"
#include "ui/panels/plots_panel.h"
#include "ui/panels/server_panel.h"
#include "ui/panels/status_bar_widgets.h"
#include "ui/trace_source.h"

namespace {
constexpr int kTicksPerSecond = 30;  // the session's refresh rate

TraceBatch syntheticBatch(uint64_t* number, double t, bool idle) {
    TraceBatch batch;
    const int calls = idle ? 0 : 1 + static_cast<int>(t / 7) % 4;  // 30 to 120 calls per second
    for (int i = 0; i < calls; ++i) {
        ss::CallRecord call;
        call.number = ++*number;
        call.startNs = static_cast<int64_t>(t * 1e9) + i * 1000000;
        call.durationNs = 500000;
        call.inRead = {3, 4, 5, 6};
        call.readyRead = {5};
        call.readyWrite = {5, 6};
        if (i % 2 == 1) {
            call.readyRead.push_back(3);
        }
        batch.calls.push_back(call);
    }
    return batch;
}

ss::EngineStats syntheticStats(double t) {
    ss::EngineStats stats;
    stats.uptimeSeconds = t;
    stats.bytesIn = static_cast<uint64_t>(t * 50000 + t * t * 100);
    stats.bytesOut = static_cast<uint64_t>(t * 40000);
    stats.watchedDescriptors = 4 + static_cast<uint64_t>(t) % 5;
    return stats;
}

std::vector<ss::DescriptorInfo> syntheticRows(double t) {
    ss::DescriptorInfo listener;
    listener.fd = 3;
    listener.role = ss::Role::Listener;
    ss::DescriptorInfo conn;
    conn.fd = 5;
    conn.kernelRecvQueue = static_cast<int64_t>(t * 10) % 3000;
    conn.kernelSendQueue = 1000;
    conn.appQueueBytes = static_cast<uint64_t>(t * 100) % 70000;
    return {listener, conn};
}

void feed(PlotsPanel* panel, double fromSeconds, double toSeconds, uint64_t* number) {
    const auto first = static_cast<int>(fromSeconds * kTicksPerSecond);
    const auto last = static_cast<int>(toSeconds * kTicksPerSecond);
    for (int tick = first; tick < last; ++tick) {
        const double t = static_cast<double>(tick) / kTicksPerSecond;
        panel->addBatch(syntheticBatch(number, t, t > 300 && t < 320));
        panel->addDescriptors(syntheticRows(t));
        panel->addStats(syntheticStats(t));
    }
}

void saveScreenshot(QWidget* widget, const QSize& size, const QString& path) {
    widget->resize(size.expandedTo(widget->sizeHint()));
    widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(widget));
    QTest::qWait(100);  // queued replots and layouts
    QVERIFY(widget->grab().save(path));
}

// A source the test drives by hand: it emits what a real one would.
class FakeSource : public TraceSource {
public:
    Capabilities capabilities() const override { return Capability::Start | Capability::Pause; }
    bool isRunning() const override { return m_running; }
    const ss::EngineStats& lastStats() const override { return m_stats; }
    const std::vector<ss::DescriptorInfo>& lastDescriptors() const override { return m_rows; }
    bool start() override {
        m_running = true;
        emit started();
        return true;
    }
    void stop() override {
        m_running = false;
        emit stopped();
    }
    void refresh() override {}
    void report(const ss::EngineStats& stats) {
        m_stats = stats;
        emit statsUpdated(stats);
    }

private:
    bool m_running = false;
    ss::EngineStats m_stats;
    std::vector<ss::DescriptorInfo> m_rows;
};

bool hasReachableIpv4() {
    for (const QHostAddress& address : QNetworkInterface::allAddresses()) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback() &&
            !address.isLinkLocal())
            return true;
    }
    return false;
}

template <typename T>
T* child(QWidget* parent, const char* name) {
    T* found = parent->findChild<T*>(QLatin1String(name));
    if (found == nullptr) {
        qFatal("no child %s", name);
    }
    return found;
}
}  // namespace

class TestUiPanels : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void plotsStayBoundedOverTenMinutes();
    void plotsExportPngAndPdf();
    void serverPanelStartsEveryPreset();
    void serverPanelRejectsInvalidListener();
    void serverPanelGaugeFollowsBackend();
    void serverPanelEpollModeOnlyForEpoll();
    void loadPanelRunsAgainstEcho();
    void flowRowWrapsButtonsWhole();
    void moreSettingsFoldAway();
    void statusBarShowsServerState();
    void networkSwitchIsOffByDefault();
    void networkSwitchListensOnEveryInterface();
    void statusBarFitsAt1280();
};

// The main window sets a projector font (at least 14 pt); the panels inherit it.
void TestUiPanels::initTestCase() {
    QFont projector = QApplication::font();
    projector.setPointSizeF(14);
    QApplication::setFont(projector);
}

void TestUiPanels::plotsStayBoundedOverTenMinutes() {
    PlotsPanel panel;
    panel.setSelectedFd(5);
    uint64_t number = 0;
    feed(&panel, 0, 600, &number);

    // Each graph holds at most the history at its sampling period, plus the gap markers.
    const double history = PlotsPanel::kHistorySeconds;
    const int callBound = static_cast<int>(history / PlotsPanel::kCallBinSeconds) + 4;
    const int statsBound = static_cast<int>(history / PlotsPanel::kStatsPeriodSeconds) + 2;
    const int queueBound = static_cast<int>(history / PlotsPanel::kQueuePeriodSeconds) + 2;
    const int bounds[PlotsPanel::PlotCount] = {callBound, statsBound, statsBound, queueBound};
    for (int p = 0; p < PlotsPanel::PlotCount; ++p) {
        QCustomPlot* plot = panel.plot(p);
        for (int g = 0; g < plot->graphCount(); ++g) {
            const auto data = plot->graph(g)->data();
            QVERIFY2(data->size() > 0, qPrintable(plot->graph(g)->name()));
            QVERIFY2(data->size() <= bounds[p], qPrintable(QString::number(data->size())));
            QVERIFY(data->constBegin()->key >= 600 - history - 1);
        }
    }
    QTRY_VERIFY_WITH_TIMEOUT(panel.plot(0)->xAxis->range().upper > 599, 1000);
    QVERIFY(qAbs(panel.plot(0)->xAxis->range().size() - history) < 1e-6);

    // A new engine run (its clock starts again) clears the old traces.
    panel.addStats(syntheticStats(1.0));
    QCOMPARE(panel.plot(PlotsPanel::BytesPlot)->graph(0)->dataCount(), 0);
}

void TestUiPanels::plotsExportPngAndPdf() {
    PlotsPanel panel;
    panel.setSelectedFd(5);
    uint64_t number = 0;
    feed(&panel, 0, 340, &number);  // the window then shows the idle gap at 300-320 s
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (int p = 0; p < PlotsPanel::PlotCount; ++p) {
        for (const char* suffix : {"png", "pdf"}) {
            const QString path = dir.filePath(QStringLiteral("plot%1.%2").arg(p).arg(suffix));
            QVERIFY2(panel.exportPlot(p, path), qPrintable(path));
            QVERIFY(QFileInfo(path).size() > 1000);
        }
    }
    QVERIFY(!panel.exportPlot(0, dir.filePath(QStringLiteral("plot.txt"))));
    QVERIFY(!panel.exportPlot(PlotsPanel::PlotCount, dir.filePath(QStringLiteral("x.png"))));
    saveScreenshot(&panel, QSize(1600, 950), QStringLiteral("/tmp/selectscope_plots_panel.png"));
}

void TestUiPanels::serverPanelStartsEveryPreset() {
    ServerPanel panel;
    std::vector<ss::EngineConfig> requested;
    connect(&panel, &ServerPanel::startRequested, this,
            [&requested](const ss::EngineConfig& config) { requested.push_back(config); });
    auto* presetBox = child<QComboBox>(&panel, "preset");
    const auto& presets = ss::builtinPresets();
    QCOMPARE(presetBox->count(), static_cast<int>(presets.size()));
    for (int i = static_cast<int>(presets.size()) - 1; i >= 0; --i) {
        const ss::Preset& preset = presets[static_cast<size_t>(i)];
        presetBox->setCurrentIndex(presetBox->findText(QString::fromStdString(preset.name)));
        QVERIFY(!presetBox->itemData(presetBox->currentIndex(), Qt::ToolTipRole).isNull());
        QTest::mouseClick(child<QPushButton>(&panel, "start"), Qt::LeftButton);
        QVERIFY(!requested.empty());
        const ss::EngineConfig& config = requested.back();
        QCOMPARE(config.timeoutMs, preset.timeoutMs);
        QCOMPARE(config.listeners.size(), preset.listeners.size());
        for (size_t l = 0; l < preset.listeners.size(); ++l) {
            const ss::ListenerSpec& want = preset.listeners[l];
            QCOMPARE(config.listeners[l].endpoint.port, want.endpoint.port);
            QCOMPARE(config.listeners[l].udp, want.udp);
            QCOMPARE(ss::formatListenSpec(config.listeners[l]), ss::formatListenSpec(want));
            QCOMPARE(ss::formatBehaviour(config.listeners[l].behaviour),
                     ss::formatBehaviour(want.behaviour));
        }
    }
    QCOMPARE(requested.size(), presets.size());
}

void TestUiPanels::serverPanelRejectsInvalidListener() {
    ServerPanel panel;
    QSignalSpy messages(&panel, &ServerPanel::statusMessage);
    auto* list = child<QListWidget>(&panel, "listeners");
    auto* error = child<QLabel>(&panel, "listenerError");
    const int before = list->count();

    child<QLineEdit>(&panel, "port")->setText(QStringLiteral("99999"));
    QTest::mouseClick(child<QPushButton>(&panel, "add"), Qt::LeftButton);
    QCOMPARE(list->count(), before);
    QVERIFY(error->isVisibleTo(&panel));
    QVERIFY(error->text().contains(QStringLiteral("99999")));
    QCOMPARE(messages.count(), 1);

    child<QLineEdit>(&panel, "port")->setText(QStringLiteral("7000"));
    child<QComboBox>(&panel, "behaviour")->setEditText(QStringLiteral("no-such-behaviour"));
    QVERIFY(!panel.addListenerFromEditor());
    QCOMPARE(static_cast<int>(panel.listeners().size()), before);

    child<QComboBox>(&panel, "protocol")->setCurrentIndex(1);
    child<QComboBox>(&panel, "behaviour")->setEditText(QStringLiteral("upper"));
    QVERIFY(panel.addListenerFromEditor());
    QCOMPARE(list->count(), before + 1);
    QVERIFY(!error->isVisibleTo(&panel));
    QCOMPARE(panel.listeners().back().endpoint.port, uint16_t{7000});
    QVERIFY(panel.listeners().back().udp);

    // Screenshot with an error showing, as a student would see it, the editor unfolded.
    child<CollapsibleSection>(&panel, "serverMoreSettings")->setExpanded(true);
    child<QLineEdit>(&panel, "port")->setText(QStringLiteral("70000"));
    QVERIFY(!panel.addListenerFromEditor());
    saveScreenshot(&panel, QSize(820, 700), QStringLiteral("/tmp/selectscope_server_panel.png"));
}

void TestUiPanels::serverPanelGaugeFollowsBackend() {
    ServerPanel panel;
    auto* backend = child<QComboBox>(&panel, "backend");
    auto* gauge = child<QProgressBar>(&panel, "fdGauge");
    backend->setCurrentIndex(backend->findText(QStringLiteral("select")));
    QVERIFY(gauge->isVisibleTo(&panel));
    panel.updateDescriptors(syntheticRows(1.0));
    QCOMPARE(gauge->value(), 6);  // highest fd 5, so select() scans 6 bits
    if (backend->findText(QStringLiteral("epoll")) < 0) {
        QSKIP("no epoll in this build");
    }
    backend->setCurrentIndex(backend->findText(QStringLiteral("epoll")));
    QVERIFY(!gauge->isVisibleTo(&panel));

    // While running, a backend switch is a request; the gauge follows what the engine reports.
    panel.setRunning(true);
    QSignalSpy switches(&panel, &ServerPanel::backendChangeRequested);
    backend->setCurrentIndex(backend->findText(QStringLiteral("select")));
    QCOMPARE(switches.count(), 1);
    ss::EngineStats stats;
    stats.backend = ss::BackendKind::Select;
    panel.updateStats(stats);
    QVERIFY(gauge->isVisibleTo(&panel));
    QVERIFY(!child<QPushButton>(&panel, "start")->isEnabled());
}

// The epoll mode selector shows only with epoll; it feeds the next start, and while running it
// is a request whose outcome the engine's stats report.
void TestUiPanels::serverPanelEpollModeOnlyForEpoll() {
    ServerPanel panel;
    auto* backend = child<QComboBox>(&panel, "backend");
    auto* mode = child<QComboBox>(&panel, "epollMode");
    backend->setCurrentIndex(backend->findText(QStringLiteral("select")));
    QVERIFY(!mode->isVisibleTo(&panel));
    if (backend->findText(QStringLiteral("epoll")) < 0) {
        QSKIP("no epoll in this build");
    }
    backend->setCurrentIndex(backend->findText(QStringLiteral("epoll")));
    QVERIFY(mode->isVisibleTo(&panel));
    QCOMPARE(panel.buildConfig().epollMode, ss::EpollMode::Level);
    mode->setCurrentIndex(mode->findText(QStringLiteral("et")));
    QCOMPARE(panel.buildConfig().epollMode, ss::EpollMode::Edge);
    // Another backend starts level-triggered, whatever the hidden selector says.
    backend->setCurrentIndex(backend->findText(QStringLiteral("select")));
    QVERIFY(!mode->isVisibleTo(&panel));
    QCOMPARE(panel.buildConfig().epollMode, ss::EpollMode::Level);

    backend->setCurrentIndex(backend->findText(QStringLiteral("epoll")));
    panel.setRunning(true);
    QSignalSpy requests(&panel, &ServerPanel::epollModeChangeRequested);
    mode->setCurrentIndex(mode->findText(QStringLiteral("et-drain")));
    QCOMPARE(requests.count(), 1);
    QCOMPARE(requests.at(0).at(0).value<ss::EpollMode>(), ss::EpollMode::EdgeDrain);
    ss::EngineStats stats;
    stats.backend = ss::BackendKind::Epoll;
    stats.epollMode = ss::EpollMode::Edge;  // the engine's answer wins
    panel.updateStats(stats);
    QCOMPARE(panel.currentEpollMode(), ss::EpollMode::Edge);
    QCOMPARE(requests.count(), 1);
    stats.backend = ss::BackendKind::Select;
    panel.updateStats(stats);
    QVERIFY(!mode->isVisibleTo(&panel));
}

void TestUiPanels::loadPanelRunsAgainstEcho() {
    QTcpServer echo;
    QVERIFY(echo.listen(QHostAddress::LocalHost, 0));
    connect(&echo, &QTcpServer::newConnection, this, [&echo] {
        while (QTcpSocket* socket = echo.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, socket,
                    [socket] { socket->write(socket->readAll()); });
        }
    });
    LoadPanel panel;
    panel.setDefaultTarget(QStringLiteral("127.0.0.1"), echo.serverPort());
    QTest::mouseClick(child<QPushButton>(&panel, "startLoad"), Qt::LeftButton);
    QVERIFY(panel.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(panel.lastStats().roundTrips > 0, 5000);
    saveScreenshot(&panel, QSize(640, 600), QStringLiteral("/tmp/selectscope_load_panel.png"));
    QTest::mouseClick(child<QPushButton>(&panel, "stopLoad"), Qt::LeftButton);
    QVERIFY(!panel.isRunning());
    QCOMPARE(panel.lastStats().mismatchedBytes, uint64_t{0});
    QVERIFY(child<QPushButton>(&panel, "startLoad")->isEnabled());
}

// Narrower than one row of buttons, the row wraps: every button keeps its size hint, none
// overlaps another, and the layout asks for the height of the rows it made.
void TestUiPanels::flowRowWrapsButtonsWhole() {
    QWidget row;
    auto* flow = new FlowLayout(&row);
    QList<QPushButton*> buttons;
    for (const char* text : {"Urgent byte (OOB)", "Half-close", "Close", "Abort (RST)"}) {
        buttons << new QPushButton(QString::fromLatin1(text), &row);
        flow->addWidget(buttons.back());
    }
    auto* edit = new QLineEdit(&row);  // grows into what a row leaves
    edit->setMinimumWidth(80);
    flow->addWidget(edit);
    const int oneRow = flow->sizeHint().width();
    QCOMPARE(flow->heightForWidth(oneRow), flow->sizeHint().height());
    const int narrow = oneRow * 2 / 3;
    QVERIFY(flow->heightForWidth(narrow) > flow->sizeHint().height());
    row.resize(narrow, flow->heightForWidth(narrow));
    flow->setGeometry(row.rect());
    for (QPushButton* button : buttons) {
        QCOMPARE(button->size(), button->sizeHint());
        QVERIFY(row.rect().contains(button->geometry()));
        for (QPushButton* other : buttons)
            QVERIFY(button == other || !button->geometry().intersects(other->geometry()));
    }
    QVERIFY(edit->width() >= 80);
    QVERIFY(row.rect().contains(edit->geometry()));
    QVERIFY(flow->minimumSize().width() <= narrow);
}

// The panels show a first lesson's controls and fold the rest away until asked.
void TestUiPanels::moreSettingsFoldAway() {
    ServerPanel server;
    server.show();
    QVERIFY(QTest::qWaitForWindowExposed(&server));
    auto* section = child<CollapsibleSection>(&server, "serverMoreSettings");
    QVERIFY(!section->isExpanded());
    QVERIFY(child<QPushButton>(&server, "start")->isVisible());
    QVERIFY(!child<QSpinBox>(&server, "timeout")->isVisible());
    section->toggleButton()->click();
    QVERIFY(section->isExpanded());
    QVERIFY(child<QSpinBox>(&server, "timeout")->isVisible());
    server.collapseMoreSettings();
    QVERIFY(!child<QListWidget>(&server, "listeners")->isVisible());

    LoadPanel load;
    load.show();
    QVERIFY(QTest::qWaitForWindowExposed(&load));
    QVERIFY(child<QPushButton>(&load, "startLoad")->isVisible());
    QVERIFY(!child<QSpinBox>(&load, "messageSize")->isVisible());
    child<CollapsibleSection>(&load, "loadMoreSettings")->setExpanded(true);
    QVERIFY(child<QSpinBox>(&load, "messageSize")->isVisible());
    load.collapseMoreSettings();
    QVERIFY(!child<QSpinBox>(&load, "messageSize")->isVisible());
}

// The state is what the back row reads first: large, bold, and naming the backend.
void TestUiPanels::statusBarShowsServerState() {
    QStatusBar bar;
    StatusBarWidgets widgets(&bar);
    FakeSource source;
    widgets.setSource(&source);
    bar.resize(1280, bar.sizeHint().height());
    bar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    QLabel* state = child<QLabel>(&bar, "serverState");
    QCOMPARE(state, widgets.stateLabel());
    QVERIFY(state->text().contains(QStringLiteral("Stopped")));
    QVERIFY(state->font().bold());
    QVERIFY(state->font().pointSizeF() >= 1.3 * QApplication::font().pointSizeF());

    source.start();
    QVERIFY(state->text().contains(QStringLiteral("Running")));
    ss::EngineStats stats;
    stats.backend = ss::BackendKind::Select;
    stats.paused = true;
    source.report(stats);
    QVERIFY(state->text().contains(QStringLiteral("Paused")));
    QVERIFY(state->text().contains(QStringLiteral("select")));
    stats.paused = false;
    stats.slowMotionMs = 200;
    source.report(stats);
    QVERIFY(state->text().contains(QStringLiteral("Slow motion")));
    QVERIFY(state->text().contains(QStringLiteral("200 ms")));
    QVERIFY(state->text().contains(QStringLiteral("select")));
    QTRY_VERIFY_WITH_TIMEOUT(state->width() >= state->sizeHint().width(), 2000);
    stats.slowMotionMs = 0;
    source.report(stats);
    QVERIFY(state->text().contains(QStringLiteral("Running")));
    QVERIFY(state->text().contains(QStringLiteral("select")));
    // An edge-triggered epoll names its mode; level-triggered (the default) does not.
    stats.backend = ss::BackendKind::Epoll;
    source.report(stats);
    QVERIFY(state->text().endsWith(QStringLiteral("epoll")));
    stats.epollMode = ss::EpollMode::EdgeDrain;
    source.report(stats);
    QVERIFY(state->text().endsWith(QStringLiteral("epoll et-drain")));
    source.stop();
    QVERIFY(state->text().contains(QStringLiteral("Stopped")));
    QVERIFY(!state->text().contains(QStringLiteral("select")));

    // A zoom changes the bar's font; the state stays larger than the rest.
    QFont zoomed = bar.font();
    zoomed.setPointSizeF(20);
    bar.setFont(zoomed);
    QVERIFY(state->font().pointSizeF() >= 1.3 * 20);
    QVERIFY(state->font().bold());
}

void TestUiPanels::networkSwitchIsOffByDefault() {
    ServerPanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto* allow = child<QCheckBox>(&panel, "allowNetwork");
    QVERIFY(allow->isVisible());
    QVERIFY(!allow->isChecked());
    QVERIFY(!child<QLabel>(&panel, "networkWarning")->isVisible());
    QVERIFY(!child<QLabel>(&panel, "studentAddress")->isVisible());
    std::vector<ss::EngineConfig> requested;
    connect(&panel, &ServerPanel::startRequested, this,
            [&requested](const ss::EngineConfig& config) { requested.push_back(config); });
    QTest::mouseClick(child<QPushButton>(&panel, "start"), Qt::LeftButton);
    QCOMPARE(requested.size(), size_t{1});
    QVERIFY(!requested.back().allowRemote);
    QVERIFY(!requested.back().listeners.empty());
    for (const ss::ListenerSpec& listener : requested.back().listeners)
        QCOMPARE(listener.endpoint.host, std::string("127.0.0.1"));
}

// On: a warning, every interface at the next start, and the address students type, with the
// port the kernel really gave. Off again: loopback at the next start.
void TestUiPanels::networkSwitchListensOnEveryInterface() {
    ServerPanel panel;
    EngineSession session;
    panel.setSource(&session, &session);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto* allow = child<QCheckBox>(&panel, "allowNetwork");
    auto* warning = child<QLabel>(&panel, "networkWarning");
    auto* address = child<QLabel>(&panel, "studentAddress");
    allow->click();
    QVERIFY(allow->isChecked());
    QVERIFY(warning->isVisible());
    QVERIFY(warning->text().contains(QStringLiteral("anyone on the network")));
    ss::EngineConfig config = panel.buildConfig();
    QVERIFY(config.allowRemote);
    for (const ss::ListenerSpec& listener : config.listeners)
        QCOMPARE(listener.endpoint.host, std::string("0.0.0.0"));

    // One listener on a port the kernel picks, so the test never collides with another server.
    auto* list = child<QListWidget>(&panel, "listeners");
    while (list->count() > 0) {
        list->setCurrentRow(0);
        panel.removeSelectedListener();
    }
    child<QLineEdit>(&panel, "port")->setText(QStringLiteral("0"));
    child<QComboBox>(&panel, "behaviour")->setEditText(QStringLiteral("echo"));
    QVERIFY(panel.addListenerFromEditor());
    QTest::mouseClick(child<QPushButton>(&panel, "start"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(session.isRunning(), 5000);
    QVERIFY(!allow->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(address->isVisible(), 5000);
    QString port;
    for (const ss::DescriptorInfo& row : session.lastDescriptors()) {
        if (row.role == ss::Role::Listener)
            port = QString::fromStdString(row.local).section(QLatin1Char(':'), -1);
    }
    QVERIFY(!port.isEmpty());
    QVERIFY(port != QStringLiteral("0"));
    if (hasReachableIpv4()) {
        QVERIFY2(address->text().contains(QStringLiteral("connect to")),
                 qPrintable(address->text()));
        QVERIFY2(address->text().contains(QLatin1Char(':') + port), qPrintable(address->text()));
    } else {
        QVERIFY2(address->text().contains(QStringLiteral("no network address")),
                 qPrintable(address->text()));
        QVERIFY2(address->text().contains(port), qPrintable(address->text()));
    }
    QVERIFY(address->font().pointSizeF() >= 1.3 * panel.font().pointSizeF());
    saveScreenshot(&panel, QSize(640, 600), QStringLiteral("/tmp/selectscope_server_network.png"));

    QTest::mouseClick(child<QPushButton>(&panel, "stop"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!session.isRunning(), 5000);
    QVERIFY(!address->isVisible());
    allow->click();
    QVERIFY(!warning->isVisible());
    config = panel.buildConfig();
    QVERIFY(!config.allowRemote);
    QCOMPARE(config.listeners.back().endpoint.host, std::string("127.0.0.1"));
}

// A busy server's longest texts, in the window's projector font, on a 1280 px wide window: every
// status field is shown whole.
void TestUiPanels::statusBarFitsAt1280() {
    QMainWindow window;
    StatusBarWidgets widgets(window.statusBar());
    FakeSource source;
    widgets.setSource(&source);
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    source.start();
    std::vector<ss::DescriptorInfo> rows;
    for (int port : {9991, 9992, 9993}) {
        ss::DescriptorInfo listener;
        listener.fd = port - 9988;
        listener.role = ss::Role::Listener;
        listener.local = "127.0.0.1:" + std::to_string(port);
        rows.push_back(listener);
    }
    widgets.updateDescriptors(rows);
    ss::EngineStats stats;
    stats.backend = ss::BackendKind::Select;
    stats.slowMotionMs = ServerPanel::kMaxSlowMotionMs;
    stats.watchedDescriptors = 1024;
    stats.traceDropped = 12345678;
    source.report(stats);
    stats.waitCalls = 123456;
    QTest::qWait(static_cast<int>(StatusBarWidgets::kRateWindowMs) + 50);
    source.report(stats);
    window.statusBar()->showMessage(QStringLiteral("Server stopped."));
    QCOMPARE(window.width(), 1280);
    const char* names[] = {"serverState", "statusRate", "statusDropped"};
    for (const char* name : names) {
        auto* label = child<QLabel>(window.statusBar(), name);
        QTRY_VERIFY2_WITH_TIMEOUT(label->isVisible() && label->width() >= label->sizeHint().width(),
                                  qPrintable(label->text()), 2000);
        QVERIFY2(window.rect().contains(label->mapTo(&window, label->rect().bottomRight())), name);
    }
    QVERIFY(window.grab().save(QStringLiteral("/tmp/selectscope_status_bar.png")));
    // The listeners give way (in full, by number, or not at all); their tooltip has them all.
    auto* listeners = child<QLabel>(window.statusBar(), "statusListeners");
    QVERIFY(listeners->toolTip().contains(QStringLiteral("127.0.0.1:9993")));
    if (listeners->isVisible())
        QTRY_VERIFY_WITH_TIMEOUT(listeners->width() >= listeners->sizeHint().width(), 2000);
    // With room to spare (a wide screen, shorter fields) they show in full.
    window.resize(1920, 720);
    stats.slowMotionMs = 0;
    stats.traceDropped = 0;
    source.report(stats);
    QTRY_VERIFY_WITH_TIMEOUT(
        listeners->isVisible() && listeners->text().contains(QStringLiteral("127.0.0.1:9993")),
        2000);
}

QTEST_MAIN(TestUiPanels)
#include "tst_ui_panels.moc"
