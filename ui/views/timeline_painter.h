// SPDX-License-Identifier: GPL-3.0-or-later
// One frame of the timeline: the top bar's text, the ruler, the lane labels and lifetimes, the
// bands with their per-set cells, the event marks, the selection and the legend. TimelineView
// keeps the geometry (which domain is in view, where a call or lane is drawn) and the
// interaction; it makes a TimelinePainter in each paintEvent() and asks it for one frame.
//
// Painted with QPainter on a plain QWidget rather than with QCustomPlot: a frame holds thousands
// of bands times several lanes of per-set cells and marks. QCustomPlot would need one plottable
// item per cell and rebuild them per frame; here the bands narrower than a few pixels are folded
// into one cell per pixel column and lane before anything is drawn, so a frame costs a few
// thousand rectangles however many calls are in view (bench/timeline_paint measures it).
#pragma once

#include <QColor>
#include <QImage>
#include <QPointF>
#include <QRect>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "core/trace/trace_types.h"
#include "ui/models/timeline_model.h"
#include "ui/views/timeline_view.h"

class QFont;
class QPainter;

class TimelinePainter {
public:
    // A lookup from lane id to row for one frame: lane ids are dense between the oldest kept
    // lane and the newest, so a vector beats a hash lookup per cell. The view uses it too, to
    // find the rows of a call it brings into view.
    struct RowLookup {
        uint32_t base = 0;
        std::vector<int> rows;

        explicit RowLookup(const std::vector<TimelineModel::Lane>& lanes) {
            if (lanes.empty())
                return;
            uint32_t low = std::numeric_limits<uint32_t>::max(), high = 0;
            for (const auto& lane : lanes) {
                low = std::min(low, lane.id);
                high = std::max(high, lane.id);
            }
            base = low;
            rows.assign(size_t(high - low) + 1, -1);
            for (size_t row = 0; row < lanes.size(); ++row)
                rows[lanes[row].id - base] = int(row);
        }
        int row(uint32_t id) const {
            return id < base || id - base >= rows.size() ? -1 : rows[id - base];
        }

        // The descriptor numbers of the lanes in rows [first, first + count): a band's cells are
        // in fd order, so the cells outside that range are skipped without looking at them (with
        // a hundred lanes, most are scrolled out of view).
        int32_t fdLow = std::numeric_limits<int32_t>::min();
        int32_t fdHigh = std::numeric_limits<int32_t>::max();

        void limitTo(const std::vector<TimelineModel::Lane>& lanes, int first, int count) {
            fdLow = std::numeric_limits<int32_t>::max();
            fdHigh = std::numeric_limits<int32_t>::min();
            for (int r = std::max(first, 0); r < first + count && r < int(lanes.size()); ++r) {
                fdLow = std::min(fdLow, lanes[size_t(r)].fd);
                fdHigh = std::max(fdHigh, lanes[size_t(r)].fd);
            }
        }
        std::pair<const TimelineModel::Cell*, const TimelineModel::Cell*> cells(
            const TimelineModel::Band& band) const {
            const TimelineModel::Cell* begin = band.cells.data();
            const TimelineModel::Cell* end = begin + band.cells.size();
            begin = std::lower_bound(
                begin, end, fdLow,
                [](const TimelineModel::Cell& c, int32_t fd) { return c.fd < fd; });
            end = std::upper_bound(
                begin, end, fdHigh,
                [](int32_t fd, const TimelineModel::Cell& c) { return fd < c.fd; });
            return {begin, end};
        }
    };

    // Paints `view` as it stands: its model, metrics, visible range and rows.
    explicit TimelinePainter(const TimelineView& view);

    void paint(QPainter& p) const;

private:
    using Range = TimelineView::Range;
    // The rectangles of one frame, drawn together (defined in the .cpp).
    struct CellBatch;

    void paintTopBar(QPainter& p) const;
    void paintRuler(QPainter& p) const;
    void paintLabels(QPainter& p) const;
    void paintLaneLifetimes(QPainter& p) const;
    void paintBands(QPainter& p) const;
    void addBandCells(CellBatch& batch, const RowLookup& lookup, const TimelineModel::Band& band,
                      double x0, double x1) const;
    QImage foldColumns(const std::vector<uint8_t>& cells, const std::vector<uint8_t>& blocked,
                       int width, int rows) const;
    void paintMarks(QPainter& p) const;
    void drawByteCounts(QPainter& p, const QFont& small,
                        const std::vector<std::pair<QPointF, int64_t>>& labels) const;
    void paintSelection(QPainter& p) const;
    void paintLegend(QPainter& p) const;
    void blitMarks(QPainter& p, ss::EventKind kind, const std::vector<QPointF>& at,
                   double size) const;
    void drawMarks(QPainter& p, ss::EventKind kind, const std::vector<QPointF>& at,
                   double size) const;
    QRect cellRect(int row, int set, double x0, double x1) const;
    QColor blockedShade() const;
    int rowsHeight() const;

    const TimelineView& m_view;
    const TimelineModel* m_model;
    const TimelineView::Metrics& m_metrics;
    const Range& m_range;
    TimelineView::Axis m_axis;
    QRect m_area;
    int m_firstRow;
    int m_rows;
};
