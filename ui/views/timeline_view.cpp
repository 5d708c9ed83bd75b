// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/timeline_view.h"

#include <QApplication>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QHash>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QPolygonF>
#include <QPushButton>
#include <QStaticText>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "core/poller/poller.h"
#include "ui/models/call_trace_model.h"
#include "ui/models/trace_format.h"
#include "ui/views/set_colours.h"

namespace {

// On the call axis a band takes this part of its call's slot; the rest is the work the server
// did before its next call (where that work's events are marked).
constexpr double kBandFraction = 0.7;
// Bands narrower than this many pixels are folded into one cell per pixel column and lane.
constexpr double kFoldPixels = 3.0;
constexpr double kMinCallSpan = 5;
constexpr double kMaxCallSpan = 2.0 * TimelineModel::kMaxBands;
constexpr double kMinTimeSpan = 1e4;   // 10 microseconds
constexpr double kMaxTimeSpan = 1e13;  // almost three hours
constexpr double kZoomStep = 0.8;      // one wheel notch shows 80 % of the span
constexpr double kFollowMargin = 0.02;

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

// A lookup from lane id to row for one frame: lane ids are dense between the oldest kept lane
// and the newest, so a vector beats a hash lookup per cell.
struct TimelineView::RowLookup {
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

    // The descriptor numbers of the lanes in rows [first, first + count): a band's cells are in
    // fd order, so the cells outside that range are skipped without looking at them (with a
    // hundred lanes, most are scrolled out of view).
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
            begin, end, fdLow, [](const TimelineModel::Cell& c, int32_t fd) { return c.fd < fd; });
        end = std::upper_bound(begin, end, fdHigh,
                               [](int32_t fd, const TimelineModel::Cell& c) { return fd < c.fd; });
        return {begin, end};
    }
};

// The rectangles of one frame, by colour: QPainter's cost is mostly per call, so a frame draws
// all cells of one set and kind with one drawRects().
// Everything is an integer rectangle filled without a pen (an outline is four thin ones): the
// raster engine's fastest path, where a stroked or fractional rectangle goes through the stroker.
struct TimelineView::CellBatch {
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

TimelineView::TimelineView(TimelineModel* model, QWidget* parent)
    : QWidget(parent), m_model(model ? model : new TimelineModel(this)) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::ClickFocus);
    setMouseTracking(false);
    createControls();
    updateMetrics();
    connect(m_model, &TimelineModel::changed, this, &TimelineView::onModelChanged);
    connect(m_model, &TimelineModel::pausedChanged, this, &TimelineView::onModelChanged);
}

void TimelineView::createControls() {
    m_axisBox = new QComboBox(this);
    m_axisBox->addItem(tr("Axis: call numbers"));
    m_axisBox->addItem(tr("Axis: time"));
    m_axisBox->setToolTip(
        tr("Call numbers: every wait call equally wide. Time: a call is as long as it blocked, "
           "the gap after it is the work the server did before the next call."));
    connect(m_axisBox, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this](int index) { setAxis(index == 0 ? Axis::Calls : Axis::Time); });
    m_live = new QPushButton(tr("Live"), this);
    m_live->setToolTip(tr("Follow the newest wait call again."));
    m_live->setEnabled(false);
    connect(m_live, &QPushButton::clicked, this, &TimelineView::pressedLive);
}

QSize TimelineView::sizeHint() const {
    const Metrics& m = m_metrics;
    return {m.gutter + 600, m.topBar + m.ruler + m.legend + 6 * m.laneHeight};
}

QSize TimelineView::minimumSizeHint() const {
    const Metrics& m = m_metrics;
    return {m.gutter + 150, m.topBar + m.ruler + m.legend + 2 * m.laneHeight};
}

int TimelineView::visibleRows() const {
    const int height = laneArea().height();
    return std::max(0, (height + m_metrics.laneHeight - 1) / m_metrics.laneHeight);
}

bool TimelineView::savePng(const QString& path) {
    return grab().save(path, "PNG");
}

