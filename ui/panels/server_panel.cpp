// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/server_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFontMetrics>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkInterface>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <initializer_list>
#include <utility>

#include "core/net/endpoint.h"
#include "core/server/presets.h"
#include "ui/engine_control.h"
#include "ui/models/preset_text.h"
#include "ui/models/trace_format.h"
#include "ui/panels/as_written_box.h"
#include "ui/panels/collapsible_section.h"
#include "ui/panels/flow_layout.h"
#include "ui/panels/wheel_guard.h"
#include "ui/to_qstring.h"

#ifndef _WIN32
#include <sys/select.h>  // FD_SETSIZE (net/platform.h defines it on Windows)
#endif

namespace {
// Only select() has a ceiling on descriptor numbers; the other backends take any descriptor.
bool hasDescriptorLimit(ss::BackendKind kind) {
    return kind == ss::BackendKind::Select;
}

// Names a control (tests and style sheets find it by name) and gives it its tooltip.
template <typename Widget>
Widget* prepared(Widget* widget, const char* name, const QString& toolTip) {
    widget->setObjectName(QLatin1String(name));
    widget->setToolTip(toolTip);
    return widget;
}

// What students type: this machine's IPv4 addresses that another machine can reach (loopback only
// reaches itself, link-local only the same cable and rarely what a classroom network hands out).
QStringList reachableAddresses() {
    QStringList addresses;
    for (const QHostAddress& address : QNetworkInterface::allAddresses()) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback() &&
            !address.isLinkLocal())
            addresses << address.toString();
    }
    addresses.sort();
    addresses.removeDuplicates();
    return addresses;
}

// "0.0.0.0:9991" or "[::]:9991" as the engine formats a socket's local address.
std::pair<QString, QString> splitHostPort(const QString& local) {
    const int colon = local.lastIndexOf(QLatin1Char(':'));
    QString host = local.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    return {host, local.mid(colon + 1)};
}

bool isWildcardHost(const QString& host) {
    return host == QLatin1String("0.0.0.0") || host == QLatin1String("::");
}

QHBoxLayout* rowOf(std::initializer_list<QWidget*> widgets) {
    auto* row = new QHBoxLayout;
    for (QWidget* widget : widgets) {
        row->addWidget(widget);
    }
    return row;
}
}  // namespace

ServerPanel::ServerPanel(QWidget* parent) : QWidget(parent) {
    // What a first lesson needs comes first and stays in view; the rest folds away.
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(createPresetRow());
    layout->addWidget(m_presetSummary);
    layout->addLayout(createButtonRow());
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_busyLoop);
    layout->addWidget(m_asWritten);
    layout->addLayout(createNetworkSwitch());
    layout->addWidget(createBackendRow());
    layout->addWidget(createMoreSettings());
    layout->addStretch(1);
    connectControls();
    applyPreset(0);
    setRunning(false);
    applyFontSizes();
    WheelGuard::guardChildren(this);
}

QLayout* ServerPanel::createPresetRow() {
    m_preset = prepared(new QComboBox(this), "preset",
                        tr("A ready-made server from the tutorials; it fills in the listeners "
                           "and the timeout below."));
    for (const ss::Preset& preset : ss::builtinPresets()) {
        m_preset->addItem(toQString(preset.name));
        m_preset->setItemData(m_preset->count() - 1, preset_text::summary(preset), Qt::ToolTipRole);
    }
    m_presetSummary = prepared(new QLabel(this), "presetSummary",
                               tr("What the server of the chosen preset does."));
    m_presetSummary->setWordWrap(true);
    m_asWritten = new AsWrittenBox(this);
    auto* label = new QLabel(tr("Preset:"), this);
    label->setBuddy(m_preset);
    auto* row = rowOf({label, m_preset});
    row->setStretchFactor(m_preset, 1);
    return row;
}

