// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dock_layout.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>

#include <algorithm>
#include <array>
#include <initializer_list>

namespace {
constexpr char kGeometryKey[] = "mainWindow/geometry";
constexpr char kStateKey[] = "mainWindow/state";
// The left column's share of the window's width: at least, and at most.
constexpr double kLeftShare = 0.34;
constexpr double kMaxLeftShare = 0.42;
// The server dock never takes more of the left column than this, so the clients keep room.
constexpr double kMaxServerShare = 0.5;
// The descriptors (tabbed with the fd_set picture and the timeline) and the wait calls take
// these shares of the right column, the event log (tabbed with the plots and the cost curve)
// the rest.
constexpr double kDescriptorShare = 0.39;
constexpr double kCallShare = 0.36;

// Every dock, in the order arrange() adds them.
std::array<QDockWidget*, 12> all(const DockSet& d) {
    return {d.server,   d.clients, d.load,   d.descriptors, d.fdsets, d.calls,
            d.timeline, d.models,  d.events, d.plots,       d.cost,   d.lessons};
}

// The tab in front in each tabbed group: what a first lesson looks at.
void raiseDefaults(const DockSet& d) {
    d.server->raise();
    d.clients->raise();
    d.descriptors->raise();
    d.events->raise();
}

int share(int total, double fraction) {
    return static_cast<int>(total * fraction);
}

// The panel inside a dock, and the scroll area around it (null for a dock without one).
QWidget* panelOf(const QDockWidget* dock, const QScrollArea** area) {
    *area = qobject_cast<const QScrollArea*>(dock->widget());
    return *area != nullptr ? (*area)->widget() : dock->widget();
}

// What the dock's title bar and frame add around its contents.
int chromeHeight(const QDockWidget* dock) {
    const QWidget* content = dock->widget();
    if (dock->height() > content->height() && content->height() > 0)
        return dock->height() - content->height();
    const QStyle* style = dock->style();
    return dock->fontMetrics().height() +
           2 * style->pixelMetric(QStyle::PM_DockWidgetTitleMargin, nullptr, dock) +
           2 * style->pixelMetric(QStyle::PM_DockWidgetFrameWidth, nullptr, dock);
}

// The width the panel asks for (its rows of buttons unwrapped), or at least its minimum with a
// vertical scroll bar beside it, should one be needed.
int wantedWidth(const QDockWidget* dock, int* minimum) {
    const QScrollArea* area = nullptr;
    const QWidget* panel = panelOf(dock, &area);
    const int bar = area != nullptr ? area->verticalScrollBar()->sizeHint().width() : 0;
    *minimum = std::max(*minimum, panel->minimumSizeHint().width() + bar);
    return panel->sizeHint().width();
}

// Tall enough for the whole panel at the given dock width.
int neededHeight(const QDockWidget* dock, int width) {
    const QScrollArea* area = nullptr;
    const QWidget* panel = panelOf(dock, &area);
    const int bar = area != nullptr ? area->verticalScrollBar()->sizeHint().width() : 0;
    const int content = panel->hasHeightForWidth() ? panel->heightForWidth(width - bar)
                                                   : panel->sizeHint().height();
    return content + chromeHeight(dock);
}

// The height the docks share: the window less its menu bar and status bar.
int dockAreaHeight(const QMainWindow* window) {
    int height = window->height();
    if (const QWidget* menu = window->menuWidget())
        height -= menu->sizeHint().height();
    if (const QStatusBar* bar =
            window->findChild<QStatusBar*>(QString(), Qt::FindDirectChildrenOnly))
        height -= bar->sizeHint().height();
    return height;
}

// As wide as the panels ask, within kLeftShare..kMaxLeftShare of the window, and never narrower
// than they need; but Qt gives the right column at least its views' minimum width, whatever is
// asked, and the server's height must be measured at the width it really gets.
int leftColumnWidth(const DockSet& d, int windowWidth) {
    int wanted = 0;
    int minimum = 0;
    for (const QDockWidget* dock : {d.server, d.clients, d.load})
        wanted = std::max(wanted, wantedWidth(dock, &minimum));
    wanted = std::clamp(wanted, share(windowWidth, kLeftShare), share(windowWidth, kMaxLeftShare));
    int right = 0;
    for (const QDockWidget* dock : {d.descriptors, d.calls, d.events})
        right = std::max(right, dock->minimumSizeHint().width());
    return std::min(std::max(wanted, minimum), windowWidth - right);
}
}  // namespace

namespace dock_layout {

void arrange(QMainWindow* window, const DockSet& d) {
    for (QDockWidget* dock : all(d)) {
        dock->setFloating(false);
        window->removeDockWidget(dock);
    }
    window->addDockWidget(Qt::LeftDockWidgetArea, d.server);
    window->tabifyDockWidget(d.server, d.lessons);
    window->addDockWidget(Qt::LeftDockWidgetArea, d.clients);
    window->tabifyDockWidget(d.clients, d.load);
    window->addDockWidget(Qt::RightDockWidgetArea, d.descriptors);
    window->tabifyDockWidget(d.descriptors, d.fdsets);
    window->tabifyDockWidget(d.fdsets, d.timeline);
    window->tabifyDockWidget(d.timeline, d.models);
    window->addDockWidget(Qt::RightDockWidgetArea, d.calls);
    window->addDockWidget(Qt::RightDockWidgetArea, d.events);
    window->tabifyDockWidget(d.events, d.plots);
    window->tabifyDockWidget(d.plots, d.cost);
    for (QDockWidget* dock : all(d))
        dock->show();
    raiseDefaults(d);
}

// Qt 6.4 can crash when docks that have been shown in a maximised window are removed and added
// again (QMainWindow::tabifyDockWidget in the layout's activation), so the arrangement is put
// back from the state arrange() left rather than redone.
void rearrange(QMainWindow* window, const DockSet& d, const QByteArray& arranged) {
    window->restoreState(arranged, kVersion);
    for (QDockWidget* dock : all(d)) {
        if (dock->isFloating())
            dock->setFloating(false);
        dock->show();
    }
    raiseDefaults(d);
}

DefaultSizes defaultSizes(const QMainWindow* window, const DockSet& d) {
    DefaultSizes sizes;
    sizes.separator =
        window->style()->pixelMetric(QStyle::PM_DockWidgetSeparatorExtent, nullptr, window);
    sizes.width = window->width() - sizes.separator;
    sizes.height = dockAreaHeight(window);
    sizes.left = leftColumnWidth(d, sizes.width);
    sizes.server =
        std::min(neededHeight(d.server, sizes.left), share(sizes.height, kMaxServerShare));
    return sizes;
}

// Qt shares out any difference between the sizes asked for and the room there is in proportion
// to the sizes, so each call asks for exactly the room there is: separators included.
void applyDefaultSizes(QMainWindow* window, const DockSet& d, const DefaultSizes& s) {
    window->resizeDocks({d.server, d.descriptors}, {s.left, s.width - s.left}, Qt::Horizontal);
    window->resizeDocks({d.server, d.clients}, {s.server, s.height - s.separator - s.server},
                        Qt::Vertical);
    const int tables = s.height - 2 * s.separator;
    const int descriptors = share(tables, kDescriptorShare);
    const int calls = share(tables, kCallShare);
    window->resizeDocks({d.descriptors, d.calls, d.events},
                        {descriptors, calls, tables - descriptors - calls}, Qt::Vertical);
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