void TimelineView::setAxis(TimelineView::Axis axis) {
    if (axis == m_axis)
        return;
    convertRange(m_axis, axis);
    m_axis = axis;
    const QSignalBlocker blocker(m_axisBox);
    m_axisBox->setCurrentIndex(axis == Axis::Calls ? 0 : 1);
    if (m_following)
        followNewest();
    update();
}

void TimelineView::showCall(const ss::CallRecord& call) {
    m_selected = call.number;
    setFollowing(false);
    if (const TimelineModel::Band* band = m_model->band(call.number)) {
        Range& r = range();
        const double start = bandStart(*band), end = bandEnd(*band);
        if (start < r.start || end > r.start + r.span)
            r.start = startInHistory((start + end) / 2 - r.span / 2);
        // Scroll the lanes to the band's first descriptor when none of them is in view.
        const RowLookup rows(m_model->lanes());
        bool seen = band->cells.empty();
        int firstRow = -1;
        for (const auto& cell : band->cells) {
            const int row = rows.row(cell.lane);
            seen = seen || (row >= m_firstRow && row < m_firstRow + visibleRows());
            if (row >= 0 && firstRow < 0)
                firstRow = row;
        }
        if (!seen && firstRow >= 0)
            m_firstRow = firstRow;
        clampRows();
    }
    update();
}

void TimelineView::showLive() {
    m_selected = 0;
    setFollowing(true);
    followNewest();
    update();
}

void TimelineView::showRange(uint64_t first, uint64_t last) {
    if (last < first)
        std::swap(first, last);
    setFollowing(false);
    m_callRange.start = double(first) - (1 - kBandFraction);
    m_callRange.span = std::clamp(double(last - first) + 1, kMinCallSpan, kMaxCallSpan);
    if (m_axis == Axis::Time)
        convertRange(Axis::Calls, Axis::Time);
    update();
}

// ---- geometry -----------------------------------------------------------------------------

void TimelineView::updateMetrics() {
    const QFontMetrics fm = fontMetrics();
    Metrics& m = m_metrics;
    m.topBar = std::max(m_live->sizeHint().height(), m_axisBox->sizeHint().height()) + 6;
    m.ruler = fm.height() + 8;
    m.legend = 2 * (fm.height() + 4) + 4;  // the sets on one line, the marks on the next
    // Three set rows of at least 5 pixels; a lane label in the font, with air around it.
    m.laneHeight = std::max(3 * 5 + 4, fm.height() * 2);
    // Wide enough for "fd 9999 connection"; a longer label (a closed lane's) is elided, and
    // its tooltip is whole.
    TimelineModel::Lane widest;
    widest.fd = 9999;
    widest.role = ss::Role::Connection;
    int labelWidth = fm.horizontalAdvance(laneLabel(widest));
    widest.role = ss::Role::Listener;
    labelWidth = std::max(labelWidth, fm.horizontalAdvance(laneLabel(widest)));
    m.gutter = labelWidth + fm.averageCharWidth() * 2;
}

void TimelineView::layoutControls() {
    const int pad = 3;
    const QSize live = m_live->sizeHint();
    const QSize axis = m_axisBox->sizeHint();
    int right = width() - pad;
    m_live->setGeometry(right - live.width(), pad, live.width(), live.height());
    right -= live.width() + pad * 2;
    m_axisBox->setGeometry(right - axis.width(), pad, axis.width(), axis.height());
}

QRect TimelineView::laneArea() const {
    const Metrics& m = m_metrics;
    const int top = m.topBar + m.ruler;
    return QRect(m.gutter, top, std::max(1, width() - m.gutter - 4),
                 std::max(1, height() - top - m.legend));
}

void TimelineView::clampRows() {
    const int lanes = int(m_model->lanes().size());
    const int fit = std::max(1, laneArea().height() / m_metrics.laneHeight);
    m_firstRow = std::clamp(m_firstRow, 0, std::max(0, lanes - fit));
}

// ---- the domain ---------------------------------------------------------------------------

double TimelineView::newestDomain() const {
    const auto& bands = m_model->bands();
    if (m_axis == Axis::Calls)
        return bands.empty() ? 1.0 : double(bands.back().number) + 1;
    return double(m_model->newestNs());
}

