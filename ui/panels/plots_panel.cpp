// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/plots_panel.h"

#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "ui/panels/wheel_guard.h"

namespace {
// Read from the back of a classroom: no chart text below this size, and thick lines.
constexpr qreal kMinimumPointSize = 13.0;
constexpr qreal kLineWidth = 2.5;
constexpr int kExportMinWidth = 1280;
constexpr int kExportMinHeight = 720;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Zero to a little above the highest visible value of the graphs on one axis.
void fitValueAxis(QCustomPlot* plot, QCPAxis* axis) {
    double top = 0;
    for (int i = 0; i < plot->graphCount(); ++i) {
        QCPGraph* graph = plot->graph(i);
        bool found = false;
        const QCPRange range = graph->getValueRange(found, QCP::sdBoth, plot->xAxis->range());
        if (graph->valueAxis() == axis && found) {
            top = std::max(top, range.upper);
        }
    }
    axis->setRange(0, std::max(1.0, top * 1.15));
}

}  // namespace

PlotsPanel::PlotsPanel(QWidget* parent) : QWidget(parent) {
    createPlots();

    auto* grid = new QGridLayout;
    for (int i = 0; i < PlotCount; ++i) {
        grid->addWidget(m_plots[static_cast<size_t>(i)], i / 2, i % 2);
    }
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(grid, 1);
    layout->addWidget(createButtonRow());

    m_replotTimer.setSingleShot(true);
    m_replotTimer.setInterval(1000 / kMaxReplotHz);
    connect(&m_replotTimer, &QTimer::timeout, this, &PlotsPanel::replotAll);
    applyFonts();
    replotAll();
    // A chart takes every wheel event; guarded, it lets the panel scroll.
    WheelGuard* guard = WheelGuard::guardChildren(this);
    for (QCustomPlot* plot : m_plots)
        guard->guard(plot);
}

void PlotsPanel::setSource(TraceSource* source) {
    connect(source, &TraceSource::batchReady, this, &PlotsPanel::addBatch);
    connect(source, &TraceSource::statsUpdated, this, &PlotsPanel::addStats);
    connect(source, &TraceSource::descriptorsUpdated, this, &PlotsPanel::addDescriptors);
    connect(source, &TraceSource::started, this, &PlotsPanel::clear);
}

QCustomPlot* PlotsPanel::createPlot(int index, const QString& yLabel) {
    auto* plot = new QCustomPlot(this);
    plot->setMinimumSize(360, 240);
    plot->setNoAntialiasingOnDrag(true);
    plot->plotLayout()->insertRow(0);
    auto* title = new QCPTextElement(plot, plotName(index));
    plot->plotLayout()->addElement(0, 0, title);
    plot->xAxis->setLabel(tr("time since start (s)"));
    plot->yAxis->setLabel(yLabel);
    plot->yAxis->setNumberFormat(QStringLiteral("gbc"));  // 1.5·10^6 rather than 1.5e+06
    // The legend sits in its own row under the title, where it never hides a trace.
    plot->legend->setVisible(true);
    plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    plot->legend->setBorderPen(Qt::NoPen);
    plot->plotLayout()->insertRow(1);
    plot->plotLayout()->addElement(1, 0, plot->legend);
    plot->plotLayout()->setRowStretchFactor(1, 0.001);

    m_plots[static_cast<size_t>(index)] = plot;
    m_titles[static_cast<size_t>(index)] = title;
    plot->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(plot, &QWidget::customContextMenuRequested, this,
            [this, index](const QPoint& pos) { showContextMenu(index, pos); });
    return plot;
}

QCPGraph* PlotsPanel::addGraph(QCustomPlot* plot, const QString& name, const QColor& color,
                               bool rightAxis) {
    QCPGraph* graph = plot->addGraph(plot->xAxis, rightAxis ? plot->yAxis2 : plot->yAxis);
    graph->setName(name);
    graph->setPen(QPen(color, kLineWidth));
    return graph;
}