// Start and stop the server, then the teaching controls; the row wraps in a narrow dock.
QLayout* ServerPanel::createButtonRow() {
    m_startButton = prepared(new QPushButton(tr("Start"), this), "start",
                             tr("Start the server with these settings."));
    m_stopButton = prepared(new QPushButton(tr("Stop"), this), "stop",
                            tr("Stop the server and close every socket."));
    m_pauseButton = prepared(new QPushButton(tr("Pause"), this), "pause",
                             tr("Freeze the server before its next wait call."));
    m_stepButton = prepared(new QPushButton(tr("Step"), this), "step",
                            tr("Let the paused server make exactly one wait call, then freeze."));
    m_runButton = prepared(new QPushButton(tr("Run"), this), "run",
                           tr("Let the paused server run freely again."));
    // Why a start or a listener was refused, under the buttons whatever is folded away.
    m_errorLabel = prepared(new QLabel(this), "listenerError", QString());
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
    m_errorLabel->hide();
    m_busyLoop = prepared(new QLabel(this), "busyLoop",
                          tr("The server's loop spins: its wait calls return at once with "
                             "something ready that it never acts on, and it burns a whole core."));
    m_busyLoop->setWordWrap(true);
    m_busyLoop->setStyleSheet(QStringLiteral(
        "QLabel { background: #c62828; color: white; font-weight: bold; padding: 2px 6px; }"));
    m_busyLoop->hide();
    auto* row = new FlowLayout;
    for (QPushButton* button :
         {m_startButton, m_stopButton, m_pauseButton, m_stepButton, m_runButton})
        row->addWidget(button);
    return row;
}

// Off by default and not remembered: a class goes on the network only when the teacher says so,
// and the warning says what that opens up.
QLayout* ServerPanel::createNetworkSwitch() {
    m_allowNetwork =
        prepared(new QCheckBox(tr("Let students connect over the network"), this), "allowNetwork",
                 tr("At the next start, listen on every network interface instead of only on "
                    "this computer (loopback)."));
    m_networkWarning = prepared(new QLabel(this), "networkWarning", QString());
    m_networkWarning->setText(
        tr("Warning: while this is on, anyone on the network can connect to the server and "
           "send it data. Turn it off again when the lesson is over."));
    m_networkWarning->setWordWrap(true);
    m_networkWarning->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
    m_networkWarning->hide();
    m_studentAddress = prepared(new QLabel(this), "studentAddress",
                                tr("The address and port students type into their clients."));
    m_studentAddress->setWordWrap(true);
    m_studentAddress->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_studentAddress->hide();
    auto* column = new QVBoxLayout;
    column->addWidget(m_allowNetwork);
    column->addWidget(m_networkWarning);
    column->addWidget(m_studentAddress);
    return column;
}

QWidget* ServerPanel::createBackendRow() {
    m_backend = prepared(new QComboBox(this), "backend",
                         tr("The system call the server uses to wait for ready sockets; you can "
                            "switch it while the server runs."));
    for (ss::BackendKind kind : ss::availableBackends()) {
        m_backend->addItem(toQString(ss::backendName(kind)), static_cast<int>(kind));
        m_backend->setItemData(m_backend->count() - 1, toQString(ss::backendSummary(kind)),
                               Qt::ToolTipRole);
    }
    // The tutorials all use select(), so the class starts there.
    m_backend->setCurrentIndex(std::max(0, m_backend->findText(QStringLiteral("select"))));
    m_fdGauge = prepared(new QProgressBar(this), "fdGauge",
                         tr("select() cannot watch a descriptor numbered %1 or higher; the bar "
                            "shows how close the highest one is.")
                             .arg(FD_SETSIZE));
    m_fdGauge->setRange(0, FD_SETSIZE);
    m_gaugeRow = new QWidget(this);
    auto* gaugeLayout = rowOf({new QLabel(tr("FD_SETSIZE:"), m_gaugeRow), m_fdGauge});
    gaugeLayout->setContentsMargins(0, 0, 0, 0);
    gaugeLayout->setStretchFactor(m_fdGauge, 1);
    m_gaugeRow->setLayout(gaugeLayout);
    auto* row = new QWidget(this);
    auto* layout =
        rowOf({new QLabel(tr("Backend:"), row), m_backend, createEpollModeRow(), m_gaugeRow});
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setStretchFactor(m_gaugeRow, 1);
    layout->addStretch(0);
    row->setLayout(layout);
    return row;
}