double TimelineView::bandStart(const TimelineModel::Band& band) const {
    return m_axis == Axis::Calls ? double(band.number) : double(band.startNs);
}

double TimelineView::bandEnd(const TimelineModel::Band& band) const {
    return m_axis == Axis::Calls ? double(band.number) + kBandFraction
                                 : double(band.startNs + band.durationNs);
}

// On the call axis an event sits in the gap after the call before it, as far along that gap as
// it was along the time between that call's return and the next call. Marks come in time
// order: `cursor` (an index into the bands) only moves forward while a frame draws them.
double TimelineView::markDomain(const TimelineModel::Mark& mark, size_t& cursor) const {
    if (m_axis == Axis::Time)
        return double(mark.timeNs);
    const auto& bands = m_model->bands();
    const double gapStart = double(mark.afterCall) + kBandFraction;
    while (cursor < bands.size() && bands[cursor].number < mark.afterCall)
        ++cursor;
    if (cursor == bands.size() || bands[cursor].number != mark.afterCall)
        return gapStart + (1 - kBandFraction) / 2;
    const TimelineModel::Band& band = bands[cursor];
    const int64_t returned = band.startNs + band.durationNs;
    const int64_t until =
        cursor + 1 == bands.size() ? m_model->newestNs() : bands[cursor + 1].startNs;
    const double along =
        until > returned ? double(mark.timeNs - returned) / double(until - returned) : 0.5;
    return gapStart + (1 - kBandFraction) * std::clamp(along, 0.15, 0.85);
}

double TimelineView::xOf(double domain) const {
    const QRect area = laneArea();
    const Range& r = range();
    return area.left() + (domain - r.start) / r.span * area.width();
}

double TimelineView::domainAt(double x) const {
    const QRect area = laneArea();
    const Range& r = range();
    return r.start + (x - area.left()) / area.width() * r.span;
}

std::pair<size_t, size_t> TimelineView::visibleBands() const {
    const auto& bands = m_model->bands();
    const Range& r = range();
    const double end = r.start + r.span;
    auto first =
        std::lower_bound(bands.begin(), bands.end(), r.start,
                         [this](const TimelineModel::Band& b, double d) { return bandEnd(b) < d; });
    auto last = std::upper_bound(
        first, bands.end(), end,
        [this](double d, const TimelineModel::Band& b) { return d < bandStart(b); });
    return {size_t(first - bands.begin()), size_t(last - bands.begin())};
}

const TimelineModel::Band* TimelineView::bandAt(QPoint pos) const {
    const auto& bands = m_model->bands();
    if (!laneArea().contains(pos) || bands.empty())
        return nullptr;
    // The band under the pointer, or the one whose work (the gap after it) is under it.
    const double d = domainAt(pos.x());
    auto it = std::upper_bound(
        bands.begin(), bands.end(), d,
        [this](double x, const TimelineModel::Band& b) { return x < bandStart(b); });
    if (it == bands.begin())
        return nullptr;
    return &*std::prev(it);
}

QRectF TimelineView::bandRect(uint64_t number) const {
    const TimelineModel::Band* band = m_model->band(number);
    if (!band)
        return {};
    const QRect area = laneArea();
    const double x0 = xOf(bandStart(*band)), x1 = xOf(bandEnd(*band));
    if (x1 < area.left() || x0 > area.right())
        return {};
    const double left = std::max(x0, double(area.left()));
    const double right = std::min(std::max(x1, x0 + 1), double(area.right()));
    return QRectF(left, area.top(), right - left, area.height());
}

