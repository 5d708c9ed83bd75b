// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/first_start_overlay.h"

#include <QEvent>
#include <QFont>
#include <QPalette>

namespace {
// Read from the back of the room: larger than the tables' own text.
// In tenths of the view's text size.
constexpr int kLargestTenths = 15;
constexpr int kMargin = 8;
}  // namespace

FirstStartOverlay::FirstStartOverlay(const QString& text, QWidget* covered)
    : QLabel(text, covered), m_covered(covered) {
    setObjectName(QStringLiteral("firstStartOverlay"));
    setWordWrap(true);
    setAlignment(Qt::AlignCenter);
    setMargin(kMargin);
    // Clicks reach the view underneath; the guidance never gets in the way.
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAutoFillBackground(true);
    QPalette colors = palette();
    colors.setColor(QPalette::Window, colors.color(QPalette::Base));
    colors.setColor(QPalette::WindowText, colors.color(QPalette::Text));
    setPalette(colors);
    applyFont();
    m_covered->installEventFilter(this);
    setGeometry(m_covered->rect());
    raise();
}

// A zoom changes the covered view's font (the application's); the guidance, whose font is its
// own, stays larger than the view's text.
bool FirstStartOverlay::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_covered && event->type() == QEvent::Resize) {
        setGeometry(m_covered->rect());
        applyFont();
    } else if (watched == m_covered && event->type() == QEvent::FontChange) {
        applyFont();
    }
    return QLabel::eventFilter(watched, event);
}

// As large as kLargestTenths/10 times the view's text, or smaller when the view is too small to
// show it all; never smaller than the view's own text.
void FirstStartOverlay::applyFont() {
    const qreal base = m_covered->font().pointSizeF();
    QFont large = m_covered->font();
    large.setBold(true);
    for (int tenths = kLargestTenths; tenths > 10; --tenths) {
        large.setPointSizeF(base * tenths / 10);
        setFont(large);
        if (m_covered->height() <= 0 || heightForWidth(m_covered->width()) <= m_covered->height())
            return;
    }
    large.setPointSizeF(base);
    setFont(large);
}