// epoll's own choice: level-triggered, or EPOLLET read once or until EAGAIN (--epoll-mode). The
// other backends are level-triggered only, so the row shows only while epoll is picked.
QWidget* ServerPanel::createEpollModeRow() {
    m_epollMode = prepared(new QComboBox(this), "epollMode",
                           tr("How epoll reports readiness and how the server reads; you can "
                              "change it while the server runs."));
    const std::pair<ss::EpollMode, QString> modes[] = {
        {ss::EpollMode::Level,
         tr("Level-triggered: a socket is reported as long as bytes are waiting.")},
        {ss::EpollMode::Edge,
         tr("EPOLLET, one recv() per report: bytes left in the kernel's queue are not "
            "reported again until more arrive (watch Recv-Q).")},
        {ss::EpollMode::EdgeDrain,
         tr("EPOLLET, recv() until EAGAIN: every byte is read, as edge triggering needs.")},
    };
    for (const auto& [mode, tip] : modes) {
        m_epollMode->addItem(toQString(ss::epollModeName(mode)), static_cast<int>(mode));
        m_epollMode->setItemData(m_epollMode->count() - 1, tip, Qt::ToolTipRole);
    }
    m_epollModeRow = new QWidget(this);
    auto* layout = rowOf({new QLabel(tr("Mode:"), m_epollModeRow), m_epollMode});
    layout->setContentsMargins(0, 0, 0, 0);
    m_epollModeRow->setLayout(layout);
    m_epollModeRow->setVisible(false);
    return m_epollModeRow;
}

// The listeners, the timeout and slow motion: what a preset already sets, or a later lesson.
QWidget* ServerPanel::createMoreSettings() {
    m_moreSettings = new CollapsibleSection(tr("More settings"), this);
    m_moreSettings->setObjectName(QStringLiteral("serverMoreSettings"));
    m_moreSettings->toggleButton()->setToolTip(
        tr("Show or hide the listeners, the timeout and slow motion."));
    auto* content = new QWidget(m_moreSettings);
    m_listenerList = prepared(new QListWidget(content), "listeners",
                              tr("The ports the server listens on and what it does with the "
                                 "data it receives on each."));
    auto* form = new QFormLayout(content);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Listeners:"), m_listenerList);
    form->addRow(createListenerEditor(content));
    form->addRow(tr("Timeout:"), createTimeout(content));
    form->addRow(tr("Slow motion:"), createSlowMotion(content));
    m_moreSettings->setContent(content);
    return m_moreSettings;
}

QLayout* ServerPanel::createListenerEditor(QWidget* parent) {
    m_portEdit = prepared(new QLineEdit(parent), "port",
                          tr("The port number to listen on, such as 9991 (options such as "
                             "9999,queued may follow)."));
    m_portEdit->setPlaceholderText(tr("port"));
    m_protocol = prepared(new QComboBox(parent), "protocol",
                          tr("TCP keeps a connection per client; UDP receives single datagrams "
                             "without connections."));
    m_protocol->addItems({tr("TCP"), tr("UDP")});
    m_behaviour = prepared(new QComboBox(parent), "behaviour",
                           tr("What the server does with each message it receives, for example "
                              "echo sends it straight back."));
    m_behaviour->setEditable(true);
    // Behaviour syntax, the same in every language, so not translated.
    m_behaviour->addItems(QStringLiteral("echo upper suffix:好 greet:你好+suffix:好 chat discard "
                                         "welcome:欢迎访问 framed-file http")
                              .split(QLatin1Char(' ')));
    m_addButton = prepared(new QPushButton(tr("Add"), parent), "add",
                           tr("Add this port to the list of listeners."));
    m_removeButton = prepared(new QPushButton(tr("Remove"), parent), "remove",
                              tr("Remove the selected listener from the list."));
    auto* row = new FlowLayout;
    for (QWidget* widget : {static_cast<QWidget*>(m_portEdit), static_cast<QWidget*>(m_protocol),
                            static_cast<QWidget*>(m_behaviour), static_cast<QWidget*>(m_addButton),
                            static_cast<QWidget*>(m_removeButton)})
        row->addWidget(widget);
    return row;
}

QWidget* ServerPanel::createTimeout(QWidget* parent) {
    m_timeout = prepared(new QSpinBox(parent), "timeout",
                         tr("How long one wait call may sleep when nothing is ready; -1 sleeps "
                            "until something happens."));
    m_timeout->setRange(-1, 60000);
    m_timeout->setSingleStep(100);
    m_timeout->setSuffix(tr(" ms"));
    m_timeout->setSpecialValueText(tr("block (-1)"));
    return m_timeout;
}

