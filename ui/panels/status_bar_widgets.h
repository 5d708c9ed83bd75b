// SPDX-License-Identifier: GPL-3.0-or-later
// The permanent fields on the right of the window's status bar: the backend in use, where the
// server listens, how many descriptors it watches, wait calls per second, and (only when some
// were lost, highlighted) how many trace records the window could not keep up with.
#pragma once

#include <QElapsedTimer>
#include <QObject>

#include <cstdint>
#include <vector>

#include "core/server/engine_config.h"

class QLabel;
class QStatusBar;
class TraceSource;

class StatusBarWidgets : public QObject {
    Q_OBJECT

public:
    // Calls per second are measured over at least this long, so the number does not flicker.
    static constexpr qint64 kRateWindowMs = 500;

    // Adds the fields to `bar` as permanent widgets.
    explicit StatusBarWidgets(QStatusBar* bar);

    // Shows what `source` reports, and "Server stopped" once it stops.
    void setSource(TraceSource* source);

    QLabel* droppedLabel() const { return m_dropped; }

public slots:
    void updateStats(const ss::EngineStats& stats);
    void updateDescriptors(const std::vector<ss::DescriptorInfo>& rows);
    void showStopped();

private:
    QLabel* addField(QStatusBar* bar, const char* name, const QString& toolTip);
    void updateRate(uint64_t waitCalls);

    QLabel* m_backend = nullptr;
    QLabel* m_listeners = nullptr;
    QLabel* m_watched = nullptr;
    QLabel* m_rate = nullptr;
    QLabel* m_dropped = nullptr;
    QElapsedTimer m_rateClock;
    uint64_t m_rateCalls = 0;
};
