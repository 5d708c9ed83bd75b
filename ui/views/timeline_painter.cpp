// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/timeline_painter.h"

#include <QCoreApplication>
#include <QFont>
#include <QFontMetrics>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QPolygonF>
#include <QStaticText>
#include <QVector>

#include <algorithm>
#include <array>
#include <cmath>

#include "ui/models/trace_format.h"
#include "ui/views/set_colours.h"

// The painted strings were the view's tr() strings and keep its translation context, so the
// existing translations still apply to them.

namespace {

// Bands narrower than this many pixels are folded into one cell per pixel column and lane.
constexpr double kFoldPixels = 3.0;

// Folded cells: bits 0-2 are the sets that went in, bits 3-5 those that came back ready.
constexpr int kReadyShift = 3;

const std::array<ss::EventKind, 7> kMarkKinds = {
    ss::EventKind::Accept,         ss::EventKind::Recv,   ss::EventKind::Send,
    ss::EventKind::Close,          ss::EventKind::Urgent, ss::EventKind::BackpressureOn,
    ss::EventKind::BackpressureOff};

int markIndex(ss::EventKind kind) {
    const auto it = std::find(kMarkKinds.begin(), kMarkKinds.end(), kind);
    return it == kMarkKinds.end() ? -1 : int(it - kMarkKinds.begin());
}

QColor setColour(int set) {
    switch (set) {
        case 0:
            return set_colours::read();
        case 1:
            return set_colours::write();
        default:
            return set_colours::except();
    }
}

// A step of 1, 2 or 5 times a power of ten that splits `span` into about `ticks` parts.
double niceStep(double span, double ticks) {
    const double raw = span / std::max(1.0, ticks);
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double factor : {1.0, 2.0, 5.0}) {
        if (factor * power >= raw)
            return factor * power;
    }
    return 10 * power;
}

// Calls `run(first, end)` for each stretch of columns in which `line` has one of `bits`.
template <typename Run>
void addRuns(const uint8_t* line, int width, uint8_t bits, Run run) {
    for (int c = 0; c < width; ++c) {
        if (!(line[c] & bits))
            continue;
        const int first = c;
        while (c < width && (line[c] & bits))
            ++c;
        run(first, c);
    }
}

}  // namespace

// The rectangles of one frame, by colour: QPainter's cost is mostly per call, so a frame draws
// all cells of one set and kind with one drawRects().
// Everything is an integer rectangle filled without a pen (an outline is four thin ones): the
// raster engine's fastest path, where a stroked or fractional rectangle goes through the stroker.
struct TimelinePainter::CellBatch {
    std::array<QVector<QRect>, 3> ink;  // per set: filled cells and the edges of outlined ones

    void fill(int set, const QRect& box) { ink[size_t(set)].append(box); }
    void outline(int set, const QRect& box) {
        QVector<QRect>& out = ink[size_t(set)];
        out.append(QRect(box.left(), box.top(), box.width(), 1));
        if (box.height() > 1)
            out.append(QRect(box.left(), box.bottom(), box.width(), 1));
        if (box.height() > 2) {
            out.append(QRect(box.left(), box.top() + 1, 1, box.height() - 2));
            if (box.width() > 1)
                out.append(QRect(box.right(), box.top() + 1, 1, box.height() - 2));
        }
    }
    void draw(QPainter& p) const {
        for (int set = 0; set < 3; ++set) {
            const QColor colour = setColour(set);
            for (const QRect& box : ink[size_t(set)])
                p.fillRect(box, colour);
        }
    }
};

TimelinePainter::TimelinePainter(const TimelineView& view)
    : m_view(view),
      m_model(view.m_model),
      m_metrics(view.m_metrics),
      m_range(view.range()),
      m_axis(view.m_axis),
      m_area(view.laneArea()),
      m_firstRow(view.m_firstRow),
      m_rows(view.visibleRows()) {}

void TimelinePainter::paint(QPainter& p) const {
    p.fillRect(m_view.rect(), m_view.palette().window());
    p.fillRect(m_area, m_view.palette().base());
    paintTopBar(p);
    paintRuler(p);
    paintLabels(p);
    p.save();
    p.setClipRect(m_area);
    paintLaneLifetimes(p);
    paintBands(p);
    paintMarks(p);
    paintSelection(p);
    p.restore();
    paintLegend(p);
}

// The time spent blocked inside a call: a light tint over the lanes, darker where a lane lives.
QColor TimelinePainter::blockedShade() const {
    QColor shade = m_view.palette().windowText().color();
    shade.setAlpha(28);
    return shade;
}

