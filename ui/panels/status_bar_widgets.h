// SPDX-License-Identifier: GPL-3.0-or-later
// The permanent fields on the right of the window's status bar: the server's state and backend in
// large coloured type that the back row of a classroom can read ("Paused · select"), where the
// server listens, how many descriptors it watches, wait calls per second with the CPU share of the
// server's thread, and (only when some were lost, highlighted) how many trace records the window
// could not keep up with.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>

#include <cstdint>
#include <vector>

#include "core/server/engine_config.h"

class QLabel;
class QStatusBar;
class TraceSource;
struct TraceBatch;

class StatusBarWidgets : public QObject {
    Q_OBJECT

public:
    // Calls per second are measured over at least this long, so the number does not flicker.
    static constexpr qint64 kRateWindowMs = 500;
    // The state label's type, relative to the status bar's font (which follows the zoom).
    static constexpr qreal kStateFontScale = 1.35;

    // Adds the fields to `bar` as permanent widgets.
    explicit StatusBarWidgets(QStatusBar* bar);

    // Shows what `source` reports: running, paused, slow motion, and "Stopped" once it stops.
    void setSource(TraceSource* source);

    QLabel* droppedLabel() const { return m_dropped; }
    QLabel* stateLabel() const { return m_state; }

public slots:
    void updateStats(const ss::EngineStats& stats);
    void updateDescriptors(const std::vector<ss::DescriptorInfo>& rows);
    void showStarted();
    void showStopped();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QLabel* addField(QStatusBar* bar, const char* name, const QString& toolTip);
    void updateRate(const ss::EngineStats& stats);
    // The Python exception that stopped an --as-written server, for the status bar.
    void noteExceptions(const TraceBatch& batch);
    void showState(const QString& state, const char* colour);
    void applyStateFont();
    // Shows the listeners in full, by their number only, or not at all: whatever leaves the
    // other fields whole in the bar's width (the tooltip always has them all).
    void fitListeners();
    int spacing() const;
    int othersWidth() const;
    int listenersWidth(const QString& text) const;

    QStatusBar* m_bar = nullptr;
    QLabel* m_state = nullptr;
    QString m_backendName;  // empty until the source reports one
    QLabel* m_listeners = nullptr;
    QStringList m_listenerAddresses;
    QLabel* m_watched = nullptr;
    QLabel* m_rate = nullptr;
    QLabel* m_dropped = nullptr;
    TraceSource* m_source = nullptr;
    QElapsedTimer m_rateClock;
    uint64_t m_rateCalls = 0;
};
