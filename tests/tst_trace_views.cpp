// SPDX-License-Identifier: GPL-3.0-or-later
// The call trace and the event log as the window shows them, fed by a fake TraceSource: NULL
// sets, following the newest row, Jump to live, capped and user-sized columns, the Python line
// that keeps its result, and the selected call. Every wait is bounded.
#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFontMetrics>
#include <QHeaderView>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTimer>
#include <QtTest>

#include <vector>

#include "core/poller/poller.h"
#include "ui/models/call_trace_model.h"
#include "ui/models/event_filter_proxy.h"
#include "ui/models/event_log_model.h"
#include "ui/models/trace_format.h"
#include "ui/trace_source.h"
#include "ui/views/call_trace_view.h"
#include "ui/views/column_fitter.h"
#include "ui/views/event_log_view.h"
#include "ui/views/trace_table.h"

using Tester = QAbstractItemModelTester;
using CM = CallTraceModel;

namespace {

constexpr int kWaitMs = 5000;
const auto kFailQtTest = Tester::FailureReportingMode::QtTest;

// Hands the models batches as a real source would, by batchReady().
class FakeSource : public TraceSource {
public:
    Capabilities capabilities() const override { return {}; }
    bool isRunning() const override { return true; }
    const ss::EngineStats& lastStats() const override { return m_stats; }
    const std::vector<ss::DescriptorInfo>& lastDescriptors() const override { return m_rows; }
    bool start() override {
        emit started();
        return true;
    }
    void stop() override { emit stopped(); }
    void refresh() override {}

    void deliverCalls(std::vector<ss::CallRecord> calls) {
        TraceBatch batch;
        batch.calls = std::move(calls);
        emit batchReady(batch);
    }
    void deliverEvents(std::vector<ss::SocketEvent> events) {
        TraceBatch batch;
        batch.events = std::move(events);
        emit batchReady(batch);
    }

private:
    ss::EngineStats m_stats;
    std::vector<ss::DescriptorInfo> m_rows;
};

std::vector<int32_t> range(int32_t first, int32_t count) {
    std::vector<int32_t> fds;
    for (int32_t fd = first; fd < first + count; ++fd)
        fds.push_back(fd);
    return fds;
}

// select([3, 4], NULL, [3, 4], 1.0) -> [4]: the tutorial's server with one client talking.
ss::CallRecord selectCall(uint64_t number) {
    ss::CallRecord c;
    c.number = number;
    c.timeoutMs = 1000;
    c.nullSets = ss::kWrite;
    c.inRead = {3, 4};
    c.inExcept = {3, 4};
    c.readyRead = {4};
    c.ret = 1;
    return c;
}

// 300 clients: every descriptor from 3 to 302 in the read and except sets.
ss::CallRecord crowdedCall(uint64_t number) {
    ss::CallRecord c = selectCall(number);
    c.inRead = range(3, 300);
    c.inExcept = c.inRead;
    return c;
}

std::vector<ss::CallRecord> calls(uint64_t first, int count) {
    std::vector<ss::CallRecord> out;
    for (int i = 0; i < count; ++i)
        out.push_back(selectCall(first + uint64_t(i)));
    return out;
}

std::vector<ss::SocketEvent> events(uint64_t first, int count) {
    std::vector<ss::SocketEvent> out;
    for (int i = 0; i < count; ++i) {
        ss::SocketEvent e;
        e.number = first + uint64_t(i);
        e.kind = ss::EventKind::Recv;
        e.fd = 4 + i % 3;
        e.preview = "hello";
        e.bytes = 5;
        out.push_back(e);
    }
    return out;
}

QString cell(const QAbstractItemModel& model, int row, int column, int role = Qt::DisplayRole) {
    return model.index(row, column).data(role).toString();
}

QPushButton* jumpButton(QWidget* view) {
    return view->findChild<QPushButton*>(QStringLiteral("jumpToLive"));
}

bool atBottom(const QTableView* table) {
    const QScrollBar* bar = table->verticalScrollBar();
    return bar->maximum() > 0 && bar->value() == bar->maximum();
}

// The number of the call in the top row of the table.
uint64_t topCall(const CallTraceView& view, const CM& model) {
    const int row = view.table()->rowAt(0);
    return row < 0 ? 0 : model.call(row).number;
}

// Drags the right edge of `column`'s header section by `dx` pixels, as the user would.
void dragColumnEdge(QTableView* table, int column, int dx) {
    QHeaderView* header = table->horizontalHeader();
    const int x = header->sectionViewportPosition(column) + header->sectionSize(column) - 1;
    const int y = header->height() / 2;
    QWidget* target = header->viewport();
    QTest::mousePress(target, Qt::LeftButton, {}, QPoint(x, y));
    QMouseEvent move(QEvent::MouseMove, QPointF(x + dx, y), target->mapToGlobal(QPointF(x + dx, y)),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &move);
    QTest::mouseRelease(target, Qt::LeftButton, {}, QPoint(x + dx, y));
}

}  // namespace

