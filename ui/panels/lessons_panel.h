// SPDX-License-Identifier: GPL-3.0-or-later
// The Lessons dock: the list of lessons (a damaged file is listed with its error and cannot be
// opened), and the open lesson one step at a time: its text in large type, what the step waits
// for, and Back / Next. Next turns green once the step's check held. A teacher's own folder is
// added with Folder... and kept in the settings.
#pragma once

#include <QStringList>
#include <QWidget>

#include <vector>

#include "ui/lessons/lesson_library.h"

class LessonRunner;
class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

class LessonsPanel : public QWidget {
    Q_OBJECT

public:
    LessonsPanel(LessonRunner* runner, QWidget* parent = nullptr);

    // The built-in lessons, then `folders` (the settings' folder, --lessons-dir).
    void setFolders(const QStringList& folders);
    const std::vector<LessonEntry>& entries() const { return m_entries; }
    // Opens the lesson with that id; false (with a status message) when there is none.
    bool openLesson(const QString& id);

    QListWidget* list() const { return m_list; }
    QPushButton* nextButton() const { return m_next; }
    QLabel* stepText() const { return m_text; }
    // The height the open step shows whole in at `width` (labels wrapped at that width).
    int neededHeight(int width) const;

signals:
    void statusMessage(const QString& message);
    // The teacher picked another folder of lessons (kept by the window in its settings).
    void folderChosen(const QString& folder);

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* createListPage();
    QWidget* createStepPage();
    void fillList();
    void openSelected();
    void chooseFolder();
    void showStep();
    void showProgress();

    LessonRunner* m_runner;
    QStringList m_folders;
    std::vector<LessonEntry> m_entries;
    QStackedWidget* m_pages = nullptr;
    QListWidget* m_list = nullptr;
    QLabel* m_lessonTitle = nullptr;
    QLabel* m_stepTitle = nullptr;
    QLabel* m_text = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_back = nullptr;
    QPushButton* m_next = nullptr;
};