int TimelinePainter::rowsHeight() const {
    const int rows = std::min(m_rows, int(m_model->lanes().size()) - m_firstRow);
    return std::clamp(rows * m_metrics.laneHeight, 0, m_area.height());
}

QRect TimelinePainter::cellRect(int row, int set, double x0, double x1) const {
    const QRect area = m_area;
    const double h = (m_metrics.laneHeight - 4) / 3.0;
    const double top = area.top() + (row - m_firstRow) * m_metrics.laneHeight + 2 + set * h;
    const int left = int(std::lround(x0));
    return QRect(left, int(top), std::max(1, int(std::lround(x1)) - left), std::max(1, int(h) - 1));
}

void TimelinePainter::paintTopBar(QPainter& p) const {
    const auto& bands = m_model->bands();
    QString text;
    if (bands.empty()) {
        text = QCoreApplication::translate("TimelineView", "No wait calls yet");
    } else if (m_axis == TimelineView::Axis::Calls) {
        const Range& r = m_range;
        text = QCoreApplication::translate("TimelineView", "Calls %1 to %2")
                   .arg(std::max<qint64>(0, qint64(std::ceil(r.start))))
                   .arg(qint64(std::floor(r.start + r.span)));
    } else {
        const Range& r = m_range;
        text = QCoreApplication::translate("TimelineView", "%1 s to %2 s")
                   .arg(r.start / 1e9, 0, 'f', 3)
                   .arg((r.start + r.span) / 1e9, 0, 'f', 3);
    }
    if (m_model->isPaused())
        text += QStringLiteral("   ") + QCoreApplication::translate("TimelineView", "(paused)");
    else if (!m_view.isFollowing())
        text += QStringLiteral("   ") +
                QCoreApplication::translate("TimelineView", "(held: press Live to follow)");
    p.setPen(m_view.palette().windowText().color());
    const QRect bar = m_view.topBarText();
    p.drawText(bar, Qt::AlignVCenter | Qt::AlignLeft,
               m_view.fontMetrics().elidedText(text, Qt::ElideRight, bar.width()));
}

void TimelinePainter::paintRuler(QPainter& p) const {
    const QRect area = m_area;
    const QFontMetrics fm = m_view.fontMetrics();
    const Range& r = m_range;
    const bool calls = m_axis == TimelineView::Axis::Calls;
    const int labelWidth =
        fm.horizontalAdvance(calls ? QStringLiteral("#000000") : QStringLiteral("0000.000 s"));
    double step = niceStep(r.span, double(area.width()) / (labelWidth * 1.6));
    if (calls)
        step = std::max(1.0, step);
    const int decimals = calls ? 0 : std::max(0, int(-std::floor(std::log10(step / 1e9))));
    const int baseline = m_metrics.topBar + m_metrics.ruler - 4;
    p.setPen(m_view.palette().windowText().color());
    // The ticks are counted in whole steps, so that rounding does not add up along the ruler.
    const double firstTick = std::ceil(r.start / step);
    const int ticks = int(std::floor((r.start + r.span) / step) - firstTick) + 1;
    for (int i = 0; i < ticks; ++i) {
        const double d = (firstTick + i) * step;
        const int x =
            int(std::lround(m_view.xOf(d + (calls ? TimelineView::kBandFraction / 2 : 0))));
        const QString label = calls ? QStringLiteral("#%1").arg(qint64(d))
                                    : QCoreApplication::translate("TimelineView", "%1 s")
                                          .arg(d / 1e9, 0, 'f', decimals);
        p.drawLine(x, baseline - 1, x, baseline + 3);
        p.drawText(x - labelWidth, m_metrics.topBar, 2 * labelWidth, m_metrics.ruler - 6,
                   Qt::AlignCenter, label);
    }
}

void TimelinePainter::paintLabels(QPainter& p) const {
    const auto& lanes = m_model->lanes();
    const QRect area = m_area;
    const int h = m_metrics.laneHeight;
    p.save();
    p.setClipRect(0, area.top(), m_metrics.gutter, area.height());
    const int pad = m_view.fontMetrics().averageCharWidth();
    for (int row = m_firstRow; row < int(lanes.size()) && row < m_firstRow + m_rows; ++row) {
        const TimelineModel::Lane& lane = lanes[size_t(row)];
        const QColor text = lane.ended
                                ? m_view.palette().color(QPalette::Disabled, QPalette::WindowText)
                                : m_view.palette().windowText().color();
        p.setPen(text);
        const QRect box(pad, area.top() + (row - m_firstRow) * h, m_metrics.gutter - 2 * pad, h);
        const QString label =
            m_view.fontMetrics().elidedText(m_view.laneLabel(lane), Qt::ElideRight, box.width());
        p.drawText(box, Qt::AlignVCenter | Qt::AlignLeft, label);
    }
    p.restore();
}