QLayout* ServerPanel::createSlowMotion(QWidget* parent) {
    m_slowMotion = prepared(new QSlider(Qt::Horizontal, parent), "slowMotion",
                            tr("Make the server wait this long after every call, so you can "
                               "follow each one."));
    m_slowMotion->setRange(0, kMaxSlowMotionMs);
    m_slowMotion->setSingleStep(50);
    m_slowMotion->setPageStep(250);
    m_slowMotionLabel = new QLabel(tr("%1 ms").arg(0), parent);
    auto* slider = rowOf({m_slowMotion, m_slowMotionLabel});
    slider->setStretchFactor(m_slowMotion, 1);
    return slider;
}

void ServerPanel::collapseMoreSettings() {
    m_moreSettings->setExpanded(false);
}

void ServerPanel::connectControls() {
    connect(m_preset, &QComboBox::currentIndexChanged, this, &ServerPanel::applyPreset);
    connect(m_addButton, &QPushButton::clicked, this, &ServerPanel::addListenerFromEditor);
    connect(m_portEdit, &QLineEdit::returnPressed, this, &ServerPanel::addListenerFromEditor);
    connect(m_removeButton, &QPushButton::clicked, this, &ServerPanel::removeSelectedListener);
    connect(m_backend, &QComboBox::currentIndexChanged, this, &ServerPanel::onBackendPicked);
    connect(m_epollMode, &QComboBox::currentIndexChanged, this, &ServerPanel::onEpollModePicked);
    connect(m_timeout, &QSpinBox::valueChanged, this, &ServerPanel::onTimeoutEdited);
    connect(m_startButton, &QPushButton::clicked, this, &ServerPanel::onStartClicked);
    connect(m_allowNetwork, &QCheckBox::toggled, this, &ServerPanel::onNetworkToggled);
    connect(m_stopButton, &QPushButton::clicked, this, &ServerPanel::stopRequested);
    connect(m_pauseButton, &QPushButton::clicked, this, [this] {
        emit pauseRequested();
        setPaused(true);
    });
    connect(m_runButton, &QPushButton::clicked, this, [this] {
        emit resumeRequested();
        setPaused(false);
    });
    connect(m_stepButton, &QPushButton::clicked, this, &ServerPanel::stepRequested);
    connect(m_slowMotion, &QSlider::valueChanged, this, &ServerPanel::onSlowMotionMoved);
}

void ServerPanel::setSource(TraceSource* source, EngineControl* control) {
    m_control = control;
    m_capabilities = source->capabilities();
    connect(source, &TraceSource::started, this, &ServerPanel::onStarted);
    connect(source, &TraceSource::stopped, this, &ServerPanel::onStopped);
    connect(source, &TraceSource::statsUpdated, this, &ServerPanel::updateStats);
    connect(source, &TraceSource::descriptorsUpdated, this, &ServerPanel::updateDescriptors);
    connect(this, &ServerPanel::stopRequested, source, &TraceSource::stop);
    connect(this, &ServerPanel::pauseRequested, source, &TraceSource::pause);
    connect(this, &ServerPanel::stepRequested, source, &TraceSource::step);
    connect(this, &ServerPanel::resumeRequested, source, &TraceSource::resume);
    setRunning(source->isRunning());
}

void ServerPanel::onStarted() {
    setRunning(true);
}

void ServerPanel::onStopped() {
    setRunning(false);
}

void ServerPanel::setBaseConfig(const ss::EngineConfig& config) {
    m_baseConfig = config;
    if (config.allowRemote)
        setAllowNetwork(true);
    showEpollMode(config.epollMode);
}

ss::EngineConfig ServerPanel::buildConfig() const {
    ss::EngineConfig config = m_baseConfig;
    config.listeners = m_listeners;
    config.backend = currentBackend();
    // Another backend is level-triggered whatever the hidden selector says.
    config.epollMode =
        config.backend == ss::BackendKind::Epoll ? currentEpollMode() : ss::EpollMode::Level;
    config.timeoutMs = m_timeout->value();
    config.slowMotionMs = m_slowMotion->value();
    config.startPaused = false;
    config.allowRemote = allowsNetwork();
    // The preset's server: the event loop, or an IO model that does not multiplex.
    const ss::Preset* preset = currentPreset();
    config.model = preset ? preset->model : ss::IoModel::Multiplexed;
    m_asWritten->apply(config.listeners);
    if (config.allowRemote) {
        for (ss::ListenerSpec& listener : config.listeners) {
            if (ss::isLoopbackHost(listener.endpoint.host))
                listener.endpoint.host =
                    listener.endpoint.host.find(':') != std::string::npos ? "::" : "0.0.0.0";
        }
    }
    return config;
}

