// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/load_panel.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <string>
#include <thread>

#include "ui/models/trace_format.h"
#include "ui/panels/collapsible_section.h"
#include "ui/panels/flow_layout.h"
#include "ui/panels/listener_target.h"
#include "ui/panels/wheel_guard.h"

namespace {
constexpr int kMaxConnections = 1000;
constexpr int kMaxMessageSize = 1 << 20;
// Connections are spread over a few load threads, leaving cores for the server being measured.
int loadThreads(int connections) {
    const int cores = static_cast<int>(std::thread::hardware_concurrency());
    return std::clamp(connections, 1, std::max(1, cores / 2));
}
}  // namespace

LoadPanel::LoadPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(createSettings());
    layout->addWidget(createReadout());
    layout->addStretch(1);
    m_refreshTimer.setInterval(1000 / kRefreshHz);
    connect(&m_refreshTimer, &QTimer::timeout, this, &LoadPanel::refresh);
    connect(m_startButton, &QPushButton::clicked, this, &LoadPanel::start);
    connect(m_stopButton, &QPushButton::clicked, this, &LoadPanel::stop);
    showStats(0);
    updateControls();
    WheelGuard::guardChildren(this);
}

LoadPanel::~LoadPanel() {
    if (m_generator) {
        m_generator->stop();
    }
}

// How many clients and how fast, Start and Stop; where they connect and what they send fold
// away under More settings (the target follows the running server by itself).
QWidget* LoadPanel::createSettings() {
    auto* settings = new QWidget(this);
    m_connections = new QSpinBox(settings);
    m_connections->setRange(1, kMaxConnections);
    m_connections->setValue(10);
    m_connections->setToolTip(tr("How many clients connect at the same time."));
    m_connections->setObjectName(QStringLiteral("connections"));
    m_rate = new QDoubleSpinBox(settings);
    m_rate->setRange(0, 100000);
    m_rate->setDecimals(1);
    m_rate->setSuffix(tr(" / s"));
    m_rate->setSpecialValueText(tr("as fast as possible"));
    m_rate->setObjectName(QStringLiteral("rate"));
    m_rate->setToolTip(
        tr("Messages per second for each client; 0 sends the next one as soon as "
           "the echo is back."));
    m_startButton = new QPushButton(tr("Start clients"), settings);
    m_startButton->setObjectName(QStringLiteral("startLoad"));
    m_startButton->setToolTip(tr("Connect the clients and start sending messages."));
    m_stopButton = new QPushButton(tr("Stop clients"), settings);
    m_stopButton->setObjectName(QStringLiteral("stopLoad"));
    m_stopButton->setToolTip(tr("Close every client connection."));

    auto* buttons = new FlowLayout;
    buttons->addWidget(m_startButton);
    buttons->addWidget(m_stopButton);
    auto* form = new QFormLayout(settings);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Connections:"), m_connections);
    form->addRow(tr("Rate per client:"), m_rate);
    form->addRow(buttons);
    form->addRow(createMoreSettings(settings));
    return settings;
}

QWidget* LoadPanel::createMoreSettings(QWidget* parent) {
    m_moreSettings = new CollapsibleSection(tr("More settings"), parent);
    m_moreSettings->setObjectName(QStringLiteral("loadMoreSettings"));
    m_moreSettings->toggleButton()->setToolTip(
        tr("Show or hide the server address and the message size."));
    auto* content = new QWidget(m_moreSettings);
    m_host = new QLineEdit(QStringLiteral("127.0.0.1"), content);
    m_host->setToolTip(tr("The address of the server the clients connect to."));
    m_host->setObjectName(QStringLiteral("loadHost"));
    m_port = new QSpinBox(content);
    m_port->setRange(1, 65535);
    m_port->setValue(8000);
    m_port->setToolTip(tr("The port of the server the clients connect to."));
    m_port->setObjectName(QStringLiteral("loadPort"));
    m_messageSize = new QSpinBox(content);
    m_messageSize->setRange(1, kMaxMessageSize);
    m_messageSize->setValue(64);
    m_messageSize->setSuffix(tr(" bytes"));
    m_messageSize->setObjectName(QStringLiteral("messageSize"));
    m_messageSize->setToolTip(tr("How many bytes each client sends before it waits for the echo."));
    auto* form = new QFormLayout(content);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Host:"), m_host);
    form->addRow(tr("Port:"), m_port);
    form->addRow(tr("Message size:"), m_messageSize);
    m_moreSettings->setContent(content);
    return m_moreSettings;
}

void LoadPanel::collapseMoreSettings() {
    m_moreSettings->setExpanded(false);
}

