// SPDX-License-Identifier: GPL-3.0-or-later
// Widens a table's columns to fit their titles and what they show, a moment after rows arrive,
// and never narrows them: columns do not jump about while traffic flows. Sizing to contents on
// every update (QHeaderView::ResizeToContents) would measure every row 30 times a second; this
// measures only the rows in view, at most once a second however fast rows come. A column the
// user resized is left alone from then on. No column grows past its cap: a share of the view,
// or a number of characters for columns whose text can run long (descriptor lists, lines of
// Python); such cells elide, and their models carry the whole text as a tooltip. The titles get
// the table's own font.
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

class QTableView;

class ColumnFitter : public QObject {
    Q_OBJECT

public:
    static constexpr int kDelayMs = 400;
    // However fast rows arrive, the columns are measured at most this often.
    static constexpr int kMinIntervalMs = 1000;
    // No column gets wider than this share of the view by itself.
    static constexpr double kMaxShare = 0.45;

    // Watches the view's model (set it before); owned by the view.
    explicit ColumnFitter(QTableView* view);

    // Caps `column` at `chars` average characters of the table's font.
    void setMaxChars(int column, int chars);
    // The widest fit() makes `column`, in pixels.
    int maxWidth(int column) const;
    // The user dragged (or double-clicked) this column's edge: fit() leaves it as it is.
    bool isUserSized(int column) const { return m_userSized.contains(column); }

    bool eventFilter(QObject* watched, QEvent* event) override;

public slots:
    void fit();
    // Fits a moment from now, and not sooner than kMinIntervalMs after the last fit.
    void schedule();

signals:
    void fitted();

private:
    int lastVisibleColumn() const;
    void onSectionResized(int column);

    QTableView* m_view;
    // Compared by address in eventFilter(), which also runs while the view is being destroyed,
    // when no member of the view may be called any more.
    QObject* m_headerViewport = nullptr;
    QTimer m_timer;
    QElapsedTimer m_sinceFit;
    QHash<int, int> m_maxChars;
    QSet<int> m_userSized;
    bool m_mouseDown = false;  // on the header: a resize now is the user's
};
