// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QString>
#include <QTimer>
#include <QWidget>

#include <cstdint>
#include <memory>

#include "core/load/load_generator.h"

class CollapsibleSection;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class TraceSource;

// Starts N ping-pong clients against the server (ss::LoadGenerator, on its own threads) and shows
// what they measure: round trips per second, latency percentiles, mismatched bytes and errors.
// The readout is refreshed by a timer on the UI thread; the generator never calls into Qt.
class LoadPanel : public QWidget {
    Q_OBJECT

public:
    static constexpr int kRefreshHz = 4;

    explicit LoadPanel(QWidget* parent = nullptr);
    ~LoadPanel() override;

    // Takes the first TCP listener of each run of `source` as the default target.
    void setSource(TraceSource* source);
    ss::LoadConfig buildConfig() const;
    bool isRunning() const { return m_generator != nullptr; }
    // The last snapshot shown in the readout.
    const ss::LoadStats& lastStats() const { return m_stats; }

public slots:
    // Where the clients connect unless the user changes it (the server's first TCP listener).
    void setDefaultTarget(const QString& host, quint16 port);
    bool start();
    void stop();
    // Folds the server address and message size away again (as on a first start).
    void collapseMoreSettings();

signals:
    void started();
    void stopped();
    void statusMessage(const QString& message);

private:
    QWidget* createSettings();
    QWidget* createMoreSettings(QWidget* parent);
    QWidget* createReadout();
    QLabel* addReadoutRow(QFormLayout* form, const QString& name, const QString& toolTip);
    void refresh();
    void showStats(double roundTripsPerSecond);
    void finish();
    void updateControls();

    std::unique_ptr<ss::LoadGenerator> m_generator;
    ss::LoadStats m_stats;
    QTimer m_refreshTimer;
    QElapsedTimer m_sinceRefresh;

    QLineEdit* m_host = nullptr;
    QSpinBox* m_port = nullptr;
    QSpinBox* m_connections = nullptr;
    QSpinBox* m_messageSize = nullptr;
    QDoubleSpinBox* m_rate = nullptr;
    QPushButton* m_startButton = nullptr;
    QPushButton* m_stopButton = nullptr;
    QLabel* m_rateValue = nullptr;
    QLabel* m_latencyValue = nullptr;
    QLabel* m_activeValue = nullptr;
    QLabel* m_mismatchValue = nullptr;
    QLabel* m_errorValue = nullptr;
    CollapsibleSection* m_moreSettings = nullptr;
};