// Keeps the same calls in view when the axis changes.
void TimelineView::convertRange(Axis from, Axis to) {
    const auto& bands = m_model->bands();
    if (bands.empty() || from == to)
        return;
    const Range& r = from == Axis::Calls ? m_callRange : m_timeRange;
    Range& out = to == Axis::Calls ? m_callRange : m_timeRange;
    auto bandNear = [&](double d) {
        auto it = std::lower_bound(
            bands.begin(), bands.end(), d, [from](const TimelineModel::Band& b, double x) {
                return (from == Axis::Calls ? double(b.number) : double(b.startNs)) < x;
            });
        return it == bands.end() ? std::prev(it) : it;
    };
    const auto first = bandNear(r.start);
    const auto last = bandNear(r.start + r.span);
    if (to == Axis::Time) {
        out.start = double(first->startNs);
        out.span = std::clamp(double(last->startNs + last->durationNs - first->startNs),
                              kMinTimeSpan, kMaxTimeSpan);
    } else {
        out.start = double(first->number);
        out.span = std::clamp(double(last->number - first->number) + 1, kMinCallSpan, kMaxCallSpan);
    }
}

// ---- following ----------------------------------------------------------------------------

void TimelineView::onModelChanged() {
    if (m_model->bands().empty()) {
        m_selected = 0;
        m_firstRow = 0;
    }
    if (m_following && !m_model->isPaused())
        followNewest();
    clampRows();
    update();
}

void TimelineView::setFollowing(bool following) {
    if (following == m_following)
        return;
    m_following = following;
    m_live->setEnabled(!following);
    emit followingChanged(following);
}

// The newest call at the right edge; while the whole history is shorter than the view, it
// starts at the left edge instead and grows to the right, as a sweep on an oscilloscope does.
void TimelineView::followNewest() {
    range().start = startInHistory(newestDomain() - range().span * (1 - kFollowMargin));
}

// A view that would begin before the oldest call begins at it (with the usual margin).
double TimelineView::startInHistory(double start) const {
    const auto& bands = m_model->bands();
    if (bands.empty())
        return start;
    return std::max(start, bandStart(bands.front()) - range().span * kFollowMargin);
}

void TimelineView::pressedLive() {
    showLive();
    emit liveSelected();
}

// ---- events -------------------------------------------------------------------------------

void TimelineView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    layoutControls();
    clampRows();
}

// The window zooms by changing the application font: labels, lanes and legend grow with it.
void TimelineView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        updateMetrics();
        layoutControls();
        clampRows();
        updateGeometry();
        update();
    }
}

void TimelineView::wheelEvent(QWheelEvent* event) {
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0) {
        event->ignore();
        return;
    }
    event->accept();
    if (event->modifiers() & Qt::ShiftModifier) {
        m_firstRow -= int(std::lround(steps * 3));
        clampRows();
        update();
        return;
    }
    Range& r = range();
    const bool calls = m_axis == Axis::Calls;
    const double span =
        std::clamp(r.span * std::pow(kZoomStep, steps), calls ? kMinCallSpan : kMinTimeSpan,
                   calls ? kMaxCallSpan : kMaxTimeSpan);
    if (m_following && !m_model->isPaused()) {
        // Following keeps the newest call at the right edge: the zoom changes only the span.
        r.span = span;
        followNewest();
    } else {
        const double x = event->position().x();
        const double anchor = domainAt(x);
        r.span = span;
        r.start = anchor - (x - laneArea().left()) / laneArea().width() * span;
    }
    update();
}

void TimelineView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_pressed = true;
    m_dragging = false;
    m_pressPos = event->position().toPoint();
    m_pressRange = range();
    m_pressRow = m_firstRow;
}

void TimelineView::mouseMoveEvent(QMouseEvent* event) {
    if (!m_pressed)
        return;
    const QPoint delta = event->position().toPoint() - m_pressPos;
    if (!m_dragging && delta.manhattanLength() < QApplication::startDragDistance())
        return;
    m_dragging = true;
    setFollowing(false);
    Range& r = range();
    r.start = m_pressRange.start - delta.x() * r.span / laneArea().width();
    m_firstRow = m_pressRow - delta.y() / m_metrics.laneHeight;
    clampRows();
    update();
}

void TimelineView::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !m_pressed)
        return;
    m_pressed = false;
    if (m_dragging)
        return;
    if (const TimelineModel::Band* band = bandAt(event->position().toPoint())) {
        m_selected = band->number;
        setFollowing(false);
        update();
        emit callSelected(TimelineModel::callRecord(*band));
    }
}

