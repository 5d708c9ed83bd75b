// SPDX-License-Identifier: GPL-3.0-or-later
// The event log as the window shows it: filters for one descriptor, one kind of event and a
// piece of text (an EventFilterProxy between the EventLogModel and the table), and a table that
// follows the newest event unless the user scrolled away or selected one; then "Jump to live"
// (or End) goes back. Long details elide; their tooltips hold the whole text.
#pragma once

#include <QWidget>

class EventFilterProxy;
class EventLogModel;
class FollowTail;
class QComboBox;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;

class EventLogView : public QWidget {
    Q_OBJECT

public:
    // The detail column grows no wider than this many average characters.
    static constexpr int kDetailChars = 48;

    explicit EventLogView(EventLogModel* model, QWidget* parent = nullptr);

    EventFilterProxy* proxy() const { return m_proxy; }
    QTableView* table() const { return m_table; }
    bool isFollowing() const;

public slots:
    // Clears the selection, puts the events back in the order they happened, shows the newest
    // and follows again (the button, or End).
    void jumpToLive();

private:
    QWidget* createFilterRow();
    void createTable();
    void onKindPicked(int index);
    void updateJumpButton();
    quint64 eventsBehind() const;

    EventLogModel* m_model;
    EventFilterProxy* m_proxy = nullptr;
    QSpinBox* m_fd = nullptr;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_text = nullptr;
    QPushButton* m_jump = nullptr;
    QTableView* m_table = nullptr;
    FollowTail* m_follow = nullptr;
};
