// SPDX-License-Identifier: GPL-3.0-or-later
// A titled section whose contents fold away behind an arrow button: the settings a first lesson
// does not need stay one click away without taking room from the controls it does need.
#pragma once

#include <QString>
#include <QWidget>

class QToolButton;

class CollapsibleSection : public QWidget {
    Q_OBJECT

public:
    // Starts collapsed.
    explicit CollapsibleSection(const QString& title, QWidget* parent = nullptr);

    // The widget shown while the section is expanded; the section takes it over.
    void setContent(QWidget* content);
    QWidget* content() const { return m_content; }
    bool isExpanded() const;
    QToolButton* toggleButton() const { return m_toggle; }

public slots:
    void setExpanded(bool expanded);

signals:
    void expandedChanged(bool expanded);

private:
    void showExpanded(bool expanded);

    QToolButton* m_toggle = nullptr;
    QWidget* m_content = nullptr;
};