// One chart per Plot; the calls chart has a second axis for the ready-per-call ratio.
void PlotsPanel::createPlots() {
    QCustomPlot* calls = createPlot(CallsPlot, tr("calls / s"));
    calls->yAxis2->setVisible(true);
    calls->yAxis2->setLabel(tr("ready descriptors / call"));
    m_calls = addGraph(calls, tr("wait calls per second"), QColor(31, 119, 180));
    m_readyPerCall = addGraph(calls, tr("ready descriptors per call"), QColor(255, 127, 14), true);

    QCustomPlot* bytes = createPlot(BytesPlot, tr("bytes / s"));
    m_bytesIn = addGraph(bytes, tr("received (in)"), QColor(44, 160, 44));
    m_bytesOut = addGraph(bytes, tr("sent (out)"), QColor(214, 39, 40));

    QCustomPlot* watched = createPlot(DescriptorsPlot, tr("descriptors"));
    m_watched = addGraph(watched, tr("in the interest list"), QColor(148, 103, 189));

    QCustomPlot* queues = createPlot(QueuesPlot, tr("bytes"));
    m_recvQueue = addGraph(queues, tr("kernel Recv-Q"), QColor(31, 119, 180));
    m_sendQueue = addGraph(queues, tr("kernel Send-Q"), QColor(214, 39, 40));
    m_appQueue = addGraph(queues, tr("application queue"), QColor(255, 127, 14));
    updateQueuesTitle();
}

QWidget* PlotsPanel::createButtonRow() {
    auto* button = new QToolButton(this);
    button->setText(tr("Export…"));
    button->setToolTip(tr("Save one of the charts as a PNG picture or a PDF document."));
    button->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(button);
    for (int i = 0; i < PlotCount; ++i) {
        menu->addAction(plotName(i), this, [this, i] { exportWithDialog(i); });
    }
    button->setMenu(menu);

    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addStretch(1);
    layout->addWidget(button);
    return row;
}

void PlotsPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        applyFonts();
    }
}

// QCustomPlot copies fonts when its items are created, so the panel's font (set by the main
// window for the projector) is pushed into every axis, legend and title explicitly.
void PlotsPanel::applyFonts() {
    QFont base = font();
    base.setPointSizeF(std::max(base.pointSizeF(), kMinimumPointSize * m_fontScale));
    QFont titleFont = base;
    titleFont.setBold(true);
    titleFont.setPointSizeF(base.pointSizeF() * 1.15);
    for (size_t i = 0; i < m_plots.size(); ++i) {
        QCustomPlot* plot = m_plots[i];
        for (QCPAxis* axis : plot->axisRect()->axes()) {
            axis->setLabelFont(base);
            axis->setTickLabelFont(base);
        }
        plot->legend->setFont(base);
        m_titles[i]->setFont(titleFont);
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void PlotsPanel::setFontScale(double scale) {
    if (scale == m_fontScale || scale <= 0)
        return;
    m_fontScale = scale;
    applyFonts();
}

void PlotsPanel::showContextMenu(int index, const QPoint& pos) {
    QMenu menu(this);
    menu.addAction(tr("Export…"), this, [this, index] { exportWithDialog(index); });
    menu.exec(m_plots[static_cast<size_t>(index)]->mapToGlobal(pos));
}

QString PlotsPanel::plotName(int index) const {
    const QString names[PlotCount] = {tr("Wait calls"), tr("Traffic"), tr("Watched descriptors"),
                                      tr("Queues of one descriptor")};
    return index >= 0 && index < PlotCount ? names[index] : QString();
}

QCustomPlot* PlotsPanel::plot(int index) const {
    return index >= 0 && index < PlotCount ? m_plots[static_cast<size_t>(index)] : nullptr;
}

bool PlotsPanel::exportPlot(int index, const QString& path) {
    QCustomPlot* target = plot(index);
    if (target == nullptr) {
        return false;
    }
    replotAll();  // brings the ranges up to date before the chart is drawn into the file
    const int width = std::max(target->width(), kExportMinWidth);
    const int height = std::max(target->height(), kExportMinHeight);
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png")) {
        return target->savePng(path, width, height);
    }
    if (suffix == QLatin1String("pdf")) {
        return target->savePdf(path, width, height);
    }
    return false;
}

void PlotsPanel::exportWithDialog(int index) {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export chart"), QStringLiteral("selectscope-chart.png"),
        tr("PNG picture (*.png);;PDF document (*.pdf)"));
    if (path.isEmpty()) {
        return;
    }
    emit statusMessage(exportPlot(index, path) ? tr("Chart saved to %1").arg(path)
                                               : tr("Could not save the chart to %1").arg(path));
}

