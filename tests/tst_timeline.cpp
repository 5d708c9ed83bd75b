// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline from a real engine on loopback (select, the echo behaviour): two clients connect,
// send, and one closes. The model must show the listener's lane first, then the connections in
// accept order, the closed one ended and its reused number on a new lane; one band per recorded
// call with its sets per lane; accept, recv (with the byte count) and close marks. The view must
// paint the set colours, select the clicked call and follow the font. Every wait is bounded.
#include <QColor>
#include <QImage>
#include <QSet>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QToolTip>
#include <QtTest>

#include <algorithm>
#include <vector>

#include "core/poller/poller.h"
#include "core/server/listener_spec.h"
#include "tests/support/view_checks.h"
#include "ui/engine_session.h"
#include "ui/models/timeline_model.h"
#include "ui/views/set_colours.h"
#include "ui/views/timeline_view.h"

namespace {

constexpr int kWaitMs = 5000;
using Lane = TimelineModel::Lane;

int listenerFd(const EngineSession& session) {
    for (const ss::DescriptorInfo& d : session.lastDescriptors()) {
        if (d.role == ss::Role::Listener)
            return d.fd;
    }
    return -1;
}

const TimelineModel::Mark* findMark(const TimelineModel& model, uint32_t lane, ss::EventKind kind) {
    for (const TimelineModel::Mark& mark : model.marks()) {
        if (mark.lane == lane && mark.kind == kind)
            return &mark;
    }
    return nullptr;
}

const TimelineModel::Cell* findCell(const TimelineModel::Band& band, uint32_t lane) {
    for (const TimelineModel::Cell& cell : band.cells) {
        if (cell.lane == lane)
            return &cell;
    }
    return nullptr;
}

// A real engine session with its own record of every call it delivered.
class Session {
public:
    Session() {
        model.setSource(&session);
        QObject::connect(
            &session, &EngineSession::batchReady, &session, [this](const TraceBatch& batch) {
                recorded.insert(recorded.end(), batch.calls.begin(), batch.calls.end());
            });
    }
    ~Session() { session.stop(); }

    bool start() {
        if (!session.start(view_checks::echoOnFreePort()))
            return false;
        return QTest::qWaitFor([this] { return view_checks::listenerPort(session) > 0; }, kWaitMs);
    }
    // Connects a client and waits until the model gave it its lane (so accept order is fixed).
    bool connectClient(QTcpSocket& client, size_t lanes) {
        client.connectToHost(QStringLiteral("127.0.0.1"),
                             quint16(view_checks::listenerPort(session)));
        if (!client.waitForConnected(kWaitMs))
            return false;
        return QTest::qWaitFor([&] { return model.lanes().size() == lanes; }, kWaitMs);
    }
    static bool echo(QTcpSocket& client, const QByteArray& bytes) {
        client.write(bytes);
        QByteArray back;
        const bool arrived = QTest::qWaitFor(
            [&] { return (back += client.readAll()).size() >= bytes.size(); }, kWaitMs);
        return arrived && back == bytes;
    }

    EngineSession session;
    TimelineModel model;
    std::vector<ss::CallRecord> recorded;
};

// Runs the lesson of the file comment and waits until the model shows all of it.
bool runLesson(Session& s) {
    if (!s.start())
        return false;
    QTcpSocket first, second, third;
    if (!s.connectClient(first, 2) || !s.connectClient(second, 3))
        return false;
    if (!Session::echo(first, "hello") || !Session::echo(second, "abc"))
        return false;
    first.close();
    if (!QTest::qWaitFor([&] { return s.model.lanes()[1].ended; }, kWaitMs))
        return false;
    if (!s.connectClient(third, 4) || !Session::echo(third, "xy"))
        return false;
    // The echo's recv and send marks and a few calls after them.
    if (s.recorded.empty())
        return false;
    const uint64_t seen = s.recorded.back().number;
    if (!QTest::qWaitFor([&] { return s.recorded.back().number >= seen + 3; }, kWaitMs))
        return false;
    // The session keeps running (stopping it would close every descriptor): the asserts below
    // run without an event loop, so the model holds still while they look.
    return true;
}

// Whether any call passed (or got back) a descriptor in this set.
bool setUsed(const TimelineModel& model, uint8_t bit) {
    for (const auto& band : model.bands()) {
        for (const auto& cell : band.cells) {
            if ((cell.in | cell.ready) & bit)
                return true;
        }
    }
    return false;
}

}  // namespace