// End follows the newest call again, as it does in the call list.
void TimelineView::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_End) {
        pressedLive();
        return;
    }
    QWidget::keyPressEvent(event);
}

// A band's tooltip is its call as the Python tutorials write it, with how long it blocked; a
// lane label's is the descriptor's address and lifetime.
bool TimelineView::event(QEvent* event) {
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    const auto* help = static_cast<QHelpEvent*>(event);
    QString text;
    if (const TimelineModel::Band* band = bandAt(help->pos()))
        text = bandToolTip(*band);
    else if (const TimelineModel::Lane* lane = laneAt(help->pos()))
        text = laneToolTip(*lane);
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(help->globalPos(), text, this);
    return true;
}

const TimelineModel::Lane* TimelineView::laneAt(QPoint pos) const {
    const QRect area = laneArea();
    if (pos.x() >= area.left() || pos.y() < area.top() || pos.y() > area.bottom())
        return nullptr;
    const size_t row = size_t(m_firstRow + (pos.y() - area.top()) / m_metrics.laneHeight);
    return row < m_model->lanes().size() ? &m_model->lanes()[row] : nullptr;
}

QString TimelineView::laneToolTip(const TimelineModel::Lane& lane) const {
    QString text = laneLabel(lane);
    if (!lane.detail.empty())
        text += QLatin1Char('\n') + QString::fromStdString(lane.detail);
    text += QLatin1Char('\n') + tr("from %1 s").arg(double(lane.startNs) / 1e9, 0, 'f', 3);
    if (lane.ended)
        text += QLatin1Char(' ') + tr("until %1 s").arg(double(lane.endNs) / 1e9, 0, 'f', 3);
    return text;
}

QString TimelineView::bandToolTip(const TimelineModel::Band& band) const {
    const ss::CallRecord call = TimelineModel::callRecord(band);
    constexpr size_t kListItems = 16;
    return tr("Call #%1 blocked %2 ms\n%3")
        .arg(call.number)
        .arg(double(call.durationNs) / 1e6, 0, 'f', 3)
        .arg(CallTraceModel::pythonLine(call, kListItems));
}

void TimelineView::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    menu.addAction(tr("Save as PNG…"), this, &TimelineView::saveAsPngInteractively);
    QAction* live = menu.addAction(tr("Live"), this, &TimelineView::pressedLive);
    live->setEnabled(!m_following);
    menu.exec(event->globalPos());
}

void TimelineView::saveAsPngInteractively() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the timeline as PNG"),
                                                      tr("timeline.png"), tr("PNG images (*.png)"));
    if (!path.isEmpty() && !savePng(path))
        QApplication::beep();
}

// ---- painting -----------------------------------------------------------------------------

void TimelineView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    p.fillRect(laneArea(), palette().base());
    paintTopBar(p);
    paintRuler(p);
    paintLabels(p);
    p.save();
    p.setClipRect(laneArea());
    paintLaneLifetimes(p);
    paintBands(p);
    paintMarks(p);
    paintSelection(p);
    p.restore();
    paintLegend(p);
}

QString TimelineView::laneLabel(const TimelineModel::Lane& lane) const {
    const QString role = trace_format::role(lane.role);
    return lane.ended ? tr("fd %1 %2 (closed)").arg(lane.fd).arg(role)
                      : tr("fd %1 %2").arg(lane.fd).arg(role);
}

// The time spent blocked inside a call: a light tint over the lanes, darker where a lane lives.
QColor TimelineView::blockedShade() const {
    QColor shade = palette().windowText().color();
    shade.setAlpha(28);
    return shade;
}

int TimelineView::rowsHeight() const {
    const int rows = std::min(visibleRows(), int(m_model->lanes().size()) - m_firstRow);
    return std::clamp(rows * m_metrics.laneHeight, 0, laneArea().height());
}

QRect TimelineView::cellRect(int row, int set, double x0, double x1) const {
    const QRect area = laneArea();
    const double h = (m_metrics.laneHeight - 4) / 3.0;
    const double top = area.top() + (row - m_firstRow) * m_metrics.laneHeight + 2 + set * h;
    const int left = int(std::lround(x0));
    return QRect(left, int(top), std::max(1, int(std::lround(x1)) - left), std::max(1, int(h) - 1));
}