void PlotsPanel::addBatch(const TraceBatch& batch) {
    for (const ss::CallRecord& call : batch.calls) {
        addCall(call);
    }
    if (!batch.calls.empty()) {
        scheduleReplot();
    }
}

// Calls are binned by the time they returned: that is when they enter the trace, so bins close
// in order even when one call blocked for seconds.
void PlotsPanel::addCall(const ss::CallRecord& call) {
    if (call.number <= m_lastCallNumber) {
        clear();  // a new engine run numbers its calls from 1 again
    }
    m_lastCallNumber = call.number;
    const double end = static_cast<double>(call.startNs + call.durationNs) / 1e9;
    const auto bin = std::max(m_callBin, static_cast<int64_t>(end / kCallBinSeconds));
    if (bin > m_callBin) {
        closeCallBinsBefore(bin);
    }
    ++m_binCalls;
    m_binReady += static_cast<uint64_t>(readyDescriptorCount(call));
    advanceClock(end);
}

int PlotsPanel::readyDescriptorCount(const ss::CallRecord& call) {
    m_readyScratch.clear();
    for (const auto* set : {&call.readyRead, &call.readyWrite, &call.readyExcept, &call.readyHangup,
                            &call.readyError}) {
        m_readyScratch.insert(m_readyScratch.end(), set->begin(), set->end());
    }
    std::sort(m_readyScratch.begin(), m_readyScratch.end());
    const auto last = std::unique(m_readyScratch.begin(), m_readyScratch.end());
    return static_cast<int>(last - m_readyScratch.begin());
}

// Ends the open bin with a point at its right edge. Bins without calls between it and the new
// one need only two points (a flat zero line), and no ready-per-call value at all (a gap).
void PlotsPanel::closeCallBinsBefore(int64_t bin) {
    if (m_callBin >= 0) {
        const double key = static_cast<double>(m_callBin + 1) * kCallBinSeconds;
        append(m_calls, key, static_cast<double>(m_binCalls) / kCallBinSeconds);
        append(m_readyPerCall, key,
               m_binCalls > 0 ? static_cast<double>(m_binReady) / m_binCalls : kNaN);
        if (bin > m_callBin + 1) {
            append(m_calls, key + kCallBinSeconds, 0);
            append(m_readyPerCall, key + kCallBinSeconds, kNaN);
        }
        if (bin > m_callBin + 2) {
            append(m_calls, static_cast<double>(bin) * kCallBinSeconds, 0);
        }
    }
    m_callBin = bin;
    m_binCalls = 0;
    m_binReady = 0;
}

// A wait call that blocks for a long time reports nothing until it returns; the engine clock
// (from the stats) still moves, and bins it has left well behind are closed with what they got.
void PlotsPanel::closeIdleCallBins() {
    const auto bin = static_cast<int64_t>(m_now / kCallBinSeconds) - 1;
    if (m_callBin >= 0 && bin > m_callBin) {
        closeCallBinsBefore(bin);
    }
}

