// SPDX-License-Identifier: GPL-3.0-or-later
// Keeps the mouse wheel for scrolling. A spin box, combo box or slider under the pointer changes
// with the wheel only while it has keyboard focus (the user clicked or tabbed into it); otherwise
// the wheel goes on to the panel's scroll area, so scrolling a panel never changes a setting
// by accident.
#pragma once

#include <QObject>

class QEvent;
class QWidget;

class WheelGuard : public QObject {
    Q_OBJECT

public:
    explicit WheelGuard(QObject* parent = nullptr);

    // Guards every spin box, combo box and slider inside `root`; the guard is a child of `root`.
    static WheelGuard* guardChildren(QWidget* root);
    // Watches the wheel over `widget`; one that takes focus by the wheel (Qt::WheelFocus, as spin
    // and combo boxes do) gets Qt::StrongFocus instead. A widget that never takes focus (a chart)
    // passes every wheel event on.
    void guard(QWidget* widget);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
};
