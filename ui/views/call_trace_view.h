// SPDX-License-Identifier: GPL-3.0-or-later
// The wait calls as the window shows them: a table of the CallTraceModel that follows the newest
// call (unless the user scrolled up), and a "Python view" toggle that shows each call as the
// tutorials' line of Python instead of the raw sets. Selecting a call reports every descriptor
// it involved, so the descriptor table can highlight them.
#pragma once

#include <QSet>
#include <QWidget>

class CallTraceModel;
class FollowTail;
class QCheckBox;
class QTableView;

class CallTraceView : public QWidget {
    Q_OBJECT

public:
    explicit CallTraceView(CallTraceModel* model, QWidget* parent = nullptr);

    QTableView* table() const { return m_table; }
    bool isFollowing() const;

signals:
    void fdsSelected(const QSet<int>& fds);

private:
    void applyPythonView(bool on);
    void onCurrentChanged();

    CallTraceModel* m_model;
    QCheckBox* m_pythonView = nullptr;
    QTableView* m_table = nullptr;
    FollowTail* m_follow = nullptr;
};