// Each lane is shaded only while its descriptor exists: a closed descriptor's lane ends there,
// with a bar.
void TimelinePainter::paintLaneLifetimes(QPainter& p) const {
    const auto& lanes = m_model->lanes();
    const QRect area = m_area;
    const int h = m_metrics.laneHeight;
    QColor shade = m_view.palette().windowText().color();
    shade.setAlpha(14);
    const QColor line = m_view.palette().mid().color();
    for (int row = m_firstRow; row < int(lanes.size()) && row < m_firstRow + m_rows; ++row) {
        const TimelineModel::Lane& lane = lanes[size_t(row)];
        const bool calls = m_axis == TimelineView::Axis::Calls;
        const double start = calls ? double(lane.firstCall) - (1 - TimelineView::kBandFraction) / 2
                                   : double(lane.startNs);
        const double end = !lane.ended ? std::numeric_limits<double>::max()
                           : calls     ? double(lane.endCall) + TimelineView::kBandFraction +
                                         (1 - TimelineView::kBandFraction) / 2
                                   : double(lane.endNs);
        const double x0 = std::max(m_view.xOf(start), double(area.left()));
        const double x1 = std::min(m_view.xOf(std::min(end, 1e300)), double(area.right() + 1));
        const int top = area.top() + (row - m_firstRow) * h;
        if (x1 > x0)
            p.fillRect(QRectF(x0, top + 1, x1 - x0, h - 2), shade);
        p.setPen(line);
        p.drawLine(area.left(), top + h - 1, area.right(), top + h - 1);
        if (lane.ended && x1 >= area.left() && x1 <= area.right()) {
            p.setPen(QPen(m_view.palette().windowText().color(), 2));
            p.drawLine(QPointF(x1, top + 1), QPointF(x1, top + h - 2));
        }
    }
}

void TimelinePainter::paintBands(QPainter& p) const {
    const auto& bands = m_model->bands();
    const auto [first, last] = m_view.visibleBands();
    const QRect area = m_area;
    const int width = area.width();
    const int rows = m_rows;
    RowLookup lookup(m_model->lanes());
    lookup.limitTo(m_model->lanes(), m_firstRow, rows);
    std::vector<uint8_t> folded(size_t(width) * size_t(std::max(rows, 0)), 0);
    std::vector<uint8_t> blocked(size_t(width), 0);
    CellBatch batch;
    for (size_t i = first; i < last; ++i) {
        const TimelineModel::Band& band = bands[i];
        const double x0 = m_view.xOf(m_view.bandStart(band)), x1 = m_view.xOf(m_view.bandEnd(band));
        if (x1 - x0 >= kFoldPixels) {
            const int c0 = std::clamp(int(std::lround(x0)) - area.left(), 0, width);
            const int c1 = std::clamp(int(std::lround(x1)) - area.left(), c0, width);
            std::fill(blocked.begin() + c0, blocked.begin() + c1, uint8_t(1));
            addBandCells(batch, lookup, band, x0, x1);
            continue;
        }
        const int c0 = std::clamp(int(std::floor(x0)) - area.left(), 0, width - 1);
        const int c1 = std::clamp(int(std::floor(x1)) - area.left(), c0, width - 1);
        std::fill(blocked.begin() + c0, blocked.begin() + c1 + 1, uint8_t(1));
        const auto [begin, end] = lookup.cells(band);
        for (const TimelineModel::Cell* cell = begin; cell != end; ++cell) {
            const int row = lookup.row(cell->lane) - m_firstRow;
            if (row < 0 || row >= rows)
                continue;
            const uint8_t bits = uint8_t((cell->in & 7) | ((cell->ready & 7) << kReadyShift));
            uint8_t* line = folded.data() + size_t(row) * size_t(width);
            for (int c = c0; c <= c1; ++c)
                line[c] |= bits;
        }
    }
    const QImage shadeAndFolded = foldColumns(folded, blocked, width, rows);
    if (!shadeAndFolded.isNull())
        p.drawImage(area.topLeft(), shadeAndFolded);
    batch.draw(p);
}

