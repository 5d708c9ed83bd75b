// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QWidget>

#include <vector>

#include "core/poller/backend_kind.h"
#include "core/server/engine_config.h"
#include "core/server/listener_spec.h"
#include "core/server/presets.h"
#include "ui/trace_source.h"

class CollapsibleSection;
class QEvent;
class EngineControl;

class AsWrittenBox;
class QCheckBox;
class QComboBox;
class QLabel;
class QLayout;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSlider;
class QSpinBox;

// What the server is and how it runs: a preset or a hand-made list of listeners, the readiness
// backend, the wait call's timeout, Start/Stop and the teaching controls (pause, one step, run,
// slow motion). It builds an ss::EngineConfig and emits requests. Given a source (setSource), it
// follows the source's state and sends it the requests every TraceSource takes (stop, pause,
// step, run); given the engine's EngineControl too, it sends that the rest (start, slow motion,
// timeout, backend). Without them (tests) it only emits; setRunning(), updateStats() and
// updateDescriptors() then tell it what runs.
class ServerPanel : public QWidget {
    Q_OBJECT

public:
    static constexpr int kMaxSlowMotionMs = 2000;
    static constexpr int kMinListenerRows = 3;

    explicit ServerPanel(QWidget* parent = nullptr);

    // Follows `source` and sends it the teaching requests; the teaching buttons it cannot take
    // stay disabled. `control`, when given, receives the requests only the engine takes.
    void setSource(TraceSource* source, EngineControl* control = nullptr);
    // The settings the panel has no controls for (queue bound, serve folder, trace mode ...),
    // which every start takes from here; the command line sets them.
    // An explicit allowRemote (the command line's --allow-remote) ticks the network switch.
    void setBaseConfig(const ss::EngineConfig& config);
    // The next start's configuration. With the network switch on, the listeners listen on every
    // interface (0.0.0.0, or :: for IPv6) and allowRemote is set; off, they stay on loopback.
    ss::EngineConfig buildConfig() const;
    bool allowsNetwork() const;
    void setAllowNetwork(bool allow);
    const std::vector<ss::ListenerSpec>& listeners() const { return m_listeners; }
    ss::BackendKind currentBackend() const;
    // The epoll mode picked; it applies only while the backend is epoll.
    ss::EpollMode currentEpollMode() const;
    bool isRunning() const { return m_running; }

public slots:
    void setRunning(bool running);
    void updateStats(const ss::EngineStats& stats);
    void updateDescriptors(const std::vector<ss::DescriptorInfo>& rows);
    // Replaces the listeners and the timeout with those of a built-in preset.
    void applyPreset(int index);
    // Runs the preset as its tutorial's code behaves, flaws included (--as-written), from the
    // next start; only for a preset that has flaws.
    void setAsWritten(bool on);
    // Picks the built-in preset of that name; false when there is none.
    bool selectPreset(const QString& name);
    // Keeps the listener list at most `rows` lines high (a preset has one to three listeners),
    // so that the controls below it stay in view in a small dock.
    void setVisibleListenerRows(int rows);
    // Validates the editor's port, protocol and behaviour; adds the listener or shows why not.
    bool addListenerFromEditor();
    void removeSelectedListener();
    // Folds the listeners, timeout and slow motion away again (as on a first start).
    void collapseMoreSettings();

signals:
    void startRequested(const ss::EngineConfig& config);
    void stopRequested();
    void pauseRequested();
    void stepRequested();
    void resumeRequested();
    void slowMotionChanged(int delayMs);
    void timeoutChanged(int timeoutMs);
    void backendChangeRequested(ss::BackendKind kind);
    void epollModeChangeRequested(ss::EpollMode mode);
    // A built-in preset replaced the listeners (picked in the list, or by selectPreset()).
    void presetApplied(const ss::Preset& preset);
    void statusMessage(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    QLayout* createPresetRow();
    QLayout* createButtonRow();
    QLayout* createNetworkSwitch();
    QWidget* createBackendRow();
    QWidget* createEpollModeRow();
    QWidget* createMoreSettings();
    QLayout* createListenerEditor(QWidget* parent);
    QWidget* createTimeout(QWidget* parent);
    QLayout* createSlowMotion(QWidget* parent);
    void connectControls();
    void applyFontSizes();

    void addListener(const ss::ListenerSpec& spec);
    void showError(const QString& message);
    void onStarted();
    void onStopped();
    void onBackendPicked();
    void onEpollModePicked();
    void showEpollMode(ss::EpollMode mode);
    void onStartClicked();
    void onTimeoutEdited(int timeoutMs);
    void onSlowMotionMoved(int delayMs);
    void setPaused(bool paused);
    void updateControls();
    const ss::Preset* currentPreset() const;
    void updateGauge();
    void onNetworkToggled(bool allow);
    void updateStudentAddress(const std::vector<ss::DescriptorInfo>& rows);

    EngineControl* m_control = nullptr;
    TraceSource::Capabilities m_capabilities = TraceSource::Capability::Start |
                                               TraceSource::Capability::Pause |
                                               TraceSource::Capability::Step;
    ss::EngineConfig m_baseConfig;
    std::vector<ss::ListenerSpec> m_listeners;
    bool m_running = false;
    bool m_paused = false;
    ss::BackendKind m_activeBackend = ss::BackendKind::Select;
    // False for the IO-models chapter's servers that make no wait call: no backend, no pause.
    bool m_multiplexes = true;
    int m_highestFd = -1;
    int m_visibleListenerRows = 0;  // 0: no limit

    QComboBox* m_preset = nullptr;
    QLabel* m_presetSummary = nullptr;
    AsWrittenBox* m_asWritten = nullptr;
    QLabel* m_busyLoop = nullptr;  // the badge of a spinning loop
    QListWidget* m_listenerList = nullptr;
    QLineEdit* m_portEdit = nullptr;
    QComboBox* m_protocol = nullptr;
    QComboBox* m_behaviour = nullptr;
    QPushButton* m_addButton = nullptr;
    QPushButton* m_removeButton = nullptr;
    QLabel* m_errorLabel = nullptr;
    QComboBox* m_backend = nullptr;
    QComboBox* m_epollMode = nullptr;
    QWidget* m_epollModeRow = nullptr;  // shown only while the backend is epoll
    QSpinBox* m_timeout = nullptr;
    QPushButton* m_startButton = nullptr;
    QPushButton* m_stopButton = nullptr;
    QPushButton* m_pauseButton = nullptr;
    QPushButton* m_stepButton = nullptr;
    QPushButton* m_runButton = nullptr;
    QSlider* m_slowMotion = nullptr;
    QLabel* m_slowMotionLabel = nullptr;
    QProgressBar* m_fdGauge = nullptr;
    QWidget* m_gaugeRow = nullptr;
    CollapsibleSection* m_moreSettings = nullptr;
    QCheckBox* m_allowNetwork = nullptr;
    QLabel* m_networkWarning = nullptr;
    QLabel* m_studentAddress = nullptr;
};