class TestTraceViews : public QObject {
    Q_OBJECT

private slots:
    void nullSetsShowAsNull();
    void callTableFollowsTheTail();
    void scrolledAwayThenJumpToLive();
    void endKeyJumpsToLive();
    void heldViewKeepsItsRowsWhenTrimmed();
    void selectedCallIsReported();
    void trimmedSelectionGoesLive();
    void readInColumnIsCapped();
    void userSizedColumnIsKept();
    void listsElideBetweenDescriptors();
    void fitsAtMostOncePerSecond();
    void pythonCellKeepsItsResult();
    void eventLogFollowsAndJumpsToLive();
};

void TestTraceViews::nullSetsShowAsNull() {
    FakeSource source;
    CM model;
    Tester tester(&model, kFailQtTest);
    model.setSource(&source);
    ss::CallRecord passedEmpty = selectCall(2);  // an empty write set passed, not NULL
    passedEmpty.nullSets = 0;
    ss::CallRecord allNull = selectCall(3);  // select(0, NULL, NULL, NULL, 1.0): a sleep
    allNull.nullSets = ss::kRead | ss::kWrite | ss::kExcept;
    allNull.inRead.clear();
    allNull.inExcept.clear();
    allNull.readyRead.clear();
    allNull.ret = 0;
    source.deliverCalls({selectCall(1), passedEmpty, allNull});
    QCOMPARE(model.rowCount(), 3);

    QCOMPARE(cell(model, 0, CM::ReadIn), QStringLiteral("3, 4"));
    QCOMPARE(cell(model, 0, CM::WriteIn), QStringLiteral("NULL"));
    QCOMPARE(cell(model, 0, CM::ReadyWrite), QStringLiteral("NULL"));  // no set, no ready list
    QCOMPARE(cell(model, 0, CM::ReadyRead), QStringLiteral("4"));
    QCOMPARE(cell(model, 0, CM::ReadyExcept), QString());  // passed, nothing ready
    QCOMPARE(cell(model, 1, CM::WriteIn), QString());
    QCOMPARE(cell(model, 1, CM::ReadyWrite), QString());
    for (int column :
         {CM::ReadIn, CM::WriteIn, CM::ExceptIn, CM::ReadyRead, CM::ReadyWrite, CM::ReadyExcept})
        QCOMPARE(cell(model, 2, column), QStringLiteral("NULL"));
    QVERIFY(cell(model, 0, CM::WriteIn, Qt::ToolTipRole).contains(QStringLiteral("NULL")));
    QCOMPARE(model.index(0, 0).data(CM::FdsRole).value<QList<int>>(), (QList<int>{3, 4}));
    QVERIFY(model.index(2, 0).data(CM::FdsRole).value<QList<int>>().isEmpty());

    // Python passes an empty list; the tooltip says CPython made it NULL.
    model.setPythonView(true);
    const QString line =
        QStringLiteral("r, w, x = select.select([3, 4], [], [3, 4], 1.0)  ->  [4], [], []");
    QCOMPARE(cell(model, 0, CM::Python), line);
    const QString tip = cell(model, 0, CM::Python, Qt::ToolTipRole);
    QCOMPARE(tip.section(QLatin1Char('\n'), 0, 0), line);
    QVERIFY(tip.contains(QStringLiteral("wlist")));
    QVERIFY(tip.contains(QStringLiteral("NULL")));
    QVERIFY(!cell(model, 1, CM::Python, Qt::ToolTipRole).contains(QStringLiteral("NULL")));
    QVERIFY(cell(model, 2, CM::Python, Qt::ToolTipRole).contains(QStringLiteral("rlist, wlist")));
}