// One band wide enough to draw on its own: per lane and set, an outline for "went in" and a
// filled cell for "came back ready".
void TimelinePainter::addBandCells(CellBatch& batch, const RowLookup& lookup,
                                   const TimelineModel::Band& band, double x0, double x1) const {
    const int rows = m_rows;
    const auto [begin, end] = lookup.cells(band);
    for (const TimelineModel::Cell* it = begin; it != end; ++it) {
        const TimelineModel::Cell& cell = *it;
        const int row = lookup.row(cell.lane);
        if (row < m_firstRow || row >= m_firstRow + rows)
            continue;
        for (int set = 0; set < 3; ++set) {
            const uint8_t bit = uint8_t(1u << set);
            const QRect box = cellRect(row, set, x0 + 1, x1 - 1);
            if (cell.ready & bit)
                batch.fill(set, box);
            else if (cell.in & bit)
                batch.outline(set, box);
        }
    }
}

// Bands narrower than kFoldPixels, folded into pixel columns: runs of equal cells are drawn as
// one rectangle, so the cost follows the width of the view, not the number of calls.
// The blocked time and the folded cells are written straight into one image, one pixel column
// per column, and drawn with one drawImage(): with a hundred lanes the runs of ready columns are
// tens of thousands of rectangles, and filling hundreds of tall, narrow translucent rectangles
// (the blocked time) cost 35 ms a frame, span by span.
QImage TimelinePainter::foldColumns(const std::vector<uint8_t>& cells,
                                    const std::vector<uint8_t>& blocked, int width,
                                    int rows) const {
    const QRect area = m_area;
    const int height = rowsHeight();
    if (height <= 0 || width <= 0)
        return {};
    QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
    std::vector<QRgb> shadeLine(size_t(width), 0);
    const QRgb shade = qPremultiply(blockedShade().rgba());
    for (int c = 0; c < width; ++c) {
        if (blocked[size_t(c)])
            shadeLine[size_t(c)] = shade;
    }
    for (int y = 0; y < height; ++y)
        std::copy(shadeLine.begin(), shadeLine.end(), reinterpret_cast<QRgb*>(image.scanLine(y)));
    auto span = [&](int x0, int x1, int y0, int y1, QRgb colour) {
        x0 = std::clamp(x0, 0, width);
        x1 = std::clamp(x1, x0, width);
        for (int y = std::max(y0, 0); y < std::min(y1, height); ++y) {
            QRgb* line = reinterpret_cast<QRgb*>(image.scanLine(y));
            std::fill(line + x0, line + x1, colour);
        }
    };
    // Per lane and set: one outline around each stretch of columns in which the descriptor went
    // in (or came back ready), and a filled run wherever it came back ready. Outlining each
    // column would draw noise.
    for (int row = 0; row < rows; ++row) {
        const uint8_t* line = cells.data() + size_t(row) * size_t(width);
        for (int set = 0; set < 3; ++set) {
            const QRect box = cellRect(row + m_firstRow, set, area.left(), area.left() + 1);
            const int y0 = box.top() - area.top(), y1 = y0 + box.height();
            const QRgb colour = setColour(set).rgba();
            const uint8_t ready = uint8_t(1u << (set + kReadyShift));
            addRuns(line, width, uint8_t((1u << set) | ready), [&](int c0, int c1) {
                span(c0, c1, y0, y0 + 1, colour);
                span(c0, c1, y1 - 1, y1, colour);
                span(c0, c0 + 1, y0, y1, colour);
                span(c1 - 1, c1, y0, y1, colour);
            });
            addRuns(line, width, ready, [&](int c0, int c1) { span(c0, c1, y0, y1, colour); });
        }
    }
    return image;
}