QWidget* LoadPanel::createReadout() {
    auto* group = new QGroupBox(tr("Measured by the clients"), this);
    auto* form = new QFormLayout(group);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_rateValue = addReadoutRow(form, tr("Round trips:"),
                                tr("Messages sent and echoed back in full, per second."));
    m_latencyValue = addReadoutRow(form, tr("Latency p50 / p99:"),
                                   tr("Half of the round trips were faster than the first "
                                      "time (the median), 99 of 100 faster than the second."));
    m_activeValue = addReadoutRow(form, tr("Connected:"),
                                  tr("Clients that are connected to the server right now."));
    m_mismatchValue = addReadoutRow(
        form, tr("Wrong bytes:"), tr("Echoed bytes that differ from what was sent (should be 0)."));
    m_errorValue = addReadoutRow(
        form, tr("Errors:"), tr("Connections that could not be made or were lost unexpectedly."));
    return group;
}

QLabel* LoadPanel::addReadoutRow(QFormLayout* form, const QString& name, const QString& toolTip) {
    auto* value = new QLabel(form->parentWidget());
    value->setToolTip(toolTip);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = value->font();
    bold.setBold(true);
    value->setFont(bold);
    auto* label = new QLabel(name, form->parentWidget());
    label->setToolTip(toolTip);
    form->addRow(label, value);
    return value;
}

ss::LoadConfig LoadPanel::buildConfig() const {
    ss::LoadConfig config;
    config.host = m_host->text().trimmed().toStdString();
    config.port = static_cast<uint16_t>(m_port->value());
    config.connections = m_connections->value();
    config.messageSize = static_cast<size_t>(m_messageSize->value());
    config.ratePerConnection = m_rate->value();
    config.threads = loadThreads(config.connections);
    return config;
}

void LoadPanel::setSource(TraceSource* source) {
    auto* target = new ListenerTarget(source, this);
    connect(target, &ListenerTarget::listenerFound, this, &LoadPanel::setDefaultTarget);
}

void LoadPanel::setDefaultTarget(const QString& host, quint16 port) {
    m_host->setText(host);
    m_port->setValue(port);
}

bool LoadPanel::start() {
    if (m_generator) {
        return true;
    }
    auto generator = std::make_unique<ss::LoadGenerator>(buildConfig());
    std::string error;
    if (!generator->start(&error)) {
        emit statusMessage(
            tr("The clients could not start: %1").arg(trace_format::engineText(error)));
        return false;
    }
    m_generator = std::move(generator);
    m_stats = ss::LoadStats();
    m_sinceRefresh.start();
    m_refreshTimer.start();
    updateControls();
    emit started();
    emit statusMessage(tr("%n client(s) started.", nullptr, m_connections->value()));
    return true;
}

void LoadPanel::stop() {
    if (!m_generator) {
        return;
    }
    m_generator->stop();
    refresh();  // shows the final counters, then finishes
}

void LoadPanel::refresh() {
    if (!m_generator) {
        return;
    }
    const ss::LoadStats stats = m_generator->stats();
    const double seconds = std::max(1e-3, static_cast<double>(m_sinceRefresh.restart()) / 1000.0);
    const double rate = static_cast<double>(stats.roundTrips - m_stats.roundTrips) / seconds;
    m_stats = stats;
    showStats(m_generator->running() ? rate : 0.0);
    if (!m_generator->running()) {
        finish();
    }
}

void LoadPanel::showStats(double roundTripsPerSecond) {
    const QLocale locale;
    m_rateValue->setText(tr("%1 / s").arg(locale.toString(roundTripsPerSecond, 'f', 0)));
    m_latencyValue->setText(
        tr("%1 µs / %2 µs")
            .arg(locale.toString(m_stats.p50Us, 'f', 0), locale.toString(m_stats.p99Us, 'f', 0)));
    m_activeValue->setText(locale.toString(static_cast<qlonglong>(m_stats.activeConnections)));
    m_mismatchValue->setText(locale.toString(static_cast<qulonglong>(m_stats.mismatchedBytes)));
    m_errorValue->setText(tr("%1 failed connects, %2 lost")
                              .arg(locale.toString(static_cast<qulonglong>(m_stats.connectErrors)),
                                   locale.toString(static_cast<qulonglong>(m_stats.resets))));
}

void LoadPanel::finish() {
    m_refreshTimer.stop();
    m_generator.reset();  // its threads have ended; the destructor joins them
    updateControls();
    emit stopped();
    emit statusMessage(tr("Clients stopped after %1 round trips.")
                           .arg(QLocale().toString(static_cast<qulonglong>(m_stats.roundTrips))));
}

void LoadPanel::updateControls() {
    const bool running = isRunning();
    for (QWidget* setting : {static_cast<QWidget*>(m_host), static_cast<QWidget*>(m_port),
                             static_cast<QWidget*>(m_connections),
                             static_cast<QWidget*>(m_messageSize), static_cast<QWidget*>(m_rate)}) {
        setting->setEnabled(!running);
    }
    m_startButton->setEnabled(!running);
    m_stopButton->setEnabled(running);
}
