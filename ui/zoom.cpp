// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/zoom.h"

#include <QApplication>
#include <QEvent>
#include <QFont>
#include <QWidget>

#include <algorithm>
#include <cstdlib>

namespace {
// The window is often shown on a projector at the back of a classroom, so text starts large.
constexpr qreal kMinimumPointSize = 14.0;
constexpr qreal kProjectorScale = 1.4;
constexpr qreal kFallbackPointSize = 10.0;

int nearestStep(int percent) {
    int best = 0;
    for (int i = 1; i < int(Zoom::kPercents.size()); ++i) {
        if (std::abs(Zoom::kPercents[i] - percent) < std::abs(Zoom::kPercents[best] - percent))
            best = i;
    }
    return best;
}
}  // namespace

Zoom::Zoom(QObject* parent) : QObject(parent), m_step(nearestStep(kDefaultPercent)) {}

qreal Zoom::basePointSize() {
    // Static: later windows must not take an already zoomed font for the platform's.
    static const qreal base = [] {
        const qreal platform = QApplication::font().pointSizeF();
        const qreal size = platform > 0 ? platform : kFallbackPointSize;
        return std::max(size * kProjectorScale, kMinimumPointSize);
    }();
    return base;
}

void Zoom::setPercent(int percent) {
    setStep(nearestStep(percent));
}

void Zoom::zoomIn() {
    setStep(std::min(m_step + 1, int(kPercents.size()) - 1));
}

void Zoom::zoomOut() {
    setStep(std::max(m_step - 1, 0));
}

void Zoom::reset() {
    setPercent(kDefaultPercent);
}

void Zoom::setStep(int step) {
    const bool changedStep = step != m_step;
    m_step = step;
    apply();
    if (changedStep)
        emit changed(percent());
}

// The application's font rather than the window's: menus and tooltips are windows of their own
// and do not inherit the main window's font.
void Zoom::apply() {
    QFont font = QApplication::font();
    font.setPointSizeF(basePointSize() * factor());
    if (font == QApplication::font())
        return;
    QApplication::setFont(font);
    // Qt tells the widgets that exist only once its event loop runs; the window is made (and
    // measured) before that, so they are told here, at once. A second notice changes nothing.
    const QWidgetList widgets = QApplication::allWidgets();
    for (QWidget* widget : widgets) {
        QEvent change(QEvent::ApplicationFontChange);
        QCoreApplication::sendEvent(widget, &change);
    }
}
