// SPDX-License-Identifier: GPL-3.0-or-later
// The "Cost of one wait call" panel, offscreen: Measure gives every backend of this build a curve
// with a point per size (select up to FD_SETSIZE), the progress bar reaches its end, Cancel keeps
// what was measured, the running engine is a dot on its backend's curve, the chart follows the
// panel's font, and what it draws and saves is more than a blank widget.
#include <QFont>
#include <QImage>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

#include <algorithm>
#include <memory>
#include <string>

#include "core/poller/backend_kind.h"
#include "core/server/listener_spec.h"
#include "tests/support/view_checks.h"
#include "ui/engine_session.h"
#include "ui/panels/cost_curve_panel.h"

namespace {

constexpr int kWaitMs = 30000;  // a whole measurement on a busy machine; normally well under 2 s
constexpr int kSmallBudgetMs = 3;

template <typename T>
T* child(QWidget* parent, const char* name) {
    T* widget = parent->findChild<T*>(QString::fromLatin1(name));
    if (widget == nullptr)
        qFatal("no child %s", name);
    return widget;
}

int pointCount(const CostCurvePanel& panel) {
    int points = 0;
    for (ss::BackendKind kind : ss::availableBackends())
        points += panel.curve(kind)->dataCount();
    return points;
}

}  // namespace

class TestCostCurve : public QObject {
    Q_OBJECT

private slots:
    void measuresEveryBackendAtEverySize();
    void cancelKeepsThePointsMeasuredSoFar();
    void destroyedWhileMeasuring();
    void liveDotFollowsTheRunningBackend();
    void fontsFollowThePanel();
    void rendersAndSavesAPicture();
};

