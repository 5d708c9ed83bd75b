// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTimer>
#include <QWidget>

#include <array>
#include <cstdint>
#include <vector>

#include "core/server/engine_config.h"
#include "ui/trace_source.h"

class QCPGraph;
class QCPTextElement;
class QCustomPlot;

// Four strip charts of the running engine on one engine clock (seconds since it started): wait
// calls per second with the ready descriptors per call, bytes per second in and out, the number
// of watched descriptors, and the queue depths of one selected descriptor. Points are appended
// as data arrives, anything older than kHistorySeconds is trimmed, and the charts are redrawn
// at most kMaxReplotHz times a second, only when something changed.
class PlotsPanel : public QWidget {
    Q_OBJECT

public:
    enum Plot { CallsPlot, BytesPlot, DescriptorsPlot, QueuesPlot, PlotCount };

    static constexpr double kHistorySeconds = 120.0;
    static constexpr double kCallBinSeconds = 0.5;      // calls are counted per bin
    static constexpr double kStatsPeriodSeconds = 0.5;  // byte rates are sampled this often
    static constexpr double kQueuePeriodSeconds = 0.1;  // queue depths are sampled this often
    static constexpr int kMaxReplotHz = 30;

    explicit PlotsPanel(QWidget* parent = nullptr);

    // Plots what `source` delivers (calls, counters, the selected descriptor's queues), and
    // starts again with each of its runs.
    void setSource(TraceSource* source);

    // Saves one chart as PNG or PDF, chosen by the file name's extension. False on failure or
    // for another extension.
    bool exportPlot(int index, const QString& path);
    QCustomPlot* plot(int index) const;
    QString plotName(int index) const;
    int selectedFd() const { return m_selectedFd; }
    double fontScale() const { return m_fontScale; }

public slots:
    void addBatch(const TraceBatch& batch);
    void addStats(const ss::EngineStats& stats);
    void addDescriptors(const std::vector<ss::DescriptorInfo>& rows);
    // The descriptor whose queues the fourth chart shows; -1 shows none.
    void setSelectedFd(int fd);
    // The window's zoom: the charts' text follows the panel's font, and the smallest size they
    // allow it scales with the zoom too, so that all text grows and shrinks by one factor.
    void setFontScale(double scale);
    void clear();
    // Asks for a file name, then exports the chart.
    void exportWithDialog(int index);

signals:
    void statusMessage(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    QCustomPlot* createPlot(int index, const QString& yLabel);
    QCPGraph* addGraph(QCustomPlot* plot, const QString& name, const QColor& color,
                       bool rightAxis = false);
    void createPlots();
    QWidget* createButtonRow();
    void applyFonts();
    void showContextMenu(int index, const QPoint& pos);

    void addCall(const ss::CallRecord& call);
    void closeIdleCallBins();
    int readyDescriptorCount(const ss::CallRecord& call);
    void closeCallBinsBefore(int64_t bin);
    void append(QCPGraph* graph, double key, double value);
    void advanceClock(double seconds);
    void scheduleReplot();
    void replotAll();
    void updateQueuesTitle();

    std::array<QCustomPlot*, PlotCount> m_plots{};
    std::array<QCPTextElement*, PlotCount> m_titles{};
    QCPGraph* m_calls = nullptr;
    QCPGraph* m_readyPerCall = nullptr;
    QCPGraph* m_bytesIn = nullptr;
    QCPGraph* m_bytesOut = nullptr;
    QCPGraph* m_watched = nullptr;
    QCPGraph* m_recvQueue = nullptr;
    QCPGraph* m_sendQueue = nullptr;
    QCPGraph* m_appQueue = nullptr;

    QTimer m_replotTimer;
    double m_now = 0;  // the engine clock, in seconds
    double m_fontScale = 1.0;
    int m_selectedFd = -1;

    // The open bin of wait calls: which bin, how many calls, how many ready descriptors.
    int64_t m_callBin = -1;
    uint64_t m_lastCallNumber = 0;
    uint64_t m_binCalls = 0;
    uint64_t m_binReady = 0;
    std::vector<int32_t> m_readyScratch;  // reused to count distinct ready descriptors

    // The previous stats sample that byte rates are measured from.
    bool m_haveStats = false;
    double m_statsTime = 0;
    uint64_t m_statsBytesIn = 0;
    uint64_t m_statsBytesOut = 0;
    double m_queueSampleTime = -1;
};
