// SPDX-License-Identifier: GPL-3.0-or-later
// Widens a table's columns to fit their titles and what they show, a moment after rows arrive,
// and never narrows them: columns do not jump about while traffic flows, and a column the user
// widened stays wide. Sizing to contents on every update (QHeaderView::ResizeToContents) would
// measure every row 30 times a second instead. The titles get the table's own font.
#pragma once

#include <QObject>
#include <QTimer>

class QTableView;

class ColumnFitter : public QObject {
    Q_OBJECT

public:
    static constexpr int kDelayMs = 400;
    // No column gets wider than this share of the view by itself.
    static constexpr double kMaxShare = 0.45;

    // Watches the view's model (set it before); owned by the view.
    explicit ColumnFitter(QTableView* view);

    bool eventFilter(QObject* watched, QEvent* event) override;

public slots:
    void fit();

private:
    void schedule();

    QTableView* m_view;
    QTimer m_timer;
};
