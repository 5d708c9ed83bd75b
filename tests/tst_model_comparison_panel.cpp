// SPDX-License-Identifier: GPL-3.0-or-later
// The "IO models" panel, offscreen: Compare runs the scripted clients against each model's
// preset on loopback and fills its row with what the run measured; the blocking model's
// weakness is drawn in red; Cancel and closing the panel end a run promptly.
#include <QBrush>
#include <QElapsedTimer>
#include <QImage>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <algorithm>
#include <memory>

#include "ui/models/model_comparison_model.h"
#include "ui/panels/model_comparison_panel.h"
#include "ui/views/comparison_timeline.h"

namespace {

constexpr int kRunWaitMs = 30000;  // two models of about a second each, on a busy machine
constexpr int kLongHoldMs = 60000;

QPushButton* button(QWidget* parent, const char* name) {
    auto* found = parent->findChild<QPushButton*>(QString::fromLatin1(name));
    if (found == nullptr)
        qFatal("no button %s", name);
    return found;
}

QPushButton* buttonWithText(QWidget* parent, const QString& text) {
    for (QPushButton* b : parent->findChildren<QPushButton*>())
        if (b->text() == text)
            return b;
    qFatal("no button %s", qPrintable(text));
}

QString cell(const ModelComparisonModel* model, int row, int column) {
    return model->index(row, column).data().toString();
}

double value(const ModelComparisonModel* model, int row, int column) {
    return model->index(row, column).data(ModelComparisonModel::ValueRole).toDouble();
}

// The longest horizontal run of pixels of exactly this colour, on any row of the image.
int longestRun(const QImage& image, const QColor& colour) {
    int longest = 0;
    for (int y = 0; y < image.height(); ++y) {
        int run = 0;
        for (int x = 0; x < image.width(); ++x) {
            run = image.pixel(x, y) == colour.rgb() ? run + 1 : 0;
            longest = std::max(longest, run);
        }
    }
    return longest;
}

bool red(const ModelComparisonModel* model, int row, int column) {
    return model->index(row, column).data(Qt::ForegroundRole).isValid();
}

}  // namespace

class TestModelComparisonPanel : public QObject {
    Q_OBJECT

private slots:
    void compareFillsEveryRowFromItsRun();
    void cancelEndsTheRunAndKeepsNoHalfRun();
    void closingThePanelWhileARunGoesOnReturnsPromptly();
};

void TestModelComparisonPanel::compareFillsEveryRowFromItsRun() {
#ifndef __linux__
    QSKIP("io-blocking is Linux's");
#endif
    ModelComparisonPanel panel;
    panel.setPresets({QStringLiteral("io-blocking"), QStringLiteral("io-select")});
    QSignalSpy finished(&panel, &ModelComparisonPanel::comparisonFinished);
    QSignalSpy messages(&panel, &ModelComparisonPanel::statusMessage);
    QTest::mouseClick(button(&panel, "compareModels"), Qt::LeftButton);
    QVERIFY(panel.isRunning());
    QVERIFY(!button(&panel, "compareModels")->isEnabled());
    QVERIFY(finished.wait(kRunWaitMs));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(button(&panel, "compareModels")->isEnabled());

    const ModelComparisonModel* model = panel.model();
    QCOMPARE(model->headerData(0, Qt::Vertical).toString(), QStringLiteral("Blocking"));
    QCOMPARE(model->headerData(1, Qt::Vertical).toString(), QStringLiteral("select()"));
    for (int row = 0; row < 2; ++row) {
        QVERIFY(model->hasResult(row));
        QCOMPARE(cell(model, row, ModelComparisonModel::ServedColumn), QStringLiteral("3 of 3"));
        QCOMPARE(cell(model, row, ModelComparisonModel::ThreadsColumn), QStringLiteral("1"));
        QVERIFY(value(model, row, ModelComparisonModel::CallsColumn) > 0);
    }
    // One at a time: only client 1 is answered while it idles, and client 2 waits for it.
    QCOMPARE(cell(model, 0, ModelComparisonModel::AlongsideColumn), QStringLiteral("1 of 3"));
    QVERIFY(red(model, 0, ModelComparisonModel::AlongsideColumn));
    QCOMPARE(cell(model, 1, ModelComparisonModel::AlongsideColumn), QStringLiteral("3 of 3"));
    QVERIFY(!red(model, 1, ModelComparisonModel::AlongsideColumn));
    QVERIFY(value(model, 0, ModelComparisonModel::SecondWaitColumn) >
            value(model, 1, ModelComparisonModel::SecondWaitColumn));
    QVERIFY(cell(model, 1, ModelComparisonModel::SecondWaitColumn).endsWith(QStringLiteral(" ms")));
    QVERIFY(messages.count() >= 3);  // running blocking, running select(), done
    QCOMPARE(messages.last().first().toString(), QStringLiteral("IO models: every model has run"));

    // The picture: client 2's wait on the blocking server is a red bar across client 1's idle
    // second, more than half the axis; on select() a short green one.
    panel.resize(1000, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    const QImage picture = panel.timeline()->grab().toImage();
    QCOMPARE(longestRun(picture, QColor(0xb7, 0x1c, 0x1c)) > picture.width() / 2, true);
    const int green = longestRun(picture, QColor(0x2e, 0x7d, 0x32));
    QVERIFY(green > 0);
    QVERIFY(green < picture.width() / 10);
}

void TestModelComparisonPanel::cancelEndsTheRunAndKeepsNoHalfRun() {
    ModelComparisonPanel panel;
    panel.setPresets({QStringLiteral("io-select")});
    panel.setSlowHoldMs(kLongHoldMs);
    QSignalSpy finished(&panel, &ModelComparisonPanel::comparisonFinished);
    panel.run();
    QTRY_VERIFY_WITH_TIMEOUT(
        panel.model()->index(0, 0).data().toString() == QStringLiteral("running…"), kRunWaitMs);
    QTest::mouseClick(buttonWithText(&panel, QStringLiteral("Cancel")), Qt::LeftButton);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(finished.wait(kRunWaitMs));
    QVERIFY(clock.elapsed() < kLongHoldMs / 2);
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(!panel.model()->hasResult(0));
    QVERIFY(!panel.isRunning());
}

void TestModelComparisonPanel::closingThePanelWhileARunGoesOnReturnsPromptly() {
    auto panel = std::make_unique<ModelComparisonPanel>();
    panel->setPresets({QStringLiteral("io-select")});
    panel->setSlowHoldMs(kLongHoldMs);
    panel->run();
    QTRY_VERIFY_WITH_TIMEOUT(
        panel->model()->index(0, 0).data().toString() == QStringLiteral("running…"), kRunWaitMs);
    QElapsedTimer clock;
    clock.start();
    panel.reset();
    QVERIFY(clock.elapsed() < kLongHoldMs / 2);
}

QTEST_MAIN(TestModelComparisonPanel)
#include "tst_model_comparison_panel.moc"
