// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/first_start_overlay.h"

#include <QEvent>
#include <QFont>
#include <QPalette>

namespace {
// Read from the back of the room: larger than the tables' own text.
constexpr qreal kTextScale = 1.5;
constexpr int kMargin = 16;
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
    if (watched == m_covered && event->type() == QEvent::Resize)
        setGeometry(m_covered->rect());
    else if (watched == m_covered && event->type() == QEvent::FontChange)
        applyFont();
    return QLabel::eventFilter(watched, event);
}

void FirstStartOverlay::applyFont() {
    QFont large = m_covered->font();
    large.setPointSizeF(large.pointSizeF() * kTextScale);
    large.setBold(true);
    setFont(large);
}