void TimelineView::paintTopBar(QPainter& p) const {
    const auto& bands = m_model->bands();
    QString text;
    if (bands.empty()) {
        text = tr("No wait calls yet");
    } else if (m_axis == Axis::Calls) {
        const Range& r = range();
        text = tr("Calls %1 to %2")
                   .arg(std::max<qint64>(0, qint64(std::ceil(r.start))))
                   .arg(qint64(std::floor(r.start + r.span)));
    } else {
        const Range& r = range();
        text = tr("%1 s to %2 s")
                   .arg(r.start / 1e9, 0, 'f', 3)
                   .arg((r.start + r.span) / 1e9, 0, 'f', 3);
    }
    if (m_model->isPaused())
        text += QStringLiteral("   ") + tr("(paused)");
    else if (!m_following)
        text += QStringLiteral("   ") + tr("(held: press Live to follow)");
    p.setPen(palette().windowText().color());
    const QRect bar(6, 0, m_axisBox->x() - 12, m_metrics.topBar);
    p.drawText(bar, Qt::AlignVCenter | Qt::AlignLeft,
               fontMetrics().elidedText(text, Qt::ElideRight, bar.width()));
}

void TimelineView::paintRuler(QPainter& p) const {
    const QRect area = laneArea();
    const QFontMetrics fm = fontMetrics();
    const Range& r = range();
    const bool calls = m_axis == Axis::Calls;
    const int labelWidth =
        fm.horizontalAdvance(calls ? QStringLiteral("#000000") : QStringLiteral("0000.000 s"));
    double step = niceStep(r.span, double(area.width()) / (labelWidth * 1.6));
    if (calls)
        step = std::max(1.0, step);
    const int decimals = calls ? 0 : std::max(0, int(-std::floor(std::log10(step / 1e9))));
    const int baseline = m_metrics.topBar + m_metrics.ruler - 4;
    p.setPen(palette().windowText().color());
    for (double d = std::ceil(r.start / step) * step; d <= r.start + r.span; d += step) {
        const int x = int(std::lround(xOf(d + (calls ? kBandFraction / 2 : 0))));
        const QString label = calls ? QStringLiteral("#%1").arg(qint64(d))
                                    : tr("%1 s").arg(d / 1e9, 0, 'f', decimals);
        p.drawLine(x, baseline - 1, x, baseline + 3);
        p.drawText(x - labelWidth, m_metrics.topBar, 2 * labelWidth, m_metrics.ruler - 6,
                   Qt::AlignCenter, label);
    }
}

void TimelineView::paintLabels(QPainter& p) const {
    const auto& lanes = m_model->lanes();
    const QRect area = laneArea();
    const int h = m_metrics.laneHeight;
    p.save();
    p.setClipRect(0, area.top(), m_metrics.gutter, area.height());
    const int pad = fontMetrics().averageCharWidth();
    for (int row = m_firstRow; row < int(lanes.size()) && row < m_firstRow + visibleRows(); ++row) {
        const TimelineModel::Lane& lane = lanes[size_t(row)];
        const QColor text = lane.ended ? palette().color(QPalette::Disabled, QPalette::WindowText)
                                       : palette().windowText().color();
        p.setPen(text);
        const QRect box(pad, area.top() + (row - m_firstRow) * h, m_metrics.gutter - 2 * pad, h);
        const QString label =
            fontMetrics().elidedText(laneLabel(lane), Qt::ElideRight, box.width());
        p.drawText(box, Qt::AlignVCenter | Qt::AlignLeft, label);
    }
    p.restore();
}

