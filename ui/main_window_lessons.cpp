// SPDX-License-Identifier: GPL-3.0-or-later
// The window's side of lessons: the Lessons dock (tabbed with the server, in front on a first
// start), the runner that plays a lesson's steps on the built-in server, and each step's look:
// the dock it names comes to the front with its title outlined, and the descriptor it names is
// selected in the descriptor table.
#include <QDockWidget>

#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTableView>
#include <algorithm>

#include "ui/lessons/lesson_runner.h"
#include "ui/main_window.h"
#include "ui/models/descriptor_table_model.h"
#include "ui/panels/lessons_panel.h"
#include "ui/views/descriptor_view.h"

void MainWindow::createLessons() {
    m_lessonRunner = new LessonRunner(this, this);
    m_lessonRunner->setPorts(m_options.lessonPorts);
    m_lessonsPanel = new LessonsPanel(m_lessonRunner);
    QStringList folders;
    if (m_options.useSettings) {
        const QString saved =
            QSettings().value(QLatin1String(lesson_library::kFolderKey)).toString();
        if (!saved.isEmpty())
            folders << saved;
    }
    m_lessonsPanel->setFolders(folders + m_options.lessonFolders);
    m_dockSet.lessons = addDock(m_lessonsPanel, tr("Lessons"), "lessonsDock");
    connect(m_lessonsPanel, &LessonsPanel::statusMessage, this, &MainWindow::showStatusMessage);
    connect(m_lessonsPanel, &LessonsPanel::folderChosen, this, [this](const QString& folder) {
        if (m_options.useSettings)
            QSettings().setValue(QLatin1String(lesson_library::kFolderKey), folder);
        m_lessonsPanel->setFolders(QStringList{folder} + m_options.lessonFolders);
    });
    connect(m_lessonRunner, &LessonRunner::stepChanged, this, &MainWindow::showLook);
    connect(m_lessonRunner, &LessonRunner::progressed, this, &MainWindow::selectLookedAtFd);
}

// Once the step's actions are done the descriptor it names is known: its row is selected.
void MainWindow::selectLookedAtFd() {
    const lesson::Step& step = m_lessonRunner->lesson().steps[size_t(m_lessonRunner->step())];
    if (m_lessonRunner->busy() || !step.look.fd.isSet())
        return;
    const int fd = m_lessonRunner->fdOf(step.look.fd);
    QSortFilterProxyModel* proxy = m_descriptorView->proxy();
    for (int row = 0; row < m_descriptorModel->rowCount(); ++row) {
        const QModelIndex index = m_descriptorModel->index(row, 0);
        if (index.data(DescriptorTableModel::FdRole).toInt() != fd)
            continue;
        m_descriptorView->table()->selectRow(proxy->mapFromSource(index).row());
        return;
    }
}

bool MainWindow::openLesson(const QString& id) {
    m_dockSet.lessons->show();
    m_dockSet.lessons->raise();
    return m_lessonsPanel->openLesson(id);
}

// The dock grows to show the step whole, up to most of the window's height; beyond that the
// step's text scrolls.
void MainWindow::fitLessonDock() {
    QDockWidget* dock = m_dockSet.lessons;
    if (dock->isFloating() || !dock->isVisible())
        return;
    const int chrome = dock->height() - m_lessonsPanel->height();
    const int textWidth =
        m_lessonsPanel->width() - style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    const int wanted = m_lessonsPanel->neededHeight(textWidth) + chrome;
    if (wanted <= dock->height())
        return;
    m_arranging = true;  // not the user changing the layout
    // The column shares out between the lesson above and the clients below.
    const int column = dock->height() + m_dockSet.clients->height();
    const int lesson = std::min(
        {wanted, height() * 3 / 5, column - m_dockSet.clients->minimumSizeHint().height()});
    if (lesson > dock->height())
        resizeDocks({dock, m_dockSet.clients}, {lesson, column - lesson}, Qt::Vertical);
    m_arranging = false;
}

void MainWindow::showLook() {
    fitLessonDock();
    if (m_lookedAt)
        m_lookedAt->setStyleSheet(QString());
    m_lookedAt = nullptr;
    const lesson::Step& step = m_lessonRunner->lesson().steps[size_t(m_lessonRunner->step())];
    const QString& view = step.look.view;
    const std::pair<const char*, QDockWidget*> docks[] = {{"server", m_dockSet.server},
                                                          {"clients", m_dockSet.clients},
                                                          {"descriptors", m_dockSet.descriptors},
                                                          {"fd-sets", m_dockSet.fdsets},
                                                          {"timeline", m_dockSet.timeline},
                                                          {"calls", m_dockSet.calls},
                                                          {"events", m_dockSet.events},
                                                          {"plots", m_dockSet.plots},
                                                          {"cost", m_dockSet.cost},
                                                          {"models", m_dockSet.models}};
    for (const auto& [name, dock] : docks) {
        if (view != QLatin1String(name))
            continue;
        dock->show();
        dock->raise();
        dock->setStyleSheet(
            QStringLiteral("QDockWidget::title { background: #ffd54f; color: black; }"));
        m_lookedAt = dock;
    }
}
