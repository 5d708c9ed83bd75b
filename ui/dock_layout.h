// SPDX-License-Identifier: GPL-3.0-or-later
// Where the main window's docks go on a first run (and after View > Reset layout), and how the
// layout the user made is saved and restored between runs with QSettings.
#pragma once

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
};

namespace dock_layout {

// Bumped whenever the docks change, so that an older saved layout is not applied to new docks.
constexpr int kVersion = 1;

// Controls on the left (server above, clients and load below); on the right the descriptor
// table, the wait calls, and the event log tabbed with the plots. Every dock is shown.
void arrange(QMainWindow* window, const DockSet& docks);
// Shares the window's size out between the docks; needs the window at its final size.
void applyDefaultSizes(QMainWindow* window, const DockSet& docks);
// False when no layout was saved or it does not fit these docks.
bool restore(QMainWindow* window);
void save(const QMainWindow* window);

}  // namespace dock_layout
