// SPDX-License-Identifier: GPL-3.0-or-later
// The event log as the window shows it: filters for one descriptor, one kind of event and a
// piece of text (an EventFilterProxy between the EventLogModel and the table), and a table that
// follows the newest event unless the user scrolled up.
#pragma once

#include <QWidget>

class EventFilterProxy;
class EventLogModel;
class FollowTail;
class QComboBox;
class QLineEdit;
class QSpinBox;
class QTableView;

class EventLogView : public QWidget {
    Q_OBJECT

public:
    explicit EventLogView(EventLogModel* model, QWidget* parent = nullptr);

    EventFilterProxy* proxy() const { return m_proxy; }
    QTableView* table() const { return m_table; }

private:
    QWidget* createFilterRow();
    void createTable();
    void onKindPicked(int index);

    EventLogModel* m_model;
    EventFilterProxy* m_proxy = nullptr;
    QSpinBox* m_fd = nullptr;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_text = nullptr;
    QTableView* m_table = nullptr;
    FollowTail* m_follow = nullptr;
};