class TestTimeline : public QObject {
    Q_OBJECT

private slots:
    void lanesFollowTheDescriptors();
    void bandsAreTheRecordedCalls();
    void marksSitOnTheirLanes();
    void viewPaintsAndSelects();
    void followsLiveAndStandsStillWhenPaused();
};

void TestTimeline::lanesFollowTheDescriptors() {
    Session s;
    QVERIFY(runLesson(s));
    const std::vector<Lane>& lanes = s.model.lanes();
    QCOMPARE(lanes.size(), size_t(4));
    QCOMPARE(lanes[0].role, ss::Role::Listener);
    QCOMPARE(lanes[0].fd, listenerFd(s.session) >= 0 ? listenerFd(s.session) : lanes[0].fd);
    QVERIFY(!lanes[0].ended);
    for (size_t i = 1; i < 4; ++i)
        QCOMPARE(lanes[i].role, ss::Role::Connection);
    // Accept order: each connection's lane begins after the one above it.
    QVERIFY(lanes[1].startNs < lanes[2].startNs);
    QVERIFY(lanes[2].startNs < lanes[3].startNs);
    QVERIFY(lanes[1].ended);
    QVERIFY(lanes[1].endNs >= lanes[1].startNs);
    QVERIFY(!lanes[2].ended);
    QVERIFY(!lanes[3].ended);
    QVERIFY(lanes[1].fd != lanes[2].fd);
#ifdef __linux__
    // The loop has a descriptor table of its own: the kernel hands the closed number out again,
    // and the new connection gets a lane of its own.
    QCOMPARE(lanes[3].fd, lanes[1].fd);
#endif
    QVERIFY(lanes[3].firstCall > lanes[1].endCall);
    for (size_t row = 0; row < lanes.size(); ++row)
        QCOMPARE(s.model.rowOfLane(lanes[row].id), int(row));

    // A new run starts an empty timeline: its listener, its calls from #1.
    QVERIFY(s.session.start(view_checks::echoOnFreePort()));
    QTRY_VERIFY_WITH_TIMEOUT(s.model.lanes().size() == 1 && !s.model.bands().empty(), kWaitMs);
    QCOMPARE(s.model.lanes()[0].role, ss::Role::Listener);
    QCOMPARE(s.model.bands().front().number, uint64_t(1));
}

void TestTimeline::bandsAreTheRecordedCalls() {
    Session s;
    QVERIFY(runLesson(s));
    const auto& bands = s.model.bands();
    QCOMPARE(bands.size(), s.recorded.size());
    for (size_t i = 0; i < bands.size(); ++i) {
        const ss::CallRecord& call = s.recorded[i];
        const ss::CallRecord rebuilt = TimelineModel::callRecord(bands[i]);
        QCOMPARE(rebuilt.number, call.number);
        QCOMPARE(rebuilt.startNs, call.startNs);
        QCOMPARE(rebuilt.durationNs, call.durationNs);
        QCOMPARE(rebuilt.inRead, call.inRead);
        QCOMPARE(rebuilt.inWrite, call.inWrite);
        QCOMPARE(rebuilt.inExcept, call.inExcept);
        QCOMPARE(rebuilt.readyRead, call.readyRead);
        QCOMPARE(rebuilt.readyWrite, call.readyWrite);
        QCOMPARE(rebuilt.readyExcept, call.readyExcept);
        QCOMPARE(int(rebuilt.nullSets), int(call.nullSets));
        QCOMPARE(rebuilt.ret, call.ret);
        // Each descriptor is on the lane that was open for it during the call.
        for (const TimelineModel::Cell& cell : bands[i].cells) {
            const int row = s.model.rowOfLane(cell.lane);
            QVERIFY(row >= 0);
            const Lane& lane = s.model.lanes()[size_t(row)];
            QCOMPARE(lane.fd, cell.fd);
            QVERIFY(call.number >= lane.firstCall);
            QVERIFY(!lane.ended || call.number <= lane.endCall);
        }
    }
    // The listener went into every call's read set; it came back ready for each accept.
    const uint32_t listener = s.model.lanes()[0].id;
    int listenerReady = 0;
    for (const auto& band : bands) {
        const TimelineModel::Cell* cell = findCell(band, listener);
        QVERIFY(cell);
        QVERIFY(cell->in & ss::kRead);
        listenerReady += (cell->ready & ss::kRead) ? 1 : 0;
    }
    QVERIFY(listenerReady >= 3);
}

