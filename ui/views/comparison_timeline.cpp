// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/comparison_timeline.h"

#include <QFontMetrics>
#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>

#include "ui/models/model_comparison_model.h"

namespace {

const QColor kHoldBand(0xe0, 0xe0, 0xe0);
const QColor kHoldText(0x61, 0x61, 0x61);
const QColor kLongWait(0xb7, 0x1c, 0x1c);
const QColor kShortWait(0x2e, 0x7d, 0x32);
constexpr int kMinBarPx = 3;
constexpr int kLanePadPx = 4;
constexpr int kLabelGapPx = 6;
constexpr double kMinAxisMs = 1000;

double xOf(double ms, const QRect& plot, double endMs) {
    return plot.left() + ms / endMs * plot.width();
}

// A tick every 0.1, 0.25, 0.5, 1, 2.5 ... seconds: about five along the axis.
double tickStepMs(double endMs) {
    const double raw = endMs / 5;
    const double decade = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.5, 5.0})
        if (raw <= m * decade)
            return m * decade;
    return 10 * decade;
}

}  // namespace

ComparisonTimeline::ComparisonTimeline(ModelComparisonModel* model, QWidget* parent)
    : QWidget(parent), m_model(model) {
    setObjectName(QStringLiteral("comparisonTimeline"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    const auto repaint = [this] { update(); };
    connect(model, &QAbstractItemModel::modelReset, this, repaint);
    connect(model, &QAbstractItemModel::dataChanged, this, repaint);
}

// Nothing is asked for: the picture takes the room the table leaves, and on a small projector
// there is none.
QSize ComparisonTimeline::sizeHint() const {
    return {0, 0};
}

QSize ComparisonTimeline::minimumSizeHint() const {
    return {0, 0};
}

double ComparisonTimeline::axisEndMs(int plotWidth) const {
    double end = kMinAxisMs;
    int text = 0;
    const QFontMetrics metrics(font());
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const ss::ModelRun* run = m_model->run(row);
        if (run == nullptr)
            continue;
        const ss::ScriptedClient& second = run->clients.clients[1];
        end = std::max({end, run->clients.holdToMs, second.sentAtMs + second.waitMs});
        text = std::max(text, metrics.horizontalAdvance(waitText(row)));
    }
    // Room after the longest bar for its label.
    const int room = plotWidth - text - kLabelGapPx;
    return room > plotWidth / 4 ? end * plotWidth / room : end * 4;
}

QString ComparisonTimeline::waitText(int row) const {
    const ss::ModelRun* run = m_model->run(row);
    if (run == nullptr || run->clients.clients[1].waitMs < 0)
        return tr("#2 not served");
    return tr("#2 waited %1")
        .arg(m_model->index(row, ModelComparisonModel::SecondWaitColumn).data().toString());
}

int ComparisonTimeline::labelWidth() const {
    const QFontMetrics metrics(font());
    // The legend under the names: a swatch as wide as a line is high, and its text.
    int width = metrics.height() * 5 / 4 + metrics.horizontalAdvance(tr("#1 idles"));
    for (const QString& preset : m_model->presets())
        width =
            std::max(width, metrics.horizontalAdvance(ModelComparisonModel::modelTitle(preset)));
    return width + metrics.averageCharWidth() * 2;
}

void ComparisonTimeline::paintEvent(QPaintEvent*) {
    const int rows = m_model->rowCount();
    const int line = fontMetrics().height();
    const int axis = line * 3 / 2;
    // A line of text per lane at least, or nothing: a lane squeezed thinner says nothing.
    if (rows == 0 || height() < rows * line + axis + kLanePadPx)
        return;
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const int label = labelWidth();
    const QRect plot(label, kLanePadPx, width() - label - line, height() - kLanePadPx - axis);
    const double endMs = axisEndMs(plot.width());
    paintAxis(p, plot, endMs);
    const int laneHeight = plot.height() / rows;
    for (int row = 0; row < rows; ++row) {
        const QRect lane(0, plot.top() + row * laneHeight, width(), laneHeight);
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(0, lane.top(), label, lane.height()), Qt::AlignVCenter | Qt::AlignLeft,
                   ModelComparisonModel::modelTitle(m_model->presets().value(row)));
        paintLane(p, row, lane, plot, endMs);
    }
}

// Ticks under the lanes, and under the model names what the grey band is.
void ComparisonTimeline::paintAxis(QPainter& p, const QRect& plot, double endMs) const {
    const int line = fontMetrics().height();
    const QRect legend(0, plot.bottom() + line / 4, plot.left(), line);
    const QRect swatch(legend.left(), legend.top() + line / 4, line, line / 2);
    p.fillRect(swatch, kHoldBand);
    p.setPen(kHoldText);
    p.drawText(legend.adjusted(swatch.width() + line / 4, 0, 0, 0), Qt::AlignVCenter,
               tr("#1 idles"));
    const double step = tickStepMs(endMs);
    const QColor grid = palette().color(QPalette::Mid);
    for (int tick = 0; tick * step <= endMs; ++tick) {
        const double ms = tick * step;
        const int x = int(xOf(ms, plot, endMs));
        p.setPen(grid);
        p.drawLine(x, plot.top(), x, plot.bottom() + line / 4);
        p.setPen(palette().color(QPalette::WindowText));
        // The first label starts at the axis, so that it never runs into the legend.
        const QRect box = tick == 0 ? QRect(x, plot.bottom() + line / 4, 6 * line, line)
                                    : QRect(x - 3 * line, plot.bottom() + line / 4, 6 * line, line);
        p.drawText(box, tick == 0 ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignCenter,
                   tr("%1 s").arg(QLocale().toString(ms / 1000, 'g', 3)));
    }
}

// Client 1's hold as a band the height of the lane; client 2's wait as a bar across its middle,
// labelled with what the table's column says.
void ComparisonTimeline::paintLane(QPainter& p, int row, const QRect& lane, const QRect& plot,
                                   double endMs) const {
    const ss::ModelRun* run = m_model->run(row);
    if (run == nullptr || !run->error.empty())
        return;
    const int pad = lane.height() / 8;
    const ss::ScriptOutcome& c = run->clients;
    if (c.holdFromMs >= 0 && c.holdToMs >= c.holdFromMs) {
        const QRectF band(QPointF(xOf(c.holdFromMs, plot, endMs), lane.top() + pad),
                          QPointF(xOf(c.holdToMs, plot, endMs), lane.bottom() - pad));
        p.fillRect(band, kHoldBand);
    }
    const ss::ScriptedClient& second = c.clients[1];
    if (second.sentAtMs < 0)
        return;
    const bool answered = second.waitMs >= 0;
    const double toMs = answered ? second.sentAtMs + second.waitMs : endMs;
    const bool late = !answered || second.waitMs >= ModelComparisonModel::kLongWaitMs;
    const double left = xOf(second.sentAtMs, plot, endMs);
    const double right = std::max(xOf(toMs, plot, endMs), left + kMinBarPx);
    const double barHeight = lane.height() / 2.0;
    const QRectF bar(left, lane.center().y() - barHeight / 2, right - left, barHeight);
    p.fillRect(bar, late ? kLongWait : kShortWait);
    const QString text = waitText(row);
    p.setPen(late ? kLongWait : kShortWait);
    const int textWidth = QFontMetrics(font()).horizontalAdvance(text);
    p.drawText(QRectF(right + kLabelGapPx, lane.top(), textWidth + 2, lane.height()),
               Qt::AlignVCenter, text);
}
