// SPDX-License-Identifier: GPL-3.0-or-later
// The wait calls as the window shows them: a table of the CallTraceModel that follows the newest
// call unless the user scrolled away or selected one (then "Jump to live", or End, goes back),
// and a "Python view" toggle that shows each call as the tutorials' line of Python instead of
// the raw sets, written with the select module or with the selectors module (a combo box picks
// it; a preset's tutorial picks it first, see CallTraceModel::setPythonApi). Long descriptor
// lists elide in the middle and the Python line elides its arguments, never its result; every
// cell's tooltip holds the whole text. Selecting a call reports it, and every descriptor it
// involved, so other views can show that call.
#pragma once

#include <QSet>
#include <QString>
#include <QWidget>

#include "core/server/presets.h"
#include "core/trace/trace_types.h"

class CallTraceModel;
class FollowTail;
class CallCellDelegate;
class QCheckBox;
class QComboBox;
class QModelIndex;
class QPushButton;
class QTableView;

class CallTraceView : public QWidget {
    Q_OBJECT

public:
    // Descriptor lists and the Python line grow no wider than this many average characters.
    static constexpr int kSetColumnChars = 40;
    static constexpr int kPythonColumnChars = 100;

    explicit CallTraceView(CallTraceModel* model, QWidget* parent = nullptr);

    QTableView* table() const { return m_table; }
    bool isFollowing() const;
    // What a cell shows at its column's current width: descriptor lists and the Python line
    // elided as painted; other cells' text as it is.
    QString shownText(int row, int column) const;

public slots:
    // Clears the selection, shows the newest call and follows again (the button, or End).
    void jumpToLive();
    // Selects the call with that number, as a click on its row would; false when the table no
    // longer holds it.
    bool selectCall(uint64_t number);

signals:
    // Every descriptor of the selected call, in and ready; empty when none is selected.
    void fdsSelected(const QSet<int>& fds);
    // A call was selected (by the user, or by selecting its row).
    void callSelected(const ss::CallRecord& call);
    // No call is selected any more: the selection was cleared, its row left the history, or
    // Jump to live was pressed (always reported, even with nothing selected).
    void liveSelected();

private:
    QWidget* createToolRow();
    void createApiChoice();
    void createTable();
    void applyPythonView(bool on);
    void applyPythonApi(ss::PythonApi api);
    void onSelectionChanged();
    void onRowsAboutToBeRemoved(const QModelIndex& parent, int first, int last);
    void onJumpedToLive();
    void updateJumpButton();
    quint64 callsBehind() const;

    CallTraceModel* m_model;
    QCheckBox* m_pythonView = nullptr;
    QComboBox* m_pythonApi = nullptr;
    QPushButton* m_jump = nullptr;
    QTableView* m_table = nullptr;
    CallCellDelegate* m_cellDelegate = nullptr;
    FollowTail* m_follow = nullptr;
    bool m_callShown = false;  // callSelected() was said last, not liveSelected()
};
