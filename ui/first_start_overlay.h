// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

class QEvent;

// Guidance in large type over an empty view before anything has run, so that a first start
// does not look like a wall of empty tables. It covers the widget it is made on (usually a
// table's viewport), follows its size, and lets clicks through to it.
class FirstStartOverlay : public QLabel {
    Q_OBJECT

public:
    // A child of `covered`, which it follows.
    FirstStartOverlay(const QString& text, QWidget* covered);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void applyFont();

    QWidget* m_covered;
};
