// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/call_trace_view.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QList>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/models/call_trace_model.h"
#include "ui/views/follow_tail.h"
#include "ui/views/trace_table.h"

namespace {
// The columns the Python line replaces: it already says what went in and what came back.
bool replacedByPython(int column) {
    return column >= CallTraceModel::Backend && column <= CallTraceModel::Return;
}
}  // namespace

CallTraceView::CallTraceView(CallTraceModel* model, QWidget* parent)
    : QWidget(parent), m_model(model) {
    m_pythonView = new QCheckBox(tr("Python view"));
    m_pythonView->setObjectName(QStringLiteral("pythonView"));
    m_pythonView->setToolTip(
        tr("Show each call as the line of Python the tutorials write, "
           "e.g. r, w, x = select.select([3, 5], [], [], 1.0)."));
    auto* hint = new QLabel(tr("Select a call to highlight its descriptors."));
    hint->setEnabled(false);  // drawn in the palette's quieter colour

    m_table = makeTraceTable(QStringLiteral("callTraceTable"), m_model);
    // Calls stay in the order they happened: no proxy, no sorting.
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_follow = new FollowTail(m_table);

    connect(m_pythonView, &QCheckBox::toggled, m_model, &CallTraceModel::setPythonView);
    connect(m_model, &CallTraceModel::pythonViewChanged, this, &CallTraceView::applyPythonView);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CallTraceView::onCurrentChanged);

    auto* toolRow = new QHBoxLayout;
    toolRow->addWidget(m_pythonView);
    toolRow->addWidget(hint, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(toolRow);
    layout->addWidget(m_table, 1);
    applyPythonView(m_model->pythonView());
}

bool CallTraceView::isFollowing() const {
    return m_follow->isFollowing();
}

void CallTraceView::applyPythonView(bool on) {
    m_pythonView->setChecked(on);
    for (int column = 0; column < CallTraceModel::ColumnCount; ++column) {
        const bool hidden = column == CallTraceModel::Python ? !on : on && replacedByPython(column);
        m_table->setColumnHidden(column, hidden);
    }
}

void CallTraceView::onCurrentChanged() {
    const QModelIndex current = m_table->currentIndex();
    QSet<int> fds;
    if (current.isValid()) {
        const QList<int> list = current.data(CallTraceModel::FdsRole).value<QList<int>>();
        fds = QSet<int>(list.begin(), list.end());
    }
    emit fdsSelected(fds);
}
