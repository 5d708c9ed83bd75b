// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/cost_curve_panel.h"

#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

#include "core/poller/wait_cost.h"
#include "ui/panels/wait_cost_worker.h"

namespace {

constexpr qreal kLineWidth = 2.5;
constexpr double kScatterSize = 9;
constexpr double kLiveDotSize = 18;
constexpr int kExportMinWidth = 1280;
constexpr int kExportMinHeight = 720;
// Room around the points on the logarithmic axes, as a factor.
constexpr double kAxisMargin = 1.6;

QVector<int> defaultSizes() {
    return {10, 30, 100, 300, 1000, 3000, 10000};
}

QColor backendColour(ss::BackendKind kind) {
    switch (kind) {
        case ss::BackendKind::Select:
            return QColor(214, 39, 40);
        case ss::BackendKind::Poll:
            return QColor(255, 127, 14);
        case ss::BackendKind::Epoll:
            return QColor(44, 160, 44);
        case ss::BackendKind::Kqueue:
            return QColor(31, 119, 180);
        case ss::BackendKind::WsaPoll:
            return QColor(148, 103, 189);
    }
    return Qt::black;
}

QString backendText(ss::BackendKind kind) {
    const std::string_view name = ss::backendName(kind);
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

// The value at x on a curve drawn on two logarithmic axes: the straight line between its
// neighbours there. Past the largest size the last segment is extended (the cost keeps growing
// as it did); below the smallest the first value holds, because a call's fixed cost dominates
// there and a line through it would fall towards zero.
bool interpolateLogLog(const QCPGraphDataContainer& data, double x, double* y) {
    if (data.isEmpty() || x <= 0)
        return false;
    auto upper = std::find_if(data.constBegin(), data.constEnd(),
                              [x](const QCPGraphData& p) { return p.key >= x; });
    if (upper == data.constBegin() || data.size() == 1) {
        *y = upper == data.constEnd() ? (data.constEnd() - 1)->value : upper->value;
        return true;
    }
    if (upper == data.constEnd())
        --upper;
    const auto lower = upper - 1;
    const double t =
        (std::log(x) - std::log(lower->key)) / (std::log(upper->key) - std::log(lower->key));
    *y = std::exp(std::log(lower->value) + t * (std::log(upper->value) - std::log(lower->value)));
    return true;
}

}  // namespace

CostCurvePanel::CostCurvePanel(QWidget* parent) : QWidget(parent), m_sizes(defaultSizes()) {
    createPlot();
    createCurves();
    auto* layout = new QVBoxLayout(this);
    // Measure first: in a short dock the button is in view before the chart is.
    layout->addWidget(createControls());
    layout->addWidget(m_plot, 1);
    m_thread.setObjectName(QStringLiteral("wait cost"));
    applyFonts();
    updateLiveDot();
}

// The worker may be in the middle of a cell: it is told to stop, and its thread is ended and
// waited for before the worker is deleted, so that nothing it emits can outlive the panel.
CostCurvePanel::~CostCurvePanel() {
    if (m_worker != nullptr)
        m_worker->cancel();
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

void CostCurvePanel::setSource(TraceSource* source) {
    connect(source, &TraceSource::statsUpdated, this, &CostCurvePanel::applyStats);
    connect(source, &TraceSource::stopped, this, [this] { setLiveServer(m_liveBackend, 0); });
    if (source->isRunning())
        applyStats(source->lastStats());
}

void CostCurvePanel::setSizes(const QVector<int>& sizes) {
    QVector<int> sorted;
    for (int size : sizes) {
        if (size > 0)
            sorted.push_back(size);
    }
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    m_sizes = sorted;
    fitAxes();
    scheduleReplot();
}

QCPGraph* CostCurvePanel::curve(ss::BackendKind kind) const {
    const auto it = m_curves.find(kind);
    return it == m_curves.end() ? nullptr : it->second;
}

void CostCurvePanel::createPlot() {
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("costCurvePlot"));
    m_plot->setMinimumSize(360, 240);
    m_plot->plotLayout()->insertRow(0);
    m_title = new QCPTextElement(m_plot, tr("Cost of one wait call"));
    m_plot->plotLayout()->addElement(0, 0, m_title);
    // The legend sits in its own row under the title, where it never hides a curve.
    m_plot->legend->setVisible(true);
    m_plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->plotLayout()->insertRow(1);
    m_plot->plotLayout()->addElement(1, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);

    m_plot->xAxis->setLabel(tr("watched descriptors"));
    m_plot->yAxis->setLabel(tr("µs per wait call"));
    for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        axis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
        axis->setNumberFormat(QStringLiteral("g"));
        axis->setNumberPrecision(6);  // 10000, not 1e+04
        axis->grid()->setSubGridVisible(true);
    }
    m_plot->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_plot, &QWidget::customContextMenuRequested, this, &CostCurvePanel::showContextMenu);
}

