// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dock_layout.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QSettings>

namespace {
constexpr char kGeometryKey[] = "mainWindow/geometry";
constexpr char kStateKey[] = "mainWindow/state";

int share(int total, double fraction) {
    return static_cast<int>(total * fraction);
}
}  // namespace

namespace dock_layout {

void arrange(QMainWindow* window, const DockSet& d) {
    for (QDockWidget* dock :
         {d.server, d.clients, d.load, d.descriptors, d.calls, d.events, d.plots}) {
        dock->setFloating(false);
        window->removeDockWidget(dock);
    }
    window->addDockWidget(Qt::LeftDockWidgetArea, d.server);
    window->addDockWidget(Qt::LeftDockWidgetArea, d.clients);
    window->tabifyDockWidget(d.clients, d.load);
    window->addDockWidget(Qt::RightDockWidgetArea, d.descriptors);
    window->addDockWidget(Qt::RightDockWidgetArea, d.calls);
    window->addDockWidget(Qt::RightDockWidgetArea, d.events);
    window->tabifyDockWidget(d.events, d.plots);
    for (QDockWidget* dock :
         {d.server, d.clients, d.load, d.descriptors, d.calls, d.events, d.plots}) {
        dock->show();
    }
    d.clients->raise();
    d.events->raise();
}

void applyDefaultSizes(QMainWindow* window, const DockSet& d) {
    const int width = window->width();
    const int height = window->height();
    window->resizeDocks({d.server, d.descriptors}, {share(width, 0.34), share(width, 0.66)},
                        Qt::Horizontal);
    window->resizeDocks({d.server, d.clients}, {share(height, 0.56), share(height, 0.44)},
                        Qt::Vertical);
    window->resizeDocks({d.descriptors, d.calls, d.events},
                        {share(height, 0.36), share(height, 0.36), share(height, 0.28)},
                        Qt::Vertical);
}

bool restore(QMainWindow* window) {
    QSettings settings;
    const QByteArray geometry = settings.value(kGeometryKey).toByteArray();
    const QByteArray state = settings.value(kStateKey).toByteArray();
    const bool placed = !geometry.isEmpty() && window->restoreGeometry(geometry);
    return placed && !state.isEmpty() && window->restoreState(state, kVersion);
}

void save(const QMainWindow* window) {
    QSettings settings;
    settings.setValue(kGeometryKey, window->saveGeometry());
    settings.setValue(kStateKey, window->saveState(kVersion));
}

}  // namespace dock_layout