void TimelinePainter::paintMarks(QPainter& p) const {
    const auto& marks = m_model->marks();
    if (marks.empty())
        return;
    const QRect area = m_area;
    const RowLookup lookup(m_model->lanes());
    const int rows = m_rows;
    const double size = std::min(m_metrics.laneHeight * 0.4, m_view.fontMetrics().height() * 0.6);
    // Marks are in time order: find the first that may be in view, stop after the last.
    auto it = m_view.firstVisibleMark();
    // Marks sit in the upper half of their lane and their byte counts in the lower half. A mark
    // that would overlap the one before it on its lane moves next to it when that is close to
    // its time, or is left out when many fall together (zoomed out). They are drawn one path per
    // kind, the counts as static text: per-call costs dominate a frame of thousands of marks.
    std::vector<double> markEnd(size_t(std::max(rows, 0)), -1e9);
    std::vector<double> labelEnd(size_t(std::max(rows, 0)), -1e9);
    std::array<std::vector<QPointF>, kMarkKinds.size()> centres;
    std::vector<std::pair<QPointF, int64_t>> labels;
    QFont small = m_view.font();
    small.setPointSizeF(std::max(1.0, small.pointSizeF() * 0.85));
    const QFontMetrics smallMetrics(small);
    const double labelGap = smallMetrics.averageCharWidth();
    // Zoomed out to less than a few pixels per call, marks keep their distance and the byte
    // counts are left out, so that the cells under them stay visible.
    const auto [firstBand, lastBand] = m_view.visibleBands();
    const bool folded = double(lastBand - firstBand) * kFoldPixels > area.width();
    const double spacing = folded ? size * 2 : 1;
    size_t cursor = firstBand > 0 ? firstBand - 1 : 0;
    for (; it != marks.end(); ++it) {
        // Marks of lanes out of view are passed over before their place is worked out.
        const int row = lookup.row(it->lane) - m_firstRow;
        if (row < 0 || row >= rows)
            continue;
        double x = m_view.xOf(m_view.markDomain(*it, cursor));
        if (x > area.right() + size)
            break;
        const int kind = markIndex(it->kind);
        if (kind < 0 || x < area.left() - size)
            continue;
        double& previous = markEnd[size_t(row)];
        if (x - size / 2 < previous) {
            if (previous - (x - size / 2) > size)
                continue;
            x = previous + size / 2;
        }
        previous = x + size / 2 + spacing;
        const double top = area.top() + row * m_metrics.laneHeight;
        centres[size_t(kind)].emplace_back(x, top + m_metrics.laneHeight * 0.3);
        if (folded || it->kind != ss::EventKind::Recv || x - size / 2 < labelEnd[size_t(row)])
            continue;
        const QPointF at(x - size / 2, top + m_metrics.laneHeight - smallMetrics.height() - 1);
        labels.emplace_back(at, it->bytes);
        labelEnd[size_t(row)] =
            at.x() +
            smallMetrics.horizontalAdvance(
                QCoreApplication::translate("TimelineView", "%1 B").arg(it->bytes)) +
            labelGap;
    }
    p.save();
    for (size_t kind = 0; kind < kMarkKinds.size(); ++kind)
        blitMarks(p, kMarkKinds[kind], centres[kind], size);
    drawByteCounts(p, small, labels);
    p.restore();
}

// The byte counts under the recv marks, as static text made once per distinct count.
void TimelinePainter::drawByteCounts(QPainter& p, const QFont& small,
                                     const std::vector<std::pair<QPointF, int64_t>>& labels) const {
    p.setFont(small);
    p.setPen(m_view.palette().text().color());
    QHash<int64_t, QStaticText> texts;
    for (const auto& [at, bytes] : labels) {
        auto text = texts.find(bytes);
        if (text == texts.end())
            text = texts.insert(
                bytes, QStaticText(QCoreApplication::translate("TimelineView", "%1 B").arg(bytes)));
        p.drawStaticText(at, *text);
    }
}

// Each kind is drawn once, antialiased, into a small pixmap that is then copied to every place
// it goes in one drawPixmapFragments(): filling thousands of tiny antialiased shapes one by one
// (or as one path) cost several times the rest of the frame.
void TimelinePainter::blitMarks(QPainter& p, ss::EventKind kind, const std::vector<QPointF>& at,
                                double size) const {
    if (at.empty())
        return;
    const qreal ratio = p.device() ? p.device()->devicePixelRatioF() : 1.0;
    const int side = int(std::ceil(size)) + 4;
    QPixmap sprite(QSize(side, side) * ratio);
    sprite.setDevicePixelRatio(ratio);
    sprite.fill(Qt::transparent);
    {
        QPainter sp(&sprite);
        sp.setRenderHint(QPainter::Antialiasing, true);
        drawMarks(sp, kind, {QPointF(side / 2.0, side / 2.0)}, size);
    }
    const QRectF source(0, 0, side * ratio, side * ratio);
    std::vector<QPainter::PixmapFragment> fragments;
    fragments.reserve(at.size());
    for (const QPointF& centre : at)
        fragments.push_back(QPainter::PixmapFragment::create(centre, source));
    p.drawPixmapFragments(fragments.data(), int(fragments.size()), sprite);
}