bool ServerPanel::allowsNetwork() const {
    return m_allowNetwork->isChecked();
}

void ServerPanel::setAllowNetwork(bool allow) {
    m_allowNetwork->setChecked(allow);
}

void ServerPanel::onNetworkToggled(bool allow) {
    m_networkWarning->setVisible(allow);
}

ss::BackendKind ServerPanel::currentBackend() const {
    return static_cast<ss::BackendKind>(m_backend->currentData().toInt());
}

ss::EpollMode ServerPanel::currentEpollMode() const {
    return static_cast<ss::EpollMode>(m_epollMode->currentData().toInt());
}

void ServerPanel::showEpollMode(ss::EpollMode mode) {
    const int index = m_epollMode->findData(static_cast<int>(mode));
    if (index >= 0 && index != m_epollMode->currentIndex()) {
        const QSignalBlocker blocker(m_epollMode);
        m_epollMode->setCurrentIndex(index);
    }
}

void ServerPanel::applyPreset(int index) {
    const auto& presets = ss::builtinPresets();
    if (index < 0 || index >= static_cast<int>(presets.size())) {
        return;
    }
    const ss::Preset& preset = presets[static_cast<size_t>(index)];
    m_presetSummary->setText(preset_text::summary(preset));
    m_listeners.clear();
    m_listenerList->clear();
    for (const ss::ListenerSpec& spec : preset.listeners) {
        addListener(spec);
    }
    const QSignalBlocker blocker(m_timeout);
    m_timeout->setValue(preset.timeoutMs);
    // The tutorial's own backend (select for select.select); the user may pick another after.
    const QSignalBlocker backendBlocker(m_backend);
    const int backend = m_backend->findData(static_cast<int>(preset.backend));
    if (backend >= 0)
        m_backend->setCurrentIndex(backend);
    if (!m_running) {
        m_activeBackend = currentBackend();  // the gauge and the epoll mode follow the preset
        m_multiplexes = preset.model == ss::IoModel::Multiplexed;
    }
    m_asWritten->setPreset(&preset);
    showError(QString());
    updateControls();
    updateGauge();
    emit presetApplied(preset);
}

const ss::Preset* ServerPanel::currentPreset() const {
    const auto& presets = ss::builtinPresets();
    const int index = m_preset->currentIndex();
    return index >= 0 && index < int(presets.size()) ? &presets[size_t(index)] : nullptr;
}

void ServerPanel::setAsWritten(bool on) {
    m_asWritten->setOn(on);
}

bool ServerPanel::selectPreset(const QString& name) {
    const int index = m_preset->findText(name);
    if (index >= 0)
        m_preset->setCurrentIndex(index);
    return index >= 0;
}

void ServerPanel::setVisibleListenerRows(int rows) {
    m_visibleListenerRows = rows;
    applyFontSizes();
}

void ServerPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange)
        applyFontSizes();
    QWidget::changeEvent(event);
}

// Sizes measured in the panel's font, which a projector (or a zoom) changes after construction.
void ServerPanel::applyFontSizes() {
    const QFontMetrics metrics = fontMetrics();
    m_listenerList->setMinimumHeight(metrics.height() * kMinListenerRows);
    if (m_visibleListenerRows > 0)
        m_listenerList->setMaximumHeight(metrics.height() * m_visibleListenerRows);
    m_portEdit->setMinimumWidth(metrics.horizontalAdvance(QStringLiteral("9999,queued")));
    m_fdGauge->setMinimumWidth(
        metrics.horizontalAdvance(tr("%1 / %2").arg(FD_SETSIZE).arg(FD_SETSIZE) + "MM"));
    m_slowMotionLabel->setMinimumWidth(
        metrics.horizontalAdvance(tr("%1 ms").arg(kMaxSlowMotionMs)));
    // Large enough to read off the projector from the back row.
    QFont large = font();
    large.setPointSizeF(large.pointSizeF() * 1.4);
    large.setBold(true);
    m_studentAddress->setFont(large);
}

