// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointF>
#include <QString>
#include <QThread>
#include <QVector>
#include <QWidget>

#include <map>

#include "core/poller/backend_kind.h"
#include "core/server/engine_config.h"
#include "ui/trace_source.h"

class QCPGraph;
class QCPItemText;
class QCPItemTracer;
class QCPTextElement;
class QCustomPlot;
class QLabel;
class QProgressBar;
class QPushButton;
class WaitCostWorker;

// "Cost of one wait call": the time of one non-blocking wait call against the number of watched
// descriptors, one curve per backend of this build, measured on this machine when the user
// presses Measure. Both axes are logarithmic, so that select and poll rise as a straight line
// (O(n)) and epoll lies flat (O(ready)). The cells are core/poller/wait_cost's, the same that
// bench/descriptor_scaling prints, measured by a WaitCostWorker on the panel's own thread; the
// UI thread only draws what arrives. The running server is a dot on the curve of its backend, at
// its number of watched descriptors.
class CostCurvePanel : public QWidget {
    Q_OBJECT

public:
    static constexpr int kDefaultCellBudgetMs = 40;

    explicit CostCurvePanel(QWidget* parent = nullptr);
    ~CostCurvePanel() override;

    // Follows the backend and watched descriptors of the server that `source` runs.
    void setSource(TraceSource* source);

    // The numbers of watched descriptors measured (ascending, duplicates dropped); the default is
    // 10, 30, 100, 300, 1000, 3000, 10000. Takes effect at the next measure().
    void setSizes(const QVector<int>& sizes);
    QVector<int> sizes() const { return m_sizes; }
    // Time spent timing calls per cell; tests make it short.
    void setCellBudgetMs(int ms) { m_cellBudgetMs = ms; }

    bool isMeasuring() const { return m_measuring; }
    QCustomPlot* plot() const { return m_plot; }
    // The curve of one backend; null when this build does not have it.
    QCPGraph* curve(ss::BackendKind kind) const;
    bool hasLiveDot() const { return m_liveVisible; }
    // Where the dot is drawn: (watched descriptors, µs per call on the curve of liveBackend()).
    QPointF liveDot() const { return m_liveDot; }
    ss::BackendKind liveBackend() const { return m_liveBackend; }

    // Saves the chart, at least 1280×720 pixels. False when the file cannot be written.
    bool savePng(const QString& path);

public slots:
    // Clears the curves and measures every backend at every size, off the UI thread.
    void measure();
    // Stops at the next batch of calls; the points measured so far stay.
    void cancel();
    // The server runs `kind` and watches `watched` descriptors; 0 hides the dot.
    void setLiveServer(ss::BackendKind kind, int watched);
    // Asks for a file name, then saves the chart as PNG.
    void saveWithDialog();

signals:
    // Errors and outcomes for the status bar (never a modal box).
    void statusMessage(const QString& message);
    void measurementFinished(bool cancelled);

protected:
    void changeEvent(QEvent* event) override;

private:
    void createPlot();
    void createCurves();
    QWidget* createControls();
    void applyFonts();
    void showContextMenu(const QPoint& pos);
    void startWorker();

    void addPoint(int backend, int descriptors, double nsPerWait);
    void noteSkipped(int backend, int descriptors, int status, qlonglong limit,
                     const QString& detail);
    void updateProgress(int done, int total);
    void finishMeasuring(bool cancelled);
    void applyStats(const ss::EngineStats& stats);

    void updateLiveDot();
    void placeLiveLabel();
    void fitAxes();
    void scheduleReplot();

    QCustomPlot* m_plot = nullptr;
    QCPTextElement* m_title = nullptr;
    std::map<ss::BackendKind, QCPGraph*> m_curves;
    QCPItemTracer* m_liveMarker = nullptr;
    QCPItemText* m_liveLabel = nullptr;
    QPushButton* m_measureButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QProgressBar* m_progress = nullptr;

    QThread m_thread;
    WaitCostWorker* m_worker = nullptr;  // lives on m_thread; deleted after it ended
    bool m_measuring = false;
    QVector<int> m_sizes;
    int m_cellBudgetMs = kDefaultCellBudgetMs;
    int m_skipped = 0;  // cells of this measurement that could not be measured

    bool m_liveVisible = false;
    ss::BackendKind m_liveBackend = ss::BackendKind::Select;
    int m_liveWatched = 0;
    QPointF m_liveDot;
};