void CostCurvePanel::createCurves() {
    for (ss::BackendKind kind : ss::availableBackends()) {
        QCPGraph* graph = m_plot->addGraph();
        const QColor colour = backendColour(kind);
        graph->setName(backendText(kind));
        graph->setPen(QPen(colour, kLineWidth));
        graph->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCircle, colour, Qt::white, kScatterSize));
        // A legend item clips its text to its own height, which is the font's; at larger sizes
        // that cut off the underscore of FD_SETSIZE. A few pixels below leave room for it.
        m_plot->legend->itemWithPlottable(graph)->setMargins(QMargins(0, 0, 0, 4));
        m_curves[kind] = graph;
    }
    // The live server: a large dot over the curves, not in the legend, with a label beside it
    // that says what it is. The label hangs off the dot by a few pixels, whatever the zoom.
    m_liveMarker = new QCPItemTracer(m_plot);
    m_liveMarker->setStyle(QCPItemTracer::tsCircle);
    m_liveMarker->setSize(kLiveDotSize);
    m_liveMarker->setPen(QPen(Qt::black, 2));
    m_liveMarker->position->setType(QCPItemPosition::ptPlotCoords);
    m_liveMarker->position->setAxes(m_plot->xAxis, m_plot->yAxis);
    m_liveLabel = new QCPItemText(m_plot);
    m_liveLabel->position->setType(QCPItemPosition::ptAbsolute);  // pixels from the dot
    m_liveLabel->position->setParentAnchor(m_liveMarker->position);
    m_liveLabel->setPadding(QMargins(4, 2, 4, 2));
    m_liveLabel->setBrush(QColor(255, 255, 255, 220));
    m_liveLabel->setClipToAxisRect(false);  // a long label may reach into the margin, never cut
    connect(m_plot, &QCustomPlot::afterLayout, this, &CostCurvePanel::placeLiveLabel);
}

QWidget* CostCurvePanel::createControls() {
    auto* row = new QWidget(this);
    m_measureButton = new QPushButton(tr("Measure"), row);
    m_measureButton->setObjectName(QStringLiteral("measure"));
    m_measureButton->setToolTip(
        tr("Time one non-blocking wait call of every backend of this build on this machine, "
           "with 10 to 10,000 watched descriptors. Takes a few seconds."));
    m_cancelButton = new QPushButton(tr("Cancel"), row);
    m_cancelButton->setObjectName(QStringLiteral("cancel"));
    m_cancelButton->setEnabled(false);
    m_progress = new QProgressBar(row);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    connect(m_measureButton, &QPushButton::clicked, this, &CostCurvePanel::measure);
    connect(m_cancelButton, &QPushButton::clicked, this, &CostCurvePanel::cancel);

    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_measureButton);
    layout->addWidget(m_progress, 1);
    layout->addWidget(m_cancelButton);
    return row;
}

void CostCurvePanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFonts();
}

// QCustomPlot copies fonts when its items are created, so the panel's font (which the window's
// zoom changes) is pushed into every axis, the legend, the title and the live label.
void CostCurvePanel::applyFonts() {
    const QFont base = font();
    QFont titleFont = base;
    titleFont.setBold(true);
    titleFont.setPointSizeF(base.pointSizeF() * 1.15);
    for (QCPAxis* axis : m_plot->axisRect()->axes()) {
        axis->setLabelFont(base);
        axis->setTickLabelFont(base);
    }
    m_plot->legend->setFont(base);
    m_title->setFont(titleFont);
    m_liveLabel->setFont(base);
    scheduleReplot();
}

void CostCurvePanel::showContextMenu(const QPoint& pos) {
    QMenu menu(this);
    menu.addAction(tr("Save as PNG…"), this, &CostCurvePanel::saveWithDialog);
    menu.exec(m_plot->mapToGlobal(pos));
}