void PlotsPanel::addStats(const ss::EngineStats& stats) {
    const double t = stats.uptimeSeconds;
    if (m_haveStats &&
        (t < m_statsTime || stats.bytesIn < m_statsBytesIn || stats.bytesOut < m_statsBytesOut)) {
        clear();  // a new engine run: its clock and counters start again
    }
    advanceClock(t);
    closeIdleCallBins();
    scheduleReplot();
    const double dt = t - m_statsTime;
    if (m_haveStats && dt < kStatsPeriodSeconds) {
        return;
    }
    if (m_haveStats && dt > 0) {
        append(m_bytesIn, t, static_cast<double>(stats.bytesIn - m_statsBytesIn) / dt);
        append(m_bytesOut, t, static_cast<double>(stats.bytesOut - m_statsBytesOut) / dt);
    }
    append(m_watched, t, static_cast<double>(stats.watchedDescriptors));
    m_haveStats = true;
    m_statsTime = t;
    m_statsBytesIn = stats.bytesIn;
    m_statsBytesOut = stats.bytesOut;
}

void PlotsPanel::addDescriptors(const std::vector<ss::DescriptorInfo>& rows) {
    if (m_selectedFd < 0 || m_now - m_queueSampleTime < kQueuePeriodSeconds) {
        return;
    }
    const auto row = std::find_if(rows.begin(), rows.end(), [this](const ss::DescriptorInfo& r) {
        return r.fd == m_selectedFd;
    });
    if (row == rows.end()) {
        return;
    }
    // A listener's "Recv-Q" is its accept queue, as ss(8) shows it. Unknown (-1) is a gap.
    const int64_t recv = row->role == ss::Role::Listener ? row->acceptQueue : row->kernelRecvQueue;
    append(m_recvQueue, m_now, recv >= 0 ? static_cast<double>(recv) : kNaN);
    append(m_sendQueue, m_now,
           row->kernelSendQueue >= 0 ? static_cast<double>(row->kernelSendQueue) : kNaN);
    append(m_appQueue, m_now, static_cast<double>(row->appQueueBytes));
    m_queueSampleTime = m_now;
    scheduleReplot();
}

void PlotsPanel::setSelectedFd(int fd) {
    if (fd == m_selectedFd) {
        return;
    }
    m_selectedFd = fd;
    for (QCPGraph* graph : {m_recvQueue, m_sendQueue, m_appQueue}) {
        graph->data()->clear();
    }
    m_queueSampleTime = -1;
    updateQueuesTitle();
    scheduleReplot();
}

void PlotsPanel::clear() {
    for (QCustomPlot* plot : m_plots) {
        for (int i = 0; i < plot->graphCount(); ++i) {
            plot->graph(i)->data()->clear();
        }
    }
    m_now = 0;
    m_callBin = -1;
    m_lastCallNumber = 0;
    m_binCalls = m_binReady = 0;
    m_haveStats = false;
    m_statsTime = 0;
    m_statsBytesIn = m_statsBytesOut = 0;
    m_queueSampleTime = -1;
    scheduleReplot();
}

void PlotsPanel::append(QCPGraph* graph, double key, double value) {
    graph->addData(key, value);
    graph->data()->removeBefore(key - kHistorySeconds);
}

void PlotsPanel::advanceClock(double seconds) {
    m_now = std::max(m_now, seconds);
}

void PlotsPanel::scheduleReplot() {
    if (!m_replotTimer.isActive()) {
        m_replotTimer.start();
    }
}

// The x range slides with the engine clock; until the history is full it stays at 0..history,
// so the traces grow from the left as on a strip chart.
void PlotsPanel::replotAll() {
    const double upper = std::max(m_now, kHistorySeconds);
    for (QCustomPlot* plot : m_plots) {
        plot->xAxis->setRange(upper - kHistorySeconds, upper);
        fitValueAxis(plot, plot->yAxis);
        fitValueAxis(plot, plot->yAxis2);
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void PlotsPanel::updateQueuesTitle() {
    m_titles[QueuesPlot]->setText(m_selectedFd < 0
                                      ? tr("Queues (select a descriptor)")
                                      : tr("Queues of descriptor %1").arg(m_selectedFd));
}