bool ServerPanel::addListenerFromEditor() {
    const QString behaviour = m_behaviour->currentText().trimmed();
    std::string error;
    if (!ss::parseBehaviour(behaviour.toStdString(), &error)) {
        showError(tr("Behaviour \"%1\" is not valid: %2")
                      .arg(behaviour, trace_format::engineText(error)));
        return false;
    }
    // Options after the first comma must follow the protocol, as in the --listen syntax.
    const QString port = m_portEdit->text().trimmed();
    const int comma = port.indexOf(QLatin1Char(','));
    const QString text =
        port.left(comma) +
        (m_protocol->currentIndex() == 1 ? QStringLiteral("/udp") : QStringLiteral("/tcp")) +
        (comma < 0 ? QString() : port.mid(comma)) + QLatin1Char('=') + behaviour;
    const auto spec = ss::parseListenSpec(text.toStdString(), &error);
    if (!spec) {
        showError(
            tr("Listener \"%1\" is not valid: %2").arg(port, trace_format::engineText(error)));
        return false;
    }
    if (!ss::isLoopbackHost(spec->endpoint.host)) {
        showError(tr("Only loopback addresses (127.0.0.1, ::1) can be used here."));
        return false;
    }
    const bool duplicate = std::any_of(m_listeners.begin(), m_listeners.end(), [&](const auto& l) {
        return l.endpoint.port != 0 && l.endpoint.port == spec->endpoint.port && l.udp == spec->udp;
    });
    if (duplicate) {
        showError(tr("Port %1 is already in the list.").arg(spec->endpoint.port));
        return false;
    }
    addListener(*spec);
    m_portEdit->clear();
    showError(QString());
    updateControls();
    return true;
}

void ServerPanel::removeSelectedListener() {
    const int row = m_listenerList->currentRow();
    if (row < 0 || row >= static_cast<int>(m_listeners.size())) {
        return;
    }
    m_listeners.erase(m_listeners.begin() + row);
    delete m_listenerList->takeItem(row);
    updateControls();
}

void ServerPanel::addListener(const ss::ListenerSpec& spec) {
    m_listeners.push_back(spec);
    auto* item = new QListWidgetItem(toQString(ss::formatListenSpec(spec)), m_listenerList);
    item->setToolTip(tr("Listens on port %1 (%2); after '=' is what it does with each message.")
                         .arg(spec.endpoint.port)
                         .arg(spec.udp ? tr("UDP") : tr("TCP")));
}

void ServerPanel::showError(const QString& message) {
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(!message.isEmpty());
    if (!message.isEmpty()) {
        emit statusMessage(message);
    }
}

void ServerPanel::onBackendPicked() {
    if (m_running) {
        emit backendChangeRequested(currentBackend());
        if (m_control)
            m_control->switchBackend(currentBackend());
    } else {
        m_activeBackend = currentBackend();
    }
    updateGauge();
}

// Stopped, the mode only feeds the next start; running on epoll, it applies at once.
void ServerPanel::onEpollModePicked() {
    if (!m_running)
        return;
    emit epollModeChangeRequested(currentEpollMode());
    if (m_control)
        m_control->setEpollMode(currentEpollMode());
}

void ServerPanel::onStartClicked() {
    if (m_listeners.empty()) {
        showError(tr("Add at least one listener before starting."));
        return;
    }
    const ss::EngineConfig config = buildConfig();
    emit startRequested(config);
    if (m_control)
        m_control->start(config, nullptr);
}

// The timeout and the slider also feed the next start, so they need no running server.
void ServerPanel::onTimeoutEdited(int timeoutMs) {
    emit timeoutChanged(timeoutMs);
    if (m_control && m_running)
        m_control->setTimeoutMs(timeoutMs);
}

void ServerPanel::onSlowMotionMoved(int delayMs) {
    m_slowMotionLabel->setText(tr("%1 ms").arg(delayMs));
    emit slowMotionChanged(delayMs);
    if (m_control && m_running)
        m_control->setSlowMotion(delayMs);
}

void ServerPanel::setRunning(bool running) {
    m_running = running;
    if (!running) {
        m_paused = false;
        m_highestFd = -1;
        m_activeBackend = currentBackend();
        m_studentAddress->hide();
        m_busyLoop->hide();
    }
    updateControls();
    updateGauge();
}