bool CostCurvePanel::savePng(const QString& path) {
    fitAxes();
    m_plot->replot();
    const int width = std::max(m_plot->width(), kExportMinWidth);
    const int height = std::max(m_plot->height(), kExportMinHeight);
    return m_plot->savePng(path, width, height);
}

void CostCurvePanel::saveWithDialog() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the cost curve"),
                                                      QStringLiteral("selectscope-cost-curve.png"),
                                                      tr("PNG picture (*.png)"));
    if (path.isEmpty())
        return;
    emit statusMessage(savePng(path) ? tr("Cost curve saved to %1").arg(path)
                                     : tr("Could not save the cost curve to %1").arg(path));
}

void CostCurvePanel::startWorker() {
    m_worker = new WaitCostWorker;
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &WaitCostWorker::cellMeasured, this, &CostCurvePanel::addPoint);
    connect(m_worker, &WaitCostWorker::cellSkipped, this, &CostCurvePanel::noteSkipped);
    connect(m_worker, &WaitCostWorker::progressChanged, this, &CostCurvePanel::updateProgress);
    connect(m_worker, &WaitCostWorker::finished, this, &CostCurvePanel::finishMeasuring);
    m_thread.start();
}

void CostCurvePanel::measure() {
    if (m_measuring)
        return;
    if (m_worker == nullptr)
        startWorker();
    for (const auto& [kind, graph] : m_curves) {
        graph->data()->clear();
        graph->setName(backendText(kind));
    }
    m_skipped = 0;
    m_measuring = true;
    m_measureButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    updateLiveDot();
    // Armed here, on the UI thread, so that a cancel() before the worker starts still counts.
    m_worker->arm();
    WaitCostWorker* worker = m_worker;
    const QVector<int> sizes = m_sizes;
    const int budgetMs = m_cellBudgetMs;
    QMetaObject::invokeMethod(
        m_worker, [worker, sizes, budgetMs] { worker->measure(sizes, budgetMs); },
        Qt::QueuedConnection);
    emit statusMessage(tr("Measuring the cost of one wait call…"));
}

void CostCurvePanel::cancel() {
    if (!m_measuring)
        return;
    m_worker->cancel();
    m_cancelButton->setEnabled(false);
}

void CostCurvePanel::addPoint(int backend, int descriptors, double nsPerWait) {
    QCPGraph* graph = curve(static_cast<ss::BackendKind>(backend));
    if (graph == nullptr || nsPerWait <= 0)
        return;
    graph->addData(descriptors, nsPerWait / 1000.0);
    updateLiveDot();
}

// The core's reasons, in the window's language; a failure's system error stays as it came.
void CostCurvePanel::noteSkipped(int backend, int descriptors, int status, qlonglong limit,
                                 const QString& detail) {
    const auto kind = static_cast<ss::BackendKind>(backend);
    const QString name = backendText(kind);
    ++m_skipped;
    switch (static_cast<ss::WaitCostStatus>(status)) {
        case ss::WaitCostStatus::OverBackendLimit:
            if (QCPGraph* graph = curve(kind))
                graph->setName(tr("%1 (stops at FD_SETSIZE = %2)").arg(name).arg(limit));
            emit statusMessage(tr("%1 was not measured with %2 descriptors: it can only watch "
                                  "descriptors below FD_SETSIZE (%3).")
                                   .arg(name)
                                   .arg(descriptors)
                                   .arg(limit));
            break;
        case ss::WaitCostStatus::DescriptorLimit:
            emit statusMessage(tr("%1 was not measured with %2 descriptors: this process may open "
                                  "only %3 descriptors.")
                                   .arg(name)
                                   .arg(descriptors)
                                   .arg(limit));
            break;
        case ss::WaitCostStatus::Unavailable:
            emit statusMessage(
                tr("The cost of a wait call cannot be measured with %1 on this platform.")
                    .arg(name));
            break;
        default:
            emit statusMessage(tr("%1 could not be measured with %2 descriptors: %3")
                                   .arg(name)
                                   .arg(descriptors)
                                   .arg(detail));
            break;
    }
    scheduleReplot();
}

void CostCurvePanel::updateProgress(int done, int total) {
    m_progress->setRange(0, std::max(1, total));
    m_progress->setValue(std::min(done, total));
}