void TestTraceViews::callTableFollowsTheTail() {
    FakeSource source;
    CM model;
    model.setSource(&source);
    CallTraceView view(&model);
    view.resize(800, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QPushButton* jump = jumpButton(&view);
    QVERIFY(jump);
    QVERIFY(jump->isHidden());

    source.deliverCalls(calls(1, 200));
    QTRY_VERIFY_WITH_TIMEOUT(atBottom(view.table()), kWaitMs);
    QVERIFY(view.isFollowing());
    source.deliverCalls(calls(201, 200));
    QTRY_VERIFY_WITH_TIMEOUT(atBottom(view.table()), kWaitMs);
    QCOMPARE(view.table()->rowAt(view.table()->viewport()->height() - 1), 399);
    QVERIFY(view.isFollowing());
    QVERIFY(jump->isHidden());
}

void TestTraceViews::scrolledAwayThenJumpToLive() {
    FakeSource source;
    CM model;
    model.setSource(&source);
    CallTraceView view(&model);
    view.resize(800, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QPushButton* jump = jumpButton(&view);
    source.deliverCalls(calls(1, 200));
    QTRY_VERIFY_WITH_TIMEOUT(atBottom(view.table()), kWaitMs);

    QScrollBar* bar = view.table()->verticalScrollBar();
    bar->triggerAction(QAbstractSlider::SliderToMinimum);
    QVERIFY(!view.isFollowing());
    QVERIFY(jump->isVisible());
    QVERIFY(jump->isEnabled());
    QVERIFY2(jump->text().contains(QStringLiteral("calls behind")), qPrintable(jump->text()));

    source.deliverCalls(calls(201, 200));
    QApplication::processEvents();
    QCOMPARE(bar->value(), 0);  // held where the user put it
    QCOMPARE(topCall(view, model), 1u);
    QVERIFY(jump->isVisible());

    QSignalSpy live(&view, &CallTraceView::liveSelected);
    QTest::mouseClick(jump, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(atBottom(view.table()), kWaitMs);
    QVERIFY(view.isFollowing());
    QVERIFY(jump->isHidden());
    QCOMPARE(live.count(), 1);  // reported even with nothing selected
    source.deliverCalls(calls(401, 100));
    QTRY_VERIFY_WITH_TIMEOUT(atBottom(view.table()), kWaitMs);
    QCOMPARE(view.table()->rowAt(view.table()->viewport()->height() - 1), 499);
}

void TestTraceViews::endKeyJumpsToLive() {
    FakeSource source;
    CM model;
    model.setSource(&source);
    CallTraceView view(&model);
    view.resize(800, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    source.deliverCalls(calls(1, 200));
    QTRY_VERIFY_WITH_TIMEOUT(atBottom(view.table()), kWaitMs);
    view.table()->selectRow(5);
    QVERIFY(!view.isFollowing());
    source.deliverCalls(calls(201, 50));
    QApplication::processEvents();
    QVERIFY(!atBottom(view.table()));

    QSignalSpy live(&view, &CallTraceView::liveSelected);
    QTest::keyClick(view.table(), Qt::Key_End);
    QTRY_VERIFY_WITH_TIMEOUT(atBottom(view.table()), kWaitMs);
    QVERIFY(view.isFollowing());
    QVERIFY(!view.table()->selectionModel()->hasSelection());
    QCOMPARE(live.count(), 1);
    QVERIFY(jumpButton(&view)->isHidden());
}

void TestTraceViews::heldViewKeepsItsRowsWhenTrimmed() {
    FakeSource source;
    CM model;
    model.setSource(&source);
    model.setMaxRows(300);
    CallTraceView view(&model);
    view.resize(800, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    source.deliverCalls(calls(1, 300));
    QTRY_VERIFY_WITH_TIMEOUT(atBottom(view.table()), kWaitMs);

    QScrollBar* bar = view.table()->verticalScrollBar();
    bar->setSliderPosition(bar->maximum() / 2);  // a drag of the scroll bar's handle
    QVERIFY(!view.isFollowing());
    QApplication::processEvents();
    const uint64_t top = topCall(view, model);
    QVERIFY(top > 50);
    source.deliverCalls(calls(301, 50));  // the 50 oldest leave from the top
    QApplication::processEvents();
    QCOMPARE(model.call(0).number, 51u);
    QCOMPARE(topCall(view, model), top);
    QVERIFY(!view.isFollowing());
}

void TestTraceViews::selectedCallIsReported() {
    FakeSource source;
    CM model;
    model.setSource(&source);
    CallTraceView view(&model);
    view.resize(800, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    source.deliverCalls(calls(1, 100));
    QTRY_VERIFY_WITH_TIMEOUT(atBottom(view.table()), kWaitMs);

    QSignalSpy selected(&view, &CallTraceView::callSelected);
    QSignalSpy live(&view, &CallTraceView::liveSelected);
    QSignalSpy fds(&view, &CallTraceView::fdsSelected);
    QTest::mouseClick(
        view.table()->viewport(), Qt::LeftButton, {},
        view.table()->visualRect(model.index(model.rowCount() - 3, CM::Number)).center());
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected[0][0].value<ss::CallRecord>().number, 98u);
    QCOMPARE(selected[0][0].value<ss::CallRecord>().readyRead, (std::vector<int32_t>{4}));
    QCOMPARE(fds.last()[0].value<QSet<int>>(), (QSet<int>{3, 4}));
    QVERIFY(!view.isFollowing());
    QPushButton* jump = jumpButton(&view);
    QVERIFY(jump->isVisible());
    source.deliverCalls(calls(101, 50));
    QVERIFY2(jump->text().contains(QStringLiteral("52")), qPrintable(jump->text()));  // 150 - 98

    view.table()->selectRow(10);
    QCOMPARE(selected.count(), 2);
    QCOMPARE(selected[1][0].value<ss::CallRecord>().number, 11u);
    QCOMPARE(live.count(), 0);

    // The user clears the selection (Ctrl+click): live again.
    view.table()->clearSelection();
    QCOMPARE(live.count(), 1);
    QVERIFY(fds.last()[0].value<QSet<int>>().isEmpty());

    view.table()->selectRow(20);
    QCOMPARE(selected.count(), 3);
    QTest::mouseClick(jump, Qt::LeftButton);
    QCOMPARE(live.count(), 2);  // once, though the jump also cleared the selection
    QVERIFY(!view.table()->selectionModel()->hasSelection());
    QVERIFY(view.isFollowing());
    QTRY_VERIFY_WITH_TIMEOUT(atBottom(view.table()), kWaitMs);
}

void TestTraceViews::trimmedSelectionGoesLive() {
    FakeSource source;
    CM model;
    model.setSource(&source);
    model.setMaxRows(50);
    CallTraceView view(&model);
    view.resize(800, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    source.deliverCalls(calls(1, 50));
    QSignalSpy selected(&view, &CallTraceView::callSelected);
    QSignalSpy live(&view, &CallTraceView::liveSelected);
    view.table()->selectRow(2);
    QCOMPARE(selected.count(), 1);

    source.deliverCalls(calls(51, 10));  // call 3 leaves the history
    QCOMPARE(live.count(), 1);
    QCOMPARE(selected.count(), 1);  // no other call was chosen in its place
    QVERIFY(!view.table()->selectionModel()->hasSelection());
    QVERIFY(!view.table()->currentIndex().isValid());
}

void TestTraceViews::readInColumnIsCapped() {
    FakeSource source;
    CM model;
    model.setSource(&source);
    CallTraceView view(&model);
    view.resize(1400, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTableView* table = view.table();
    ColumnFitter* fitter = traceTableFitter(table);
    QVERIFY(fitter);
    const int cap = fitter->maxWidth(CM::ReadIn);
    const QFontMetrics metrics(table->font());
    QVERIFY(cap <= metrics.averageCharWidth() * CallTraceView::kSetColumnChars + 20);
    QVERIFY(cap >= metrics.averageCharWidth() * 20);

    source.deliverCalls({crowdedCall(1)});
    QTRY_COMPARE_WITH_TIMEOUT(table->columnWidth(CM::ReadIn), cap, kWaitMs);
    QCOMPARE(table->columnWidth(CM::ExceptIn), fitter->maxWidth(CM::ExceptIn));
    source.deliverCalls({crowdedCall(2), crowdedCall(3)});
    fitter->fit();
    QVERIFY(table->columnWidth(CM::ReadIn) <= cap);
    QVERIFY(table->columnWidth(CM::ExceptIn) <= fitter->maxWidth(CM::ExceptIn));

    // Shown: both ends of the list, cut between two descriptors; the tooltip: all of it.
    const QString shown = view.shownText(0, CM::ReadIn);
    QVERIFY2(shown.startsWith(QStringLiteral("3, 4, 5, ")), qPrintable(shown));
    QVERIFY2(shown.endsWith(QStringLiteral(", 301, 302")), qPrintable(shown));
    QVERIFY(shown.contains(QStringLiteral(", \u2026, ")));
    QVERIFY(QFontMetrics(table->font()).horizontalAdvance(shown) <= table->columnWidth(CM::ReadIn));
    const QString whole = trace_format::fdList(range(3, 300));
    QVERIFY(whole.endsWith(QStringLiteral("301, 302")));
    QCOMPARE(cell(model, 0, CM::ReadIn, Qt::ToolTipRole).section(QLatin1Char('\n'), 0, 0), whole);
}

void TestTraceViews::userSizedColumnIsKept() {
    FakeSource source;
    CM model;
    model.setSource(&source);
    CallTraceView view(&model);
    view.resize(1400, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTableView* table = view.table();
    ColumnFitter* fitter = traceTableFitter(table);
    source.deliverCalls(calls(1, 5));
    fitter->fit();
    const int before = table->columnWidth(CM::ReadIn);
    dragColumnEdge(table, CM::ReadIn, -(before / 3));
    const int chosen = table->columnWidth(CM::ReadIn);
    QVERIFY2(chosen < before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(chosen)));
    QVERIFY(fitter->isUserSized(CM::ReadIn));
    QVERIFY(!fitter->isUserSized(CM::WriteIn));

    source.deliverCalls({crowdedCall(6)});
    fitter->fit();
    QCOMPARE(table->columnWidth(CM::ReadIn), chosen);
    QCOMPARE(table->columnWidth(CM::ExceptIn), fitter->maxWidth(CM::ExceptIn));
}

// At every width the Read in cell shows whole descriptors only: the first few, "…", the last few.
void TestTraceViews::listsElideBetweenDescriptors() {
    FakeSource source;
    CM model;
    model.setSource(&source);
    CallTraceView view(&model);
    view.resize(1400, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTableView* table = view.table();
    source.deliverCalls({crowdedCall(1)});
    const QStringList all = cell(model, 0, CM::ReadIn).split(QStringLiteral(", "));
    const QFontMetrics metrics(table->font());
    int elidedBetween = 0;
    for (int width = 40; width <= 600; width += 9) {
        table->horizontalHeader()->resizeSection(CM::ReadIn, width);
        const QString shown = view.shownText(0, CM::ReadIn);
        QVERIFY2(metrics.horizontalAdvance(shown) <= width, qPrintable(shown));
        const QStringList parts = shown.split(QStringLiteral(", \u2026, "));
        if (parts.size() != 2)
            continue;  // too narrow for two descriptors and the gap: Qt's own elision
        const QStringList head = parts[0].split(QStringLiteral(", "));
        const QStringList tail = parts[1].split(QStringLiteral(", "));
        QCOMPARE(head, all.mid(0, head.size()));
        QCOMPARE(tail, all.mid(all.size() - tail.size()));
        ++elidedBetween;
    }
    QVERIFY(elidedBetween > 50);
}

void TestTraceViews::fitsAtMostOncePerSecond() {
    FakeSource source;
    CM model;
    model.setSource(&source);
    CallTraceView view(&model);
    view.resize(800, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    ColumnFitter* fitter = traceTableFitter(view.table());
    QElapsedTimer clock;
    clock.start();
    std::vector<qint64> fits;
    connect(fitter, &ColumnFitter::fitted, this, [&] { fits.push_back(clock.elapsed()); });

    source.deliverCalls(calls(1, 10));
    QTRY_VERIFY_WITH_TIMEOUT(fits.size() >= 1, kWaitMs);
    // A stream of batches, as a source's 30 Hz drain delivers them under load.
    QTimer stream;
    stream.setInterval(30);
    uint64_t next = 11;
    connect(&stream, &QTimer::timeout, this, [&] {
        source.deliverCalls(calls(next, 10));
        next += 10;
    });
    stream.start();
    QTRY_VERIFY_WITH_TIMEOUT(fits.size() >= 3, kWaitMs);
    stream.stop();
    QVERIFY(next > 11 + 30 * 10);  // dozens of batches, three fits
    for (size_t i = 1; i < fits.size(); ++i)
        QVERIFY2(
            fits[i] - fits[i - 1] >= ColumnFitter::kMinIntervalMs * 9 / 10,
            qPrintable(QStringLiteral("fit %1 after %2 ms").arg(i).arg(fits[i] - fits[i - 1])));
}

void TestTraceViews::pythonCellKeepsItsResult() {
    FakeSource source;
    CM model;
    model.setSource(&source);
    CallTraceView view(&model);
    view.resize(700, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    model.setPythonView(true);
    const ss::CallRecord crowded = crowdedCall(1);
    source.deliverCalls({crowded, selectCall(2)});
    QTableView* table = view.table();
    QVERIFY(!table->isColumnHidden(CM::Python));

    const QString full = CM::pythonLine(crowded);
    const QString result = QStringLiteral("  ->  [4], [], []");
    QVERIFY(full.endsWith(result));
    const QString shown = view.shownText(0, CM::Python);
    QVERIFY2(shown.endsWith(result), qPrintable(shown));
    QVERIFY2(shown.startsWith(QStringLiteral("r, w, x = select.select([3, ")), qPrintable(shown));
    // The arguments were elided between two of their items, and the timeout stayed.
    QVERIFY(shown.contains(QStringLiteral(", \u2026, ")));
    QVERIFY(shown.contains(QStringLiteral("301, 302], 1.0)  ->  ")));
    QVERIFY(shown.size() < full.size());
    QVERIFY(QFontMetrics(table->font()).horizontalAdvance(shown) <= table->columnWidth(CM::Python));
    QCOMPARE(cell(model, 0, CM::Python, Qt::ToolTipRole).section(QLatin1Char('\n'), 0, 0), full);
    // A short line is shown whole.
    QCOMPARE(view.shownText(1, CM::Python), CM::pythonLine(selectCall(2)));
}

void TestTraceViews::eventLogFollowsAndJumpsToLive() {
    FakeSource source;
    EventLogModel model;
    model.setSource(&source);
    EventLogView view(&model);
    view.resize(800, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTableView* table = view.table();
    QPushButton* jump = jumpButton(&view);
    QVERIFY(jump);
    QVERIFY(jump->isHidden());
    source.deliverEvents(events(1, 300));
    QTRY_VERIFY_WITH_TIMEOUT(atBottom(table), kWaitMs);
    QVERIFY(view.isFollowing());

    table->verticalScrollBar()->triggerAction(QAbstractSlider::SliderToMinimum);
    QVERIFY(!view.isFollowing());
    QVERIFY(jump->isVisible());
    QVERIFY(jump->isEnabled());
    QVERIFY2(jump->text().contains(QStringLiteral("events behind")), qPrintable(jump->text()));
    source.deliverEvents(events(301, 100));
    QApplication::processEvents();
    QCOMPARE(table->verticalScrollBar()->value(), 0);

    QTest::mouseClick(jump, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(atBottom(table), kWaitMs);
    QVERIFY(view.isFollowing());
    QVERIFY(jump->isHidden());

    // Sorted by a column, the newest row is anywhere: Jump to live puts time back in order.
    table->sortByColumn(EventLogModel::Fd, Qt::DescendingOrder);
    table->selectRow(3);
    QVERIFY(!view.isFollowing());
    QCOMPARE(jump->text(), QStringLiteral("Jump to live"));
    QTest::keyClick(table, Qt::Key_End);
    QCOMPARE(view.proxy()->sortColumn(), -1);
    QTRY_VERIFY_WITH_TIMEOUT(atBottom(table), kWaitMs);
    QVERIFY(view.isFollowing());
    const int last = table->rowAt(table->viewport()->height() - 1);
    QCOMPARE(model.event(view.proxy()->mapToSource(view.proxy()->index(last, 0)).row()).number,
             400u);
}

QTEST_MAIN(TestTraceViews)
#include "tst_trace_views.moc"
