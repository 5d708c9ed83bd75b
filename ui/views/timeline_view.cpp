// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/timeline_view.h"

#include <QApplication>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

#include "ui/models/call_trace_model.h"
#include "ui/models/trace_format.h"
#include "ui/views/timeline_painter.h"

namespace {

constexpr double kMinCallSpan = 5;
constexpr double kMaxCallSpan = 2.0 * TimelineModel::kMaxBands;
constexpr double kMinTimeSpan = 1e4;   // 10 microseconds
constexpr double kMaxTimeSpan = 1e13;  // almost three hours
constexpr double kZoomStep = 0.8;      // one wheel notch shows 80 % of the span
constexpr double kFollowMargin = 0.02;

}  // namespace

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
        const TimelinePainter::RowLookup rows(m_model->lanes());
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

// The top bar's text goes left of the axis box and the Live button.
QRect TimelineView::topBarText() const {
    return QRect(6, 0, m_axisBox->x() - 12, m_metrics.topBar);
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

// Marks are in time order: the first one that may be in view.
std::deque<TimelineModel::Mark>::const_iterator TimelineView::firstVisibleMark() const {
    const auto& marks = m_model->marks();
    const Range& r = range();
    if (m_axis == Axis::Time) {
        return std::lower_bound(
            marks.begin(), marks.end(), r.start - 1,
            [](const TimelineModel::Mark& m, double d) { return m.timeNs < d; });
    }
    return std::lower_bound(
        marks.begin(), marks.end(), r.start - 1,
        [](const TimelineModel::Mark& m, double d) { return double(m.afterCall) < d; });
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
    const size_t row = size_t(m_firstRow) + size_t((pos.y() - area.top()) / m_metrics.laneHeight);
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

// TimelinePainter draws the frame; this widget only says what is in view.
void TimelineView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    TimelinePainter(*this).paint(p);
}

QString TimelineView::laneLabel(const TimelineModel::Lane& lane) const {
    const QString role = trace_format::role(lane.role);
    return lane.ended ? tr("fd %1 %2 (closed)").arg(lane.fd).arg(role)
                      : tr("fd %1 %2").arg(lane.fd).arg(role);
}