void CostCurvePanel::finishMeasuring(bool cancelled) {
    m_measuring = false;
    m_measureButton->setEnabled(true);
    m_cancelButton->setEnabled(false);
    int points = 0;
    for (const auto& entry : m_curves)
        points += entry.second->dataCount();
    if (cancelled) {
        emit statusMessage(tr(
            "Measurement cancelled: the curves keep the %n point(s) measured so far.", "", points));
    } else if (m_skipped == 0) {
        emit statusMessage(tr("Cost curve measured: %n point(s).", "", points));
    }
    emit measurementFinished(cancelled);
}

void CostCurvePanel::applyStats(const ss::EngineStats& stats) {
    setLiveServer(stats.backend, static_cast<int>(stats.watchedDescriptors));
}

void CostCurvePanel::setLiveServer(ss::BackendKind kind, int watched) {
    if (kind == m_liveBackend && watched == m_liveWatched)
        return;
    m_liveBackend = kind;
    m_liveWatched = std::max(0, watched);
    updateLiveDot();
}

// The dot sits on the curve of the backend the server runs now, at its number of watched
// descriptors; without a curve for that backend there is nothing to put it on.
void CostCurvePanel::updateLiveDot() {
    const QCPGraph* graph = curve(m_liveBackend);
    double micros = 0;
    m_liveVisible = m_liveWatched > 0 && graph != nullptr &&
                    interpolateLogLog(*graph->data(), m_liveWatched, &micros);
    m_liveMarker->setVisible(m_liveVisible);
    m_liveLabel->setVisible(m_liveVisible);
    if (m_liveVisible) {
        m_liveDot = QPointF(m_liveWatched, micros);
        m_liveMarker->position->setCoords(m_liveDot);
        m_liveMarker->setBrush(backendColour(m_liveBackend));
        m_liveLabel->setText(
            tr("live server: %1, %n descriptor(s): %2 µs per call", "", m_liveWatched)
                .arg(backendText(m_liveBackend))
                .arg(micros, 0, 'g', 3));
    }
    fitAxes();
    scheduleReplot();
}

// The label goes beside the dot where its text fits inside the axis rectangle, else centred
// above or below it. Placed after each layout step, so that it follows resizes and zooms.
void CostCurvePanel::placeLiveLabel() {
    if (!m_liveVisible)
        return;
    const QRect area = m_plot->axisRect()->rect();
    const double x = m_plot->xAxis->coordToPixel(m_liveDot.x());
    const double y = m_plot->yAxis->coordToPixel(m_liveDot.y());
    const double gap = kLiveDotSize * 0.7;
    const int width = QFontMetrics(m_liveLabel->font()).horizontalAdvance(m_liveLabel->text()) +
                      m_liveLabel->padding().left() + m_liveLabel->padding().right();
    const bool below = y < area.center().y();
    Qt::Alignment horizontal = Qt::AlignHCenter;
    double dx = 0;
    if (x + gap + width <= area.right()) {
        horizontal = Qt::AlignLeft;
        dx = gap;
    } else if (x - gap - width >= area.left()) {
        horizontal = Qt::AlignRight;
        dx = -gap;
    }
    m_liveLabel->setPositionAlignment(horizontal | (below ? Qt::AlignTop : Qt::AlignBottom));
    m_liveLabel->position->setCoords(dx, below ? gap : -gap);
}

// Both axes are logarithmic: the ranges are the points' (and the live dot's) with a margin
// factor, and a sensible decade range before anything was measured.
void CostCurvePanel::fitAxes() {
    double xLow = m_sizes.isEmpty() ? 10 : m_sizes.front();
    double xHigh = m_sizes.isEmpty() ? 10000 : m_sizes.back();
    double yLow = 0, yHigh = 0;
    for (const auto& entry : m_curves) {
        for (const QCPGraphData& point : *entry.second->data()) {
            yLow = yLow > 0 ? std::min(yLow, point.value) : point.value;
            yHigh = std::max(yHigh, point.value);
        }
    }
    if (m_liveVisible) {
        xLow = std::min(xLow, m_liveDot.x());
        xHigh = std::max(xHigh, m_liveDot.x());
    }
    if (yHigh <= 0) {
        yLow = 0.1;
        yHigh = 1000;
    }
    m_plot->xAxis->setRange(xLow / kAxisMargin, xHigh * kAxisMargin);
    m_plot->yAxis->setRange(yLow / kAxisMargin / kAxisMargin, yHigh * kAxisMargin);
}

void CostCurvePanel::scheduleReplot() {
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}