// Shapes rather than colours, so they never compete with the three set colours: accept a
// right-pointing triangle (in through the door), recv pointing down (into the server), send
// pointing up, close a cross, urgent a diamond, backpressure a square (filled on, hollow off).
void TimelinePainter::drawMarks(QPainter& p, ss::EventKind kind, const std::vector<QPointF>& at,
                                double size) const {
    if (at.empty())
        return;
    const double h = size / 2;
    QPainterPath path;
    auto polygon = [&](QPointF centre, std::initializer_list<QPointF> corners) {
        QPolygonF shape;
        for (const QPointF& corner : corners)
            shape << centre + corner;
        path.addPolygon(shape);
        path.closeSubpath();
    };
    for (const QPointF& c : at) {
        switch (kind) {
            case ss::EventKind::Accept:
                polygon(c, {{-h, -h}, {h, 0}, {-h, h}});
                break;
            case ss::EventKind::Recv:
                polygon(c, {{-h, -h}, {h, -h}, {0, h}});
                break;
            case ss::EventKind::Send:
                polygon(c, {{-h, h}, {h, h}, {0, -h}});
                break;
            case ss::EventKind::Urgent:
                polygon(c, {{0, -h}, {h, 0}, {0, h}, {-h, 0}});
                break;
            case ss::EventKind::Close:
                path.moveTo(c + QPointF(-h, -h));
                path.lineTo(c + QPointF(h, h));
                path.moveTo(c + QPointF(-h, h));
                path.lineTo(c + QPointF(h, -h));
                break;
            default:
                path.addRect(QRectF(c.x() - h, c.y() - h, size, size));
                break;
        }
    }
    const QColor ink = m_view.palette().text().color();
    if (kind == ss::EventKind::Close) {
        p.strokePath(path, QPen(ink, std::max(1.5, size / 5)));
    } else if (kind == ss::EventKind::BackpressureOff) {
        p.setPen(QPen(ink, 1.5));
        p.setBrush(m_view.palette().base());
        p.drawPath(path);
    } else {
        // A thin outline in the background colour keeps a mark readable on a filled cell.
        p.setPen(QPen(m_view.palette().base().color(), 1.0));
        p.setBrush(ink);
        p.drawPath(path);
    }
}

void TimelinePainter::paintSelection(QPainter& p) const {
    if (m_view.selectedCall() == 0)
        return;
    const QRectF box = m_view.bandRect(m_view.selectedCall());
    if (box.isEmpty())
        return;
    QColor highlight = m_view.palette().highlight().color();
    p.setPen(QPen(highlight, 2));
    highlight.setAlpha(50);
    p.setBrush(highlight);
    p.drawRect(box.adjusted(-2, 1, 2, -1));
}

void TimelinePainter::paintLegend(QPainter& p) const {
    const QFontMetrics fm = m_view.fontMetrics();
    const int lineHeight = fm.height() + 4;
    const int top = m_view.height() - m_metrics.legend + 2;
    const int box = fm.height() * 2 / 3;
    const int gap = fm.averageCharWidth() * 2;
    auto text = [&](int& x, int y, const QString& s) {
        p.setPen(m_view.palette().windowText().color());
        p.drawText(x, y, fm.horizontalAdvance(s) + 1, lineHeight, Qt::AlignVCenter, s);
        x += fm.horizontalAdvance(s) + gap;
    };
    int x = 6;
    const int boxY = top + (lineHeight - box) / 2;
    const QString setNames[] = {QCoreApplication::translate("TimelineView", "read"),
                                QCoreApplication::translate("TimelineView", "write"),
                                QCoreApplication::translate("TimelineView", "except")};
    for (int set = 0; set < 3; ++set) {
        p.setPen(setColour(set));
        p.setBrush(Qt::NoBrush);
        p.drawRect(x, boxY, box - 1, box - 1);
        p.fillRect(x + box + 2, boxY, box, box, setColour(set));
        x += 2 * box + 6;
        text(x, top, setNames[set]);
    }
    text(x, top,
         QCoreApplication::translate("TimelineView", "outline: went in, filled: came back ready"));
    x = 6;
    const int marksTop = top + lineHeight;
    p.setRenderHint(QPainter::Antialiasing, true);
    for (ss::EventKind kind : kMarkKinds) {
        drawMarks(p, kind, {QPointF(x + box / 2.0, marksTop + lineHeight / 2.0)}, box);
        x += box + 4;
        text(x, marksTop, trace_format::eventKind(kind));
    }
    p.setRenderHint(QPainter::Antialiasing, false);
}