// Each lane is shaded only while its descriptor exists: a closed descriptor's lane ends there,
// with a bar.
void TimelineView::paintLaneLifetimes(QPainter& p) const {
    const auto& lanes = m_model->lanes();
    const QRect area = laneArea();
    const int h = m_metrics.laneHeight;
    QColor shade = palette().windowText().color();
    shade.setAlpha(14);
    const QColor line = palette().mid().color();
    for (int row = m_firstRow; row < int(lanes.size()) && row < m_firstRow + visibleRows(); ++row) {
        const TimelineModel::Lane& lane = lanes[size_t(row)];
        const bool calls = m_axis == Axis::Calls;
        const double start =
            calls ? double(lane.firstCall) - (1 - kBandFraction) / 2 : double(lane.startNs);
        const double end = !lane.ended ? std::numeric_limits<double>::max()
                           : calls ? double(lane.endCall) + kBandFraction + (1 - kBandFraction) / 2
                                   : double(lane.endNs);
        const double x0 = std::max(xOf(start), double(area.left()));
        const double x1 = std::min(xOf(std::min(end, 1e300)), double(area.right() + 1));
        const int top = area.top() + (row - m_firstRow) * h;
        if (x1 > x0)
            p.fillRect(QRectF(x0, top + 1, x1 - x0, h - 2), shade);
        p.setPen(line);
        p.drawLine(area.left(), top + h - 1, area.right(), top + h - 1);
        if (lane.ended && x1 >= area.left() && x1 <= area.right()) {
            p.setPen(QPen(palette().windowText().color(), 2));
            p.drawLine(QPointF(x1, top + 1), QPointF(x1, top + h - 2));
        }
    }
}