void TestTimeline::marksSitOnTheirLanes() {
    Session s;
    QVERIFY(runLesson(s));
    const std::vector<Lane>& lanes = s.model.lanes();
    const int64_t sent[] = {5, 3, 2};  // "hello", "abc", "xy"
    for (size_t i = 1; i < 4; ++i) {
        QVERIFY(findMark(s.model, lanes[i].id, ss::EventKind::Accept));
        const TimelineModel::Mark* recv = findMark(s.model, lanes[i].id, ss::EventKind::Recv);
        QVERIFY(recv);
        QCOMPARE(recv->bytes, sent[i - 1]);
        // The recv follows the call that reported the connection readable.
        const TimelineModel::Band* woke = s.model.band(recv->afterCall);
        QVERIFY(woke);
        const TimelineModel::Cell* cell = findCell(*woke, lanes[i].id);
        QVERIFY(cell);
        QVERIFY(cell->ready & ss::kRead);
        QVERIFY(recv->timeNs >= woke->startNs + woke->durationNs);
        QVERIFY(findMark(s.model, lanes[i].id, ss::EventKind::Send));
    }
    const TimelineModel::Mark* close = findMark(s.model, lanes[1].id, ss::EventKind::Close);
    QVERIFY(close);
    QCOMPARE(close->timeNs, lanes[1].endNs);
    QVERIFY(!findMark(s.model, lanes[2].id, ss::EventKind::Close));
}

void TestTimeline::viewPaintsAndSelects() {
    Session s;
    QVERIFY(runLesson(s));
    TimelineView view(&s.model);
    view.resize(1000, 420);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const auto& bands = s.model.bands();
    view.showRange(bands.front().number, bands.back().number);

    const QImage image = view.grab().toImage().convertToFormat(QImage::Format_RGB32);
    // For looking at it: SELECTSCOPE_TIMELINE_PNG=/tmp/timeline.png ./tst_timeline
    if (qEnvironmentVariableIsSet("SELECTSCOPE_TIMELINE_PNG"))
        image.save(qEnvironmentVariable("SELECTSCOPE_TIMELINE_PNG"));
    QCOMPARE(image.size(), QSize(1000, 420));
    QVERIFY2(view_checks::distinctColours(image) >= 8,
             qPrintable(QString::number(view_checks::distinctColours(image))));
    QVERIFY(view_checks::hasColour(image, set_colours::read()));
    if (setUsed(s.model, ss::kWrite))
        QVERIFY(view_checks::hasColour(image, set_colours::write()));
    if (setUsed(s.model, ss::kExcept))
        QVERIFY(view_checks::hasColour(image, set_colours::except()));

    // Click the band in which the first client's "hello" woke the server.
    const TimelineModel::Mark* recv = findMark(s.model, s.model.lanes()[1].id, ss::EventKind::Recv);
    QVERIFY(recv);
    const QRectF band = view.bandRect(recv->afterCall);
    QVERIFY(!band.isEmpty());
    QSignalSpy selected(&view, &TimelineView::callSelected);
    QTest::mouseClick(&view, Qt::LeftButton, {}, band.center().toPoint());
    QCOMPARE(selected.count(), 1);
    const auto call = selected.at(0).at(0).value<ss::CallRecord>();
    QCOMPARE(call.number, recv->afterCall);
    QVERIFY(!view.isFollowing());
    QCOMPARE(view.selectedCall(), recv->afterCall);

    // Tooltips: the band's call, and the first client's lane with its peer address.
    QHelpEvent overBand(QEvent::ToolTip, band.center().toPoint(),
                        view.mapToGlobal(band.center().toPoint()));
    QApplication::sendEvent(&view, &overBand);
    QTRY_VERIFY_WITH_TIMEOUT(QToolTip::text().contains(QStringLiteral("#%1 ").arg(recv->afterCall)),
                             kWaitMs);
    // The size hints differ by four lane heights; the lanes begin where the bands do.
    const int laneHeight = (view.sizeHint().height() - view.minimumSizeHint().height()) / 4;
    const QPoint secondLane(4, int(band.top()) + laneHeight + laneHeight / 2);
    QHelpEvent overLabel(QEvent::ToolTip, secondLane, view.mapToGlobal(secondLane));
    QApplication::sendEvent(&view, &overLabel);
    QTRY_VERIFY_WITH_TIMEOUT(QToolTip::text().contains(QStringLiteral("127.0.0.1")), kWaitMs);

    // Selected elsewhere, then live again; the time axis keeps the calls in view.
    view.showCall(s.recorded.front());
    QCOMPARE(view.selectedCall(), s.recorded.front().number);
    QVERIFY(!view.bandRect(s.recorded.front().number).isEmpty());
    view.setAxis(TimelineView::Axis::Time);
    QVERIFY(!view.bandRect(recv->afterCall).isEmpty());
    QVERIFY(view_checks::hasColour(view.grab().toImage().convertToFormat(QImage::Format_RGB32),
                                   set_colours::read()));
    view.showLive();
    QVERIFY(view.isFollowing());
    QCOMPARE(view.selectedCall(), uint64_t(0));
    view.showCall(s.recorded.front());
    QVERIFY(!view.isFollowing());
    QSignalSpy live(&view, &TimelineView::liveSelected);
    QTest::keyClick(&view, Qt::Key_End);
    QVERIFY(view.isFollowing());
    QCOMPARE(live.count(), 1);

    // The window zooms by its font: lanes grow with it.
    const int before = view.sizeHint().height();
    QFont bigger = view.font();
    bigger.setPointSizeF(bigger.pointSizeF() * 2);
    view.setFont(bigger);
    QVERIFY(view.sizeHint().height() > before);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString png = dir.filePath(QStringLiteral("timeline.png"));
    QVERIFY(view.savePng(png));
    QImage saved(png);
    QVERIFY(!saved.isNull());
    QVERIFY(
        view_checks::hasColour(saved.convertToFormat(QImage::Format_RGB32), set_colours::read()));
}

