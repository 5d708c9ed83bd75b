// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/wheel_guard.h"

#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QEvent>
#include <QScrollBar>
#include <QWidget>

namespace {
// Scroll bars are sliders too, but they exist to take the wheel.
bool changesWithWheel(const QWidget* widget) {
    return qobject_cast<const QAbstractSpinBox*>(widget) != nullptr ||
           qobject_cast<const QComboBox*>(widget) != nullptr ||
           (qobject_cast<const QAbstractSlider*>(widget) != nullptr &&
            qobject_cast<const QScrollBar*>(widget) == nullptr);
}
}  // namespace

WheelGuard::WheelGuard(QObject* parent) : QObject(parent) {}

WheelGuard* WheelGuard::guardChildren(QWidget* root) {
    auto* guard = new WheelGuard(root);
    for (QWidget* widget : root->findChildren<QWidget*>()) {
        if (changesWithWheel(widget))
            guard->guard(widget);
    }
    return guard;
}

void WheelGuard::guard(QWidget* widget) {
    if ((widget->focusPolicy() & Qt::WheelFocus) == Qt::WheelFocus)
        widget->setFocusPolicy(Qt::StrongFocus);
    widget->installEventFilter(this);
}

// An ignored wheel event travels on to the parent widgets, and so reaches the scroll area.
bool WheelGuard::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::Wheel) {
        const auto* widget = qobject_cast<QWidget*>(watched);
        if (widget != nullptr && !widget->hasFocus()) {
            event->ignore();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}
