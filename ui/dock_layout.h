// SPDX-License-Identifier: GPL-3.0-or-later
// Where the main window's docks go on a first run (and after View > Reset layout), and how the
// layout the user made is saved and restored between runs with QSettings.
#pragma once

#include <QByteArray>

class QDockWidget;
class QMainWindow;

struct DockSet {
    QDockWidget* server = nullptr;
    QDockWidget* descriptors = nullptr;
    QDockWidget* calls = nullptr;
    QDockWidget* events = nullptr;
    QDockWidget* plots = nullptr;
    QDockWidget* clients = nullptr;
    QDockWidget* load = nullptr;
    QDockWidget* fdsets = nullptr;    // the fd_set picture and the timeline, tabbed with the
    QDockWidget* timeline = nullptr;  // descriptors, and the IO-models comparison
    QDockWidget* models = nullptr;
    QDockWidget* cost = nullptr;     // tabbed with the event log and the plots
    QDockWidget* lessons = nullptr;  // tabbed with the server
};

namespace dock_layout {

// Bumped whenever the docks change, so that an older saved layout is not applied to new docks.
constexpr int kVersion = 5;

// Controls on the left (server above, tabbed with the lessons; clients and load below); on the
// right the descriptor table (tabbed with the fd_set picture, the timeline and the IO models), the
// wait calls, and the event log tabbed with the plots and the cost curve. Every dock is shown.
void arrange(QMainWindow* window, const DockSet& docks);
// Puts every dock back where arrange() put it, from the window's state saved just after it
// (QMainWindow::saveState(kVersion)), and shows them all.
void rearrange(QMainWindow* window, const DockSet& docks, const QByteArray& arranged);
// How a first start shares the window's size out between the docks, so that every control of a
// first lesson is in view down to 1280x720: the left column as wide as its panels need (at least
// a third of the window, and what the views on the right leave), the server dock as tall as its
// panel is at that width, the clients the rest of the column; the trace tables share the right
// column. Depends on the window's size and on the panels' and views' size hints.
struct DefaultSizes {
    int width = 0;      // the window's, less the separator between the columns
    int height = 0;     // of the dock area, between the menu bar and the status bar
    int separator = 0;  // between two docks
    int left = 0;       // the left column's width
    int server = 0;     // the server dock's height
    bool operator==(const DefaultSizes& o) const {
        return width == o.width && height == o.height && separator == o.separator &&
               left == o.left && server == o.server;
    }
    bool operator!=(const DefaultSizes& o) const { return !(*this == o); }
};
DefaultSizes defaultSizes(const QMainWindow* window, const DockSet& docks);
// Gives the docks those sizes; needs the window at its final size.
void applyDefaultSizes(QMainWindow* window, const DockSet& docks, const DefaultSizes& sizes);
// False when no layout was saved or it does not fit these docks.
bool restore(QMainWindow* window);
void save(const QMainWindow* window);

}  // namespace dock_layout