// Live, the newest call is at the right edge; paused, a stepped call does not move the picture;
// resumed, it follows again.
void TestTimeline::followsLiveAndStandsStillWhenPaused() {
    Session s;
    QVERIFY(s.start());
    TimelineView view(&s.model);
    view.resize(800, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto newest = [&] { return s.model.bands().empty() ? 0 : s.model.bands().back().number; };
    // Following: the newest call at the right edge, or, while the history is shorter than the
    // view, the oldest at the left edge (a sweep that has not reached the right yet).
    auto atRightEdge = [&](uint64_t number) {
        const QRectF band = view.bandRect(number);
        if (band.isEmpty())
            return false;
        const QRectF oldest = view.bandRect(s.model.bands().front().number);
        return band.right() > view.width() * 0.9 ||
               (!oldest.isEmpty() && oldest.left() < view.width() * 0.5);
    };
    QTRY_VERIFY_WITH_TIMEOUT(newest() >= 3 && atRightEdge(newest()), kWaitMs);

    s.session.pause();
    QTRY_VERIFY_WITH_TIMEOUT(s.model.isPaused(), kWaitMs);
    s.session.refresh();  // delivers what was pending when the pause began
    const uint64_t held = newest();
    const QRectF before = view.bandRect(held);
    QVERIFY(!before.isEmpty());
    // The view hears changed() first: once this lambda saw the stepped call, so did the view.
    uint64_t notified = 0;
    connect(&s.model, &TimelineModel::changed, this, [&] { notified = newest(); });
    s.session.step();
    QTRY_VERIFY_WITH_TIMEOUT(notified > held, kWaitMs);
    QCOMPARE(view.bandRect(held), before);
    QVERIFY(view.isFollowing());

    s.session.resume();
    QTRY_VERIFY_WITH_TIMEOUT(!s.model.isPaused(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(newest() > held + 2 && atRightEdge(newest()), kWaitMs);
}

QTEST_MAIN(TestTimeline)
#include "tst_timeline.moc"