void TimelineView::paintBands(QPainter& p) const {
    const auto& bands = m_model->bands();
    const auto [first, last] = visibleBands();
    const QRect area = laneArea();
    const int width = area.width();
    const int rows = visibleRows();
    RowLookup lookup(m_model->lanes());
    lookup.limitTo(m_model->lanes(), m_firstRow, rows);
    std::vector<uint8_t> folded(size_t(width) * size_t(std::max(rows, 0)), 0);
    std::vector<uint8_t> blocked(size_t(width), 0);
    CellBatch batch;
    for (size_t i = first; i < last; ++i) {
        const TimelineModel::Band& band = bands[i];
        const double x0 = xOf(bandStart(band)), x1 = xOf(bandEnd(band));
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
void TimelineView::addBandCells(CellBatch& batch, const RowLookup& lookup,
                                const TimelineModel::Band& band, double x0, double x1) const {
    const int rows = visibleRows();
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
QImage TimelineView::foldColumns(const std::vector<uint8_t>& cells,
                                 const std::vector<uint8_t>& blocked, int width, int rows) const {
    const QRect area = laneArea();
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

void TimelineView::paintMarks(QPainter& p) const {
    const auto& marks = m_model->marks();
    if (marks.empty())
        return;
    const Range& r = range();
    const QRect area = laneArea();
    const RowLookup lookup(m_model->lanes());
    const int rows = visibleRows();
    const double size = std::min(m_metrics.laneHeight * 0.4, fontMetrics().height() * 0.6);
    // Marks are in time order: find the first that may be in view, stop after the last.
    auto it = marks.begin();
    if (m_axis == Axis::Time) {
        it = std::lower_bound(marks.begin(), marks.end(), r.start - 1,
                              [](const TimelineModel::Mark& m, double d) { return m.timeNs < d; });
    } else {
        it = std::lower_bound(
            marks.begin(), marks.end(), r.start - 1,
            [](const TimelineModel::Mark& m, double d) { return double(m.afterCall) < d; });
    }
    // Marks sit in the upper half of their lane and their byte counts in the lower half. A mark
    // that would overlap the one before it on its lane moves next to it when that is close to
    // its time, or is left out when many fall together (zoomed out). They are drawn one path per
    // kind, the counts as static text: per-call costs dominate a frame of thousands of marks.
    std::vector<double> markEnd(size_t(std::max(rows, 0)), -1e9);
    std::vector<double> labelEnd(size_t(std::max(rows, 0)), -1e9);
    std::array<std::vector<QPointF>, kMarkKinds.size()> centres;
    std::vector<std::pair<QPointF, int64_t>> labels;
    QFont small = font();
    small.setPointSizeF(std::max(1.0, small.pointSizeF() * 0.85));
    const QFontMetrics smallMetrics(small);
    const double labelGap = smallMetrics.averageCharWidth();
    // Zoomed out to less than a few pixels per call, marks keep their distance and the byte
    // counts are left out, so that the cells under them stay visible.
    const auto [firstBand, lastBand] = visibleBands();
    const bool folded = double(lastBand - firstBand) * kFoldPixels > area.width();
    const double spacing = folded ? size * 2 : 1;
    size_t cursor = firstBand > 0 ? firstBand - 1 : 0;
    for (; it != marks.end(); ++it) {
        // Marks of lanes out of view are passed over before their place is worked out.
        const int row = lookup.row(it->lane) - m_firstRow;
        if (row < 0 || row >= rows)
            continue;
        double x = xOf(markDomain(*it, cursor));
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
            at.x() + smallMetrics.horizontalAdvance(tr("%1 B").arg(it->bytes)) + labelGap;
    }
    p.save();
    for (size_t kind = 0; kind < kMarkKinds.size(); ++kind)
        blitMarks(p, kMarkKinds[kind], centres[kind], size);
    p.setFont(small);
    p.setPen(palette().text().color());
    QHash<int64_t, QStaticText> texts;
    for (const auto& [at, bytes] : labels) {
        auto text = texts.find(bytes);
        if (text == texts.end())
            text = texts.insert(bytes, QStaticText(tr("%1 B").arg(bytes)));
        p.drawStaticText(at, *text);
    }
    p.restore();
}

// Each kind is drawn once, antialiased, into a small pixmap that is then copied to every place
// it goes in one drawPixmapFragments(): filling thousands of tiny antialiased shapes one by one
// (or as one path) cost several times the rest of the frame.
void TimelineView::blitMarks(QPainter& p, ss::EventKind kind, const std::vector<QPointF>& at,
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
void TimelineView::drawMarks(QPainter& p, ss::EventKind kind, const std::vector<QPointF>& at,
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
    const QColor ink = palette().text().color();
    if (kind == ss::EventKind::Close) {
        p.strokePath(path, QPen(ink, std::max(1.5, size / 5)));
    } else if (kind == ss::EventKind::BackpressureOff) {
        p.setPen(QPen(ink, 1.5));
        p.setBrush(palette().base());
        p.drawPath(path);
    } else {
        // A thin outline in the background colour keeps a mark readable on a filled cell.
        p.setPen(QPen(palette().base().color(), 1.0));
        p.setBrush(ink);
        p.drawPath(path);
    }
}

void TimelineView::paintSelection(QPainter& p) const {
    if (m_selected == 0)
        return;
    const QRectF box = bandRect(m_selected);
    if (box.isEmpty())
        return;
    QColor highlight = palette().highlight().color();
    p.setPen(QPen(highlight, 2));
    highlight.setAlpha(50);
    p.setBrush(highlight);
    p.drawRect(box.adjusted(-2, 1, 2, -1));
}

void TimelineView::paintLegend(QPainter& p) const {
    const QFontMetrics fm = fontMetrics();
    const int lineHeight = fm.height() + 4;
    const int top = height() - m_metrics.legend + 2;
    const int box = fm.height() * 2 / 3;
    const int gap = fm.averageCharWidth() * 2;
    auto text = [&](int& x, int y, const QString& s) {
        p.setPen(palette().windowText().color());
        p.drawText(x, y, fm.horizontalAdvance(s) + 1, lineHeight, Qt::AlignVCenter, s);
        x += fm.horizontalAdvance(s) + gap;
    };
    int x = 6;
    const int boxY = top + (lineHeight - box) / 2;
    const QString setNames[] = {tr("read"), tr("write"), tr("except")};
    for (int set = 0; set < 3; ++set) {
        p.setPen(setColour(set));
        p.setBrush(Qt::NoBrush);
        p.drawRect(x, boxY, box - 1, box - 1);
        p.fillRect(x + box + 2, boxY, box, box, setColour(set));
        x += 2 * box + 6;
        text(x, top, setNames[set]);
    }
    text(x, top, tr("outline: went in, filled: came back ready"));
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
