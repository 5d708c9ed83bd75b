// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline, the oscilloscope picture of the server: one lane per descriptor (listeners
// first, then connections in accept order), time left to right, each wait call a band. In each
// band and lane the three sets are drawn in their colours: an outline for what went in, filled
// for what came back ready. Socket events are marks on their lane (accept, recv with its bytes,
// send, close, urgent byte, backpressure on and off), explained by a legend.
//
// Two axes: call numbers (every band the same width, the gap after it is the work the server did
// before the next call) and time (a band is as long as the call blocked, so "blocked ... woke ...
// handled" reads left to right). Live, the view follows the newest call; paused, it stands
// still. The wheel zooms around the pointer (Shift+wheel scrolls the lanes), dragging pans, and
// Live (or showLive()) follows again. Clicking a band selects that call for every view.
//
// This class holds the geometry (what is in view, where a call or lane is drawn) and the
// interaction; TimelinePainter paints each frame (why with QPainter is told there).
#pragma once

#include <QPoint>
#include <QRectF>
#include <QString>
#include <QWidget>

#include <cstdint>
#include <deque>
#include <utility>

#include "core/trace/trace_types.h"
#include "ui/models/timeline_model.h"

class QComboBox;
class QPushButton;

class TimelineView : public QWidget {
    Q_OBJECT

public:
    enum class Axis { Calls, Time };

    // Shows `model`; without one the view makes its own (connect it with model()->setSource()).
    explicit TimelineView(TimelineModel* model = nullptr, QWidget* parent = nullptr);

    TimelineModel* model() const { return m_model; }
    Axis axis() const { return m_axis; }
    bool isFollowing() const { return m_following; }
    // The call selected here or by showCall(); 0 when none is.
    uint64_t selectedCall() const { return m_selected; }
    // Where call `number`'s band is drawn, over every lane (widget coordinates); empty when it is
    // not in view.
    QRectF bandRect(uint64_t number) const;
    // The lanes' rows in view: the first one and how many fit.
    int firstRow() const { return m_firstRow; }
    int visibleRows() const;
    // The view as a PNG file (what the window shows, at the widget's size).
    bool savePng(const QString& path);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public slots:
    void setAxis(TimelineView::Axis axis);
    // Highlights the call selected elsewhere and brings it into view; the view stops following.
    void showCall(const ss::CallRecord& call);
    // Clears the highlight and follows the newest call again.
    void showLive();
    // Shows the calls from `first` to `last` (call axis) or the time they cover (time axis).
    void showRange(uint64_t first, uint64_t last);

signals:
    // The user clicked a band.
    void callSelected(const ss::CallRecord& call);
    // The user pressed Live: nothing is selected any more.
    void liveSelected();
    void followingChanged(bool following);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool event(QEvent* event) override;

private:
    // The painter reads the geometry below as it stands when a frame is painted.
    friend class TimelinePainter;

    // On the call axis a band takes this part of its call's slot; the rest is the work the server
    // did before its next call (where that work's events are marked).
    static constexpr double kBandFraction = 0.7;

    // Pixel sizes that follow the font (the window zooms by changing it).
    struct Metrics {
        int topBar = 0;
        int ruler = 0;
        int legend = 0;
        int gutter = 0;
        int laneHeight = 0;
    };
    // The visible domain: call numbers on the call axis, nanoseconds on the time axis.
    struct Range {
        double start = 0;
        double span = 100;
    };
    void createControls();
    void updateMetrics();
    void layoutControls();
    void onModelChanged();
    void setFollowing(bool following);
    void followNewest();
    double startInHistory(double start) const;
    void pressedLive();
    void saveAsPngInteractively();
    QString bandToolTip(const TimelineModel::Band& band) const;
    const TimelineModel::Lane* laneAt(QPoint pos) const;
    QString laneToolTip(const TimelineModel::Lane& lane) const;

    QRect topBarText() const;
    QRect laneArea() const;
    Range& range() { return m_axis == Axis::Calls ? m_callRange : m_timeRange; }
    const Range& range() const { return m_axis == Axis::Calls ? m_callRange : m_timeRange; }
    double newestDomain() const;
    double bandStart(const TimelineModel::Band& band) const;
    double bandEnd(const TimelineModel::Band& band) const;
    double markDomain(const TimelineModel::Mark& mark, size_t& cursor) const;
    double xOf(double domain) const;
    double domainAt(double x) const;
    // The bands that overlap the visible range, as indices into model()->bands().
    std::pair<size_t, size_t> visibleBands() const;
    // The first mark that may be in view, in model()->marks().
    std::deque<TimelineModel::Mark>::const_iterator firstVisibleMark() const;
    const TimelineModel::Band* bandAt(QPoint pos) const;
    void clampRows();
    void convertRange(Axis from, Axis to);

    QString laneLabel(const TimelineModel::Lane& lane) const;

    TimelineModel* m_model;
    QPushButton* m_live = nullptr;
    QComboBox* m_axisBox = nullptr;
    Metrics m_metrics;
    Axis m_axis = Axis::Calls;
    Range m_callRange;
    Range m_timeRange{0, 2e9};
    int m_firstRow = 0;
    bool m_following = true;
    uint64_t m_selected = 0;
    // Dragging: where the press was, the range and first row then, and whether it moved enough.
    QPoint m_pressPos;
    Range m_pressRange;
    int m_pressRow = 0;
    bool m_pressed = false;
    bool m_dragging = false;
};
