// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/lessons_panel.h"

#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "ui/lessons/lesson_runner.h"

namespace {

constexpr int kEntryRole = Qt::UserRole + 1;  // the entry's index in entries()

QLabel* wrappingLabel(QWidget* parent, const char* name) {
    auto* label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

}  // namespace

LessonsPanel::LessonsPanel(LessonRunner* runner, QWidget* parent)
    : QWidget(parent), m_runner(runner) {
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(createListPage());
    m_pages->addWidget(createStepPage());
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
    connect(m_runner, &LessonRunner::stepChanged, this, &LessonsPanel::showStep);
    connect(m_runner, &LessonRunner::progressed, this, &LessonsPanel::showProgress);
    setFolders({});
}

QWidget* LessonsPanel::createListPage() {
    auto* page = new QWidget(this);
    m_list = new QListWidget(page);
    m_list->setObjectName(QStringLiteral("lessonList"));
    m_list->setWordWrap(true);
    auto* open = new QPushButton(tr("Open"), page);
    open->setObjectName(QStringLiteral("lessonOpen"));
    auto* folder = new QPushButton(tr("Folder..."), page);
    folder->setToolTip(tr("Add a folder of your own lessons (JSON files, see docs/lessons.md)"));
    connect(open, &QPushButton::clicked, this, &LessonsPanel::openSelected);
    connect(m_list, &QListWidget::itemActivated, this, &LessonsPanel::openSelected);
    connect(folder, &QPushButton::clicked, this, &LessonsPanel::chooseFolder);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(open);
    buttons->addWidget(folder);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_list);
    layout->addLayout(buttons);
    return page;
}

QWidget* LessonsPanel::createStepPage() {
    auto* page = new QWidget(this);
    m_lessonTitle = wrappingLabel(page, "lessonTitle");
    m_stepTitle = wrappingLabel(page, "lessonStepTitle");
    // Only the weight is set: the size still follows the window's zoom.
    QFont bold;
    bold.setBold(true);
    m_lessonTitle->setFont(bold);
    m_stepTitle->setFont(bold);
    m_text = wrappingLabel(page, "lessonStepText");
    m_text->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_status = wrappingLabel(page, "lessonStatus");
    // Where the dock cannot grow enough, the text and what the step waits for scroll rather
    // than being cut off or drawn over each other.
    auto* body = new QWidget(page);
    auto* bodyLayout = new QVBoxLayout(body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addWidget(m_text);
    bodyLayout->addWidget(m_status);
    bodyLayout->addStretch();
    auto* scroll = new QScrollArea(page);
    scroll->setWidget(body);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_back = new QPushButton(tr("◀ Back"), page);
    m_back->setObjectName(QStringLiteral("lessonBack"));
    m_next = new QPushButton(tr("Next ▶"), page);
    m_next->setObjectName(QStringLiteral("lessonNext"));
    auto* lessons = new QPushButton(tr("Lessons"), page);
    connect(m_back, &QPushButton::clicked, m_runner, &LessonRunner::back);
    connect(m_next, &QPushButton::clicked, m_runner, &LessonRunner::next);
    connect(lessons, &QPushButton::clicked, this, [this] {
        m_runner->close();
        m_pages->setCurrentIndex(0);
    });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(lessons);
    buttons->addStretch();
    buttons->addWidget(m_back);
    buttons->addWidget(m_next);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_lessonTitle);
    layout->addWidget(m_stepTitle);
    layout->addWidget(scroll, 1);
    layout->addLayout(buttons);
    return page;
}

void LessonsPanel::setFolders(const QStringList& folders) {
    m_folders = folders;
    m_entries = lesson_library::load(folders);
    fillList();
}

void LessonsPanel::fillList() {
    m_list->clear();
    for (size_t i = 0; i < m_entries.size(); ++i) {
        const LessonEntry& entry = m_entries[i];
        auto* item = new QListWidgetItem(
            entry.ok() ? entry.lesson.title.shown() : tr("Cannot open: %1").arg(entry.error),
            m_list);
        item->setData(kEntryRole, int(i));
        item->setToolTip(entry.ok() ? entry.lesson.id : entry.error);
        if (!entry.ok()) {
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
            item->setForeground(QColor(0xc6, 0x28, 0x28));
        }
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

bool LessonsPanel::openLesson(const QString& id) {
    const LessonEntry* entry = lesson_library::find(m_entries, id);
    if (!entry) {
        emit statusMessage(tr("No lesson %1 (see --list-lessons)").arg(id));
        return false;
    }
    m_pages->setCurrentIndex(1);
    m_lessonTitle->setText(entry->lesson.title.shown());
    m_runner->open(entry->lesson);
    return true;
}

void LessonsPanel::openSelected() {
    const QListWidgetItem* item = m_list->currentItem();
    if (!item || !(item->flags() & Qt::ItemIsEnabled))
        return;
    openLesson(m_entries[size_t(item->data(kEntryRole).toInt())].lesson.id);
}

void LessonsPanel::chooseFolder() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Lessons folder"));
    if (folder.isEmpty())
        return;
    setFolders(QStringList{folder});
    emit folderChosen(folder);
    emit statusMessage(tr("Lessons from %1").arg(QDir::toNativeSeparators(folder)));
}

void LessonsPanel::showStep() {
    const lesson::Lesson& lesson = m_runner->lesson();
    const int step = m_runner->step();
    const lesson::Step& s = lesson.steps[size_t(step)];
    m_stepTitle->setText(
        tr("Step %1 of %2: %3").arg(step + 1).arg(int(lesson.steps.size())).arg(s.title.shown()));
    m_text->setText(s.text.shown());
    m_back->setEnabled(step > 0);
    showProgress();
}

// Next is always there (a teacher may move on); it turns green once the check held.
void LessonsPanel::showProgress() {
    const bool last = m_runner->step() + 1 >= int(m_runner->lesson().steps.size());
    m_next->setEnabled(!last);
    const bool held = m_runner->checkHeld();
    m_next->setStyleSheet(
        held ? QStringLiteral("QPushButton { background: #2e7d32; color: white; }") : QString());
    if (!m_runner->failure().isEmpty())
        m_status->setText(tr("✗ %1").arg(m_runner->failure()));
    else if (held)
        m_status->setText(last ? tr("✓ Seen. This was the last step.") : tr("✓ Seen."));
    else
        m_status->setText(tr("○ Waiting for: %1").arg(m_runner->waitingFor()));
}

int LessonsPanel::neededHeight(int width) const {
    const QWidget* page = m_pages->widget(1);
    int height = 0;
    for (const QWidget* w :
         {static_cast<const QWidget*>(m_lessonTitle), static_cast<const QWidget*>(m_stepTitle),
          static_cast<const QWidget*>(m_text), static_cast<const QWidget*>(m_status)})
        height += w->heightForWidth(width) + page->layout()->spacing();
    const QMargins margins = page->layout()->contentsMargins();
    return height + m_next->sizeHint().height() + margins.top() + margins.bottom();
}

void LessonsPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        fillList();
    QWidget::changeEvent(event);
}
