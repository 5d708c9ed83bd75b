// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QPainter;

class ModelComparisonModel;

// The IO-models comparison drawn on one time axis: a lane per model, with client 1's idle hold
// as a grey band and client 2's wait as a bar from its message to its reply. On the blocking
// server the bar spans the hold: client 2 is answered only once client 1 has gone. The other
// models answer at once: a sliver at the band's start. Every position is a time the run
// measured (core/load/scripted_clients.h), in milliseconds since client 1's first message.
class ComparisonTimeline : public QWidget {
    Q_OBJECT

public:
    explicit ComparisonTimeline(ModelComparisonModel* model, QWidget* parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // The axis' end in milliseconds for a plot this wide: the latest thing drawn (at least one
    // second), with room after it for its label.
    double axisEndMs(int plotWidth) const;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    int labelWidth() const;
    // "#2 waited 1.00 s", as the table's column says it.
    QString waitText(int row) const;
    void paintAxis(QPainter& p, const QRect& plot, double endMs) const;
    void paintLane(QPainter& p, int row, const QRect& lane, const QRect& plot, double endMs) const;

    ModelComparisonModel* m_model;
};