// 2,000 descriptors do not fit below select's FD_SETSIZE: its curve stops one size earlier, and
// the legend and the status bar say why.
void TestCostCurve::measuresEveryBackendAtEverySize() {
    CostCurvePanel panel;
    panel.setSizes({200, 10, 2000, 50});
    QCOMPARE(panel.sizes(), (QVector<int>{10, 50, 200, 2000}));
    panel.setCellBudgetMs(kSmallBudgetMs);
    QSignalSpy finished(&panel, &CostCurvePanel::measurementFinished);
    QSignalSpy messages(&panel, &CostCurvePanel::statusMessage);
    auto* progress = child<QProgressBar>(&panel, "progress");
    panel.show();
    QTest::mouseClick(child<QPushButton>(&panel, "measure"), Qt::LeftButton);
    QVERIFY(panel.isMeasuring());
    QVERIFY(!child<QPushButton>(&panel, "measure")->isEnabled());
    QVERIFY(child<QPushButton>(&panel, "cancel")->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY(!panel.isMeasuring());
    QVERIFY(progress->maximum() > 1);
    QCOMPARE(progress->value(), progress->maximum());

    for (ss::BackendKind kind : ss::availableBackends()) {
        QCPGraph* curve = panel.curve(kind);
        QVERIFY(curve != nullptr);
        const bool limited = kind == ss::BackendKind::Select;
        QCOMPARE(curve->dataCount(), limited ? 3 : 4);
        const QVector<double> keys = {10, 50, 200, 2000};
        for (int i = 0; i < curve->dataCount(); ++i) {
            QCOMPARE(curve->data()->at(i)->key, keys[i]);
            QVERIFY(curve->data()->at(i)->value > 0);
        }
        if (limited)
            QVERIFY2(curve->name().contains(QStringLiteral("FD_SETSIZE")),
                     qPrintable(curve->name()));
    }
    bool limitReported = false;
    for (const QList<QVariant>& message : messages)
        limitReported |= message.at(0).toString().contains(QStringLiteral("FD_SETSIZE"));
    const auto kinds = ss::availableBackends();
    QCOMPARE(limitReported,
             std::find(kinds.begin(), kinds.end(), ss::BackendKind::Select) != kinds.end());
}

// Cancelled after the first point arrived: the measurement ends early, the points stay, the
// progress bar stops short of its end and Measure can be pressed again.
void TestCostCurve::cancelKeepsThePointsMeasuredSoFar() {
    CostCurvePanel panel;
    panel.setSizes({10, 20, 30, 40, 50, 60, 70, 80});
    panel.setCellBudgetMs(100);
    QSignalSpy finished(&panel, &CostCurvePanel::measurementFinished);
    panel.show();
    panel.measure();
    QTRY_VERIFY_WITH_TIMEOUT(pointCount(panel) >= 1, kWaitMs);
    QTest::mouseClick(child<QPushButton>(&panel, "cancel"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    const int cells = static_cast<int>(ss::availableBackends().size()) * 8;
    const int points = pointCount(panel);
    QVERIFY(points >= 1);
    QVERIFY2(points < cells, qPrintable(QString::number(points)));
    auto* progress = child<QProgressBar>(&panel, "progress");
    QVERIFY(progress->value() < progress->maximum());
    QVERIFY(child<QPushButton>(&panel, "measure")->isEnabled());
    QVERIFY(!child<QPushButton>(&panel, "cancel")->isEnabled());
    QCOMPARE(pointCount(panel), points);  // nothing arrives after the end
}

// The destructor stops the worker in the middle of a long cell and waits for its thread.
void TestCostCurve::destroyedWhileMeasuring() {
    auto panel = std::make_unique<CostCurvePanel>();
    panel->setSizes({1000});
    panel->setCellBudgetMs(60000);
    panel->measure();
    QVERIFY(panel->isMeasuring());
    panel.reset();
}

// A real engine: the dot sits on the curve of the backend the server runs, at its watched
// descriptors, and moves to the other curve when the class switches backends.
void TestCostCurve::liveDotFollowsTheRunningBackend() {
    const ss::BackendKind first = ss::availableBackends().front();
    const ss::BackendKind second = ss::availableBackends().back();
    CostCurvePanel panel;
    panel.setSizes({2, 50});
    panel.setCellBudgetMs(kSmallBudgetMs);
    EngineSession session;
    QVERIFY(session.start(view_checks::echoOnFreePort(first)));
    QTRY_VERIFY_WITH_TIMEOUT(view_checks::listenerPort(session) > 0, kWaitMs);
    QTcpSocket client;
    client.connectToHost(QStringLiteral("127.0.0.1"), quint16(view_checks::listenerPort(session)));
    QVERIFY(client.waitForConnected(kWaitMs));
    panel.setSource(&session);
    QVERIFY(!panel.hasLiveDot());  // no curve to put it on yet
    QSignalSpy finished(&panel, &CostCurvePanel::measurementFinished);
    panel.show();
    panel.measure();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);

    QTRY_VERIFY_WITH_TIMEOUT(session.lastStats().watchedDescriptors >= 2, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(panel.hasLiveDot(), kWaitMs);
    QCOMPARE(panel.liveBackend(), first);
    QTRY_COMPARE_WITH_TIMEOUT(panel.liveDot().x(), double(session.lastStats().watchedDescriptors),
                              kWaitMs);
    const QCPGraph* curve = panel.curve(first);
    const double low = std::min(curve->data()->at(0)->value, curve->data()->at(1)->value);
    const double high = std::max(curve->data()->at(0)->value, curve->data()->at(1)->value);
    QVERIFY(panel.liveDot().y() >= low * 0.999 && panel.liveDot().y() <= high * 1.001);

    if (second != first) {
        QVERIFY(session.switchBackend(second));
        QTRY_COMPARE_WITH_TIMEOUT(panel.liveBackend(), second, kWaitMs);
        QVERIFY(panel.hasLiveDot());
    }
    session.stop();
    QTRY_VERIFY_WITH_TIMEOUT(!panel.hasLiveDot(), kWaitMs);
}

void TestCostCurve::fontsFollowThePanel() {
    CostCurvePanel panel;
    QFont big = panel.font();
    big.setPointSizeF(23);
    panel.setFont(big);
    QCOMPARE(panel.plot()->xAxis->labelFont().pointSizeF(), 23.0);
    QCOMPARE(panel.plot()->yAxis->tickLabelFont().pointSizeF(), 23.0);
    QCOMPARE(panel.plot()->legend->font().pointSizeF(), 23.0);
}

// The picture is checked here and left in /tmp to be looked at.
void TestCostCurve::rendersAndSavesAPicture() {
    CostCurvePanel panel;
    panel.setSizes({10, 100, 1000});
    panel.setCellBudgetMs(kSmallBudgetMs);
    QSignalSpy finished(&panel, &CostCurvePanel::measurementFinished);
    panel.resize(900, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.measure();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
    panel.setLiveServer(ss::availableBackends().front(), 300);
    QVERIFY(panel.hasLiveDot());
    panel.plot()->replot();
    const QImage shot = panel.grab().toImage();
    QVERIFY(shot.save(QStringLiteral("/tmp/selectscope_cost_curve.png")));
    QVERIFY2(view_checks::distinctColours(shot) > 20,
             qPrintable(QString::number(view_checks::distinctColours(shot))));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("curve.png"));
    QVERIFY(panel.savePng(path));
    const QImage saved(path);
    QVERIFY(saved.width() >= 1280 && saved.height() >= 720);
    QVERIFY(view_checks::distinctColours(saved) > 20);
    QVERIFY(!panel.savePng(dir.filePath(QStringLiteral("no/such/folder/curve.png"))));
}

QTEST_MAIN(TestCostCurve)
#include "tst_cost_curve.moc"
