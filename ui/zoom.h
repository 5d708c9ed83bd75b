// SPDX-License-Identifier: GPL-3.0-or-later
// The window's zoom: one factor on the application's font, so that tables, headers, panels,
// menus, tooltips, the status bar and the plots all grow and shrink together.
#pragma once

#include <QObject>

#include <array>

class Zoom : public QObject {
    Q_OBJECT

public:
    // The steps View > Zoom in and Zoom out go through, in percent of the projector's size.
    static constexpr std::array<int, 9> kPercents{80, 90, 100, 110, 125, 150, 175, 200, 250};
    static constexpr int kDefaultPercent = 100;

    explicit Zoom(QObject* parent = nullptr);

    int percent() const { return kPercents[m_step]; }
    double factor() const { return percent() / 100.0; }
    // The point size of the application's font at 100 %: the platform's font made large
    // enough for a projector. Measured once, before any zoom changed the application's font.
    static qreal basePointSize();

public slots:
    // Snaps to the nearest step and applies it to the application's font.
    void setPercent(int percent);
    void zoomIn();
    void zoomOut();
    void reset();
    // Sets the application's font for the current step again (after a new window was made).
    void apply();

signals:
    void changed(int percent);

private:
    void setStep(int step);

    int m_step = 2;
};