void ServerPanel::setPaused(bool paused) {
    m_paused = paused;
    updateControls();
}

// The engine reports the backend it really uses (a switch can fail) and whether it is paused.
void ServerPanel::updateStats(const ss::EngineStats& stats) {
    m_activeBackend = stats.backend;
    if (m_multiplexes != (stats.model == ss::IoModel::Multiplexed)) {
        m_multiplexes = stats.model == ss::IoModel::Multiplexed;
        updateControls();
    }
    const int index = m_backend->findData(static_cast<int>(stats.backend));
    if (index >= 0 && index != m_backend->currentIndex()) {
        const QSignalBlocker blocker(m_backend);
        m_backend->setCurrentIndex(index);
    }
    showEpollMode(stats.epollMode);
    if (stats.paused != m_paused) {
        setPaused(stats.paused);
    }
    const QString busy = trace_format::busyLoop(stats);
    if (busy != m_busyLoop->text())
        m_busyLoop->setText(busy);
    m_busyLoop->setVisible(!busy.isEmpty());
    updateGauge();
}

void ServerPanel::updateDescriptors(const std::vector<ss::DescriptorInfo>& rows) {
    m_highestFd = -1;
    for (const ss::DescriptorInfo& row : rows) {
        m_highestFd = std::max(m_highestFd, static_cast<int>(row.fd));
    }
    updateGauge();
    updateStudentAddress(rows);
}

// Taken from the listeners' real local addresses, so a port the kernel picked (port 0) and a
// server started from the command line show as they are. Nothing shows while on loopback only.
void ServerPanel::updateStudentAddress(const std::vector<ss::DescriptorInfo>& rows) {
    QStringList targets;
    QStringList ports;
    QStringList machine;  // asked of the system only when a listener takes every interface
    for (const ss::DescriptorInfo& row : rows) {
        if ((row.role != ss::Role::Listener && row.role != ss::Role::Udp) || row.local.empty())
            continue;
        const auto [host, port] = splitHostPort(toQString(row.local));
        if (ss::isLoopbackHost(host.toStdString()))
            continue;
        const QString suffix = row.role == ss::Role::Udp ? tr(" (UDP)") : QString();
        ports << port + suffix;
        if (isWildcardHost(host) && machine.isEmpty())
            machine = reachableAddresses();
        for (const QString& address : isWildcardHost(host) ? machine : QStringList{host})
            targets << QStringLiteral("%1:%2%3").arg(address, port, suffix);
    }
    if (ports.isEmpty()) {
        m_studentAddress->hide();
        return;
    }
    m_studentAddress->setText(
        targets.isEmpty()
            ? tr("This computer has no network address: students cannot connect to port %1.")
                  .arg(ports.join(QStringLiteral(", ")))
            : tr("Students connect to %1").arg(targets.join(QStringLiteral(", "))));
    m_studentAddress->show();
}

void ServerPanel::updateControls() {
    for (QWidget* editable :
         std::initializer_list<QWidget*>{m_preset, m_portEdit, m_protocol, m_behaviour, m_addButton,
                                         m_removeButton, m_allowNetwork}) {
        editable->setEnabled(!m_running);
    }
    m_asWritten->setRunning(m_running);
    m_startButton->setEnabled(!m_running);
    m_stopButton->setEnabled(m_running);
    m_backend->setEnabled(m_multiplexes);
    const bool canPause = m_multiplexes && m_capabilities.testFlag(TraceSource::Capability::Pause);
    m_pauseButton->setEnabled(m_running && !m_paused && canPause);
    m_stepButton->setEnabled(m_running && m_paused && m_multiplexes &&
                             m_capabilities.testFlag(TraceSource::Capability::Step));
    m_runButton->setEnabled(m_running && m_paused && canPause);
}

// select() needs nfds = highest descriptor + 1 bits, so that is how much of the set is used.
void ServerPanel::updateGauge() {
    m_gaugeRow->setVisible(m_multiplexes && hasDescriptorLimit(m_activeBackend));
    m_epollModeRow->setVisible(m_multiplexes && m_activeBackend == ss::BackendKind::Epoll);
    const int used = std::min(m_highestFd + 1, static_cast<int>(FD_SETSIZE));
    m_fdGauge->setValue(used);
    m_fdGauge->setFormat(tr("%1 / %2").arg(used).arg(FD_SETSIZE));
}
