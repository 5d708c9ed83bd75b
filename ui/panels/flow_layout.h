// SPDX-License-Identifier: GPL-3.0-or-later
// A row of widgets that wraps onto the next line when the panel is too narrow for all of them,
// the way words wrap in a paragraph: buttons stay whole (never cut or squeezed below their size
// hint) at any dock width, and a widget that grows sideways (a line edit) takes the room a row
// has left. It answers heightForWidth(), so a scroll area or box layout above it gives it the
// height its wrapped rows need.
#pragma once

#include <QLayout>
#include <QList>
#include <QPair>
#include <QSize>

class FlowLayout : public QLayout {
    Q_OBJECT

public:
    // Without a parent the layout is added to another layout; spacing -1 takes the style's.
    explicit FlowLayout(QWidget* parent = nullptr, int spacing = -1);
    ~FlowLayout() override;

    void addItem(QLayoutItem* item) override;
    int count() const override;
    QLayoutItem* itemAt(int index) const override;
    QLayoutItem* takeAt(int index) override;

    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect& rect) override;

private:
    using Row = QList<QPair<QLayoutItem*, QSize>>;

    // Places the items in `rect` (only when `apply`) and returns the height the rows take.
    int arrange(const QRect& rect, bool apply) const;
    int placeRow(const Row& row, const QRect& line, bool apply) const;
    static QSize baseSize(const QLayoutItem* item);
    int gap(Qt::Orientation orientation) const;

    QList<QLayoutItem*> m_items;
};
