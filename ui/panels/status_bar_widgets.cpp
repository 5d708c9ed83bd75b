// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/status_bar_widgets.h"

#include <QEvent>
#include <QLabel>
#include <QLayout>
#include <QStatusBar>
#include <QStringList>

#include <algorithm>

#include "core/server/listener_spec.h"
#include "core/trace/engine_text.h"
#include "core/trace/trace_types.h"
#include "ui/models/trace_format.h"
#include "ui/to_qstring.h"
#include "ui/trace_source.h"

StatusBarWidgets::StatusBarWidgets(QStatusBar* bar) : QObject(bar), m_bar(bar) {
    m_state = addField(bar, "serverState",
                       tr("What the server is doing now, and the system call it waits with."));
    applyStateFont();
    bar->installEventFilter(this);
    m_listeners = addField(bar, "statusListeners", tr("The addresses the server listens on."));
    m_watched = addField(bar, "statusWatched",
                         tr("Descriptors in the server's interest list, the wake-up descriptor "
                            "included."));
    m_rate = addField(bar, "statusRate",
                      tr("Wait calls the server made per second (accept, recv and send calls for "
                         "a server that does not multiplex), and how much of one CPU core its "
                         "thread used over the last quarter second."));
    m_dropped = addField(bar, "statusDropped",
                         tr("Trace records the window could not keep up with and dropped. The "
                            "counters and the descriptor table stay exact."));
    m_dropped->setStyleSheet(
        QStringLiteral("QLabel { background: #c62828; color: white; font-weight: bold; "
                       "padding: 0 6px; }"));
    m_dropped->hide();
    showStopped();
}

void StatusBarWidgets::setSource(TraceSource* source) {
    m_source = source;
    connect(source, &TraceSource::statsUpdated, this, &StatusBarWidgets::updateStats);
    connect(source, &TraceSource::descriptorsUpdated, this, &StatusBarWidgets::updateDescriptors);
    connect(source, &TraceSource::started, this, &StatusBarWidgets::showStarted);
    connect(source, &TraceSource::stopped, this, &StatusBarWidgets::showStopped);
    connect(source, &TraceSource::batchReady, this, &StatusBarWidgets::noteExceptions);
    if (source->isRunning())
        updateStats(source->lastStats());
}

// A zoom changes the status bar's font; the state label stays larger than the rest.
bool StatusBarWidgets::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_bar && event->type() == QEvent::FontChange)
        applyStateFont();
    if (watched == m_bar && (event->type() == QEvent::Resize || event->type() == QEvent::Show))
        fitListeners();
    return QObject::eventFilter(watched, event);
}

void StatusBarWidgets::applyStateFont() {
    QFont font = m_bar->font();
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * kStateFontScale);
    else
        font.setPixelSize(qRound(font.pixelSize() * kStateFontScale));
    font.setBold(true);
    m_state->setFont(font);
}

// White on a saturated colour reads from the back of a classroom, on a projector that washes
// pale colours out, and tells the states apart for those who cannot read the words.
void StatusBarWidgets::showState(const QString& state, const char* colour) {
    m_state->setText(m_backendName.isEmpty()
                         ? state
                         : tr("%1 · %2", "server state · backend").arg(state, m_backendName));
    // A style sheet re-polishes the label: set it when the state changes, not on every tick.
    const QString style = QStringLiteral("QLabel { background: %1; color: white; padding: 0 8px; }")
                              .arg(QLatin1String(colour));
    if (m_state->styleSheet() != style)
        m_state->setStyleSheet(style);
}

void StatusBarWidgets::showStarted() {
    showState(tr("Running"), "#2e7d32");
}

QLabel* StatusBarWidgets::addField(QStatusBar* bar, const char* name, const QString& toolTip) {
    auto* label = new QLabel(bar);
    label->setObjectName(QLatin1String(name));
    label->setToolTip(toolTip);
    label->setContentsMargins(6, 0, 6, 0);
    bar->addPermanentWidget(label);
    return label;
}

void StatusBarWidgets::showStopped() {
    m_backendName.clear();
    showState(tr("Stopped"), "#616161");
    m_listeners->clear();
    m_listeners->hide();
    m_listenerAddresses.clear();
    m_listeners->setToolTip(tr("The addresses the server listens on."));
    m_watched->clear();
    m_watched->hide();
    m_rate->clear();
    m_rate->hide();
    m_rateClock.invalidate();
}

void StatusBarWidgets::updateStats(const ss::EngineStats& stats) {
    m_backendName = toQString(ss::backendName(stats.backend));
    if (stats.model != ss::IoModel::Multiplexed)  // no wait call: the model and its threads
        m_backendName = tr("%1, threads: %2", "IO model, server threads")
                            .arg(toQString(ss::ioModelName(stats.model)))
                            .arg(stats.serverThreads);
    // "epoll et": an edge-triggered epoll behaves differently enough to say so at a glance.
    if (stats.backend == ss::BackendKind::Epoll && stats.epollMode != ss::EpollMode::Level)
        m_backendName += QLatin1Char(' ') + toQString(ss::epollModeName(stats.epollMode));
    const bool live = !m_source || m_source->isLive();
    if (!live)
        showState(tr("Replay"), "#6a1b9a");
    else if (stats.stopped)
        showState(tr("Stopped by an exception"), "#b71c1c");
    else if (stats.paused)
        showState(tr("Paused"), "#e65100");
    else if (stats.slowMotionMs > 0)
        showState(tr("Slow motion (%1 ms)").arg(stats.slowMotionMs), "#1565c0");
    else
        showState(tr("Running"), "#2e7d32");
    m_watched->setText(tr("Watched: %1").arg(stats.watchedDescriptors));
    m_watched->show();
    if (live)
        updateRate(stats);
    else
        m_rate->hide();  // calls per second of the wall clock: a replay has none
    m_dropped->setVisible(stats.traceDropped > 0);
    if (stats.traceDropped > 0)
        m_dropped->setText(tr("Dropped trace records: %1").arg(stats.traceDropped));
    fitListeners();
}

void StatusBarWidgets::updateRate(const ss::EngineStats& stats) {
    // The loop's wait calls, or the socket calls of a server that makes none.
    const uint64_t calls =
        stats.model == ss::IoModel::Multiplexed ? stats.waitCalls : stats.socketCalls;
    if (!m_rateClock.isValid() || calls < m_rateCalls) {
        m_rateClock.start();
        m_rateCalls = calls;
        return;
    }
    const qint64 elapsed = m_rateClock.elapsed();
    if (elapsed < kRateWindowMs)
        return;
    const double perSecond = double(calls - m_rateCalls) * 1000.0 / double(elapsed);
    m_rate->setText(tr("Calls/s: %1 · CPU %2 %")
                        .arg(perSecond, 0, 'f', perSecond < 10 ? 1 : 0)
                        .arg(stats.loopCpuPercent, 0, 'f', 0));
    m_rate->show();
    m_rateClock.start();
    m_rateCalls = calls;
}

void StatusBarWidgets::noteExceptions(const TraceBatch& batch) {
    for (const ss::SocketEvent& e : batch.events) {
        if (e.kind == ss::EventKind::Exception && e.aux == int64_t(ss::AsWritten::Fault::Crash))
            m_bar->showMessage(
                trace_format::engineText(ss::engineText(ss::TextId::ServerDied, {e.text})));
    }
}

void StatusBarWidgets::updateDescriptors(const std::vector<ss::DescriptorInfo>& rows) {
    QStringList addresses;
    for (const ss::DescriptorInfo& row : rows) {
        if (row.role == ss::Role::Listener || row.role == ss::Role::Udp) {
            addresses << toQString(row.local) + (row.role == ss::Role::Udp
                                                     ? QStringLiteral("/udp")
                                                     : QStringLiteral("/tcp"));
        }
    }
    if (addresses == m_listenerAddresses && !addresses.isEmpty())
        return;
    m_listenerAddresses = addresses;
    const QString all = tr("Listening: %1").arg(addresses.join(QStringLiteral(", ")));
    m_listeners->setToolTip(tr("The addresses the server listens on.") + QLatin1Char('\n') + all);
    fitListeners();
}

int StatusBarWidgets::spacing() const {
    return m_bar->layout() != nullptr ? std::max(0, m_bar->layout()->spacing()) : 0;
}

int StatusBarWidgets::othersWidth() const {
    int width = 0;
    for (const QLabel* field : {m_state, m_watched, m_rate, m_dropped}) {
        if (!field->isHidden())
            width += field->sizeHint().width() + spacing();
    }
    return width;
}

// Measured rather than tried, so the label is not set twice on every tick.
int StatusBarWidgets::listenersWidth(const QString& text) const {
    const QMargins margins = m_listeners->contentsMargins();
    return m_listeners->fontMetrics().horizontalAdvance(text) + margins.left() + margins.right() +
           2 * m_listeners->margin() + spacing();
}

void StatusBarWidgets::fitListeners() {
    // The watched count gives way first when the other fields alone do not fit (the descriptor
    // table shows the same count).
    if (!m_watched->text().isEmpty()) {
        m_watched->show();
        m_watched->setVisible(othersWidth() <= m_bar->width() - 4 * m_bar->fontMetrics().height());
    }
    if (m_listenerAddresses.isEmpty()) {
        m_listeners->hide();
        return;
    }
    // The size grip and a little of the message area stay free.
    const int available = m_bar->width() - 4 * m_bar->fontMetrics().height() - othersWidth();
    const int count = int(m_listenerAddresses.size());
    const QString all = tr("Listening: %1").arg(m_listenerAddresses.join(QStringLiteral(", ")));
    const QString counted =
        count == 1 ? tr("Listening: 1 port") : tr("Listening: %1 ports").arg(count);
    if (listenersWidth(all) <= available)
        m_listeners->setText(all);
    else
        m_listeners->setText(counted);
    m_listeners->setVisible(listenersWidth(m_listeners->text()) <= available);
}
