// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/call_trace_view.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QList>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QStringList>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/models/call_trace_model.h"
#include "ui/views/column_fitter.h"
#include "ui/views/follow_tail.h"
#include "ui/views/trace_table.h"

namespace {

// The columns the Python line replaces: it already says what went in and what came back.
bool replacedByPython(int column) {
    return column >= CallTraceModel::Backend && column <= CallTraceModel::Return;
}

// The columns that list descriptors: hundreds of them under load.
constexpr CallTraceModel::Column kSetColumns[] = {
    CallTraceModel::ReadIn,    CallTraceModel::WriteIn,    CallTraceModel::ExceptIn,
    CallTraceModel::ReadyRead, CallTraceModel::ReadyWrite, CallTraceModel::ReadyExcept};

// Elides a comma-separated list between two of its items, keeping its ends: "3, 4, 5, …, 301,
// 302". Qt's own middle elision cuts through numbers, and "…99" would read as descriptor 99.
// Painting measures only the items that are shown, not a list of hundreds. Items that hold the
// separator themselves, as the selectors form's "(fd 5, EVENT_READ) → read" do, name what each
// item begins with (`opening`), so that only a separator followed by it parts two items.
QString elideBetweenItems(const QString& text, const QFontMetrics& metrics, int width,
                          const QString& separator = QStringLiteral(", "),
                          const QString& opening = QString()) {
    // Only a text near the cell's width needs measuring whole; a far longer one cannot fit.
    if (text.size() * metrics.averageCharWidth() <= 2 * width &&
        metrics.horizontalAdvance(text) <= width)
        return text;
    const QString boundary = separator + opening;
    const qsizetype step = separator.size();
    const QString gap = separator + QChar(0x2026) + separator;
    const int separatorWidth = metrics.horizontalAdvance(separator);
    int room = width - metrics.horizontalAdvance(gap);
    // Shown: text[0, headEnd) and text[tailBegin, end), each made of whole items.
    qsizetype headEnd = 0, tailBegin = text.size();
    int headItems = 0, tailItems = 0, headWidth = 0, tailWidth = 0;
    for (;;) {
        // Items join the narrower end, so both ends show about as much.
        const bool front = headWidth <= tailWidth;
        qsizetype begin = 0, end = 0;
        if (front) {
            begin = headItems == 0 ? 0 : headEnd + step;
            end = text.indexOf(boundary, begin);
            end = end < 0 ? text.size() : end;
        } else {
            end = tailItems == 0 ? text.size() : tailBegin - step;
            begin = end < step ? -1 : text.lastIndexOf(boundary, end - step);
            begin = begin < 0 ? 0 : begin + step;
        }
        if (front ? begin >= tailBegin : end <= headEnd)
            return text;  // the two ends met: every item fits
        const int itemWidth = metrics.horizontalAdvance(text.mid(begin, end - begin)) +
                              ((front ? headItems : tailItems) > 0 ? separatorWidth : 0);
        if (itemWidth > room)
            break;
        room -= itemWidth;
        if (front) {
            headEnd = end;
            headWidth += itemWidth;
            ++headItems;
        } else {
            tailBegin = begin;
            tailWidth += itemWidth;
            ++tailItems;
        }
    }
    QString shown = text.left(headEnd) + gap + text.mid(tailBegin);
    // An item wider than the room, or kerning that makes the whole a pixel wider than its parts.
    if (headItems == 0 || tailItems == 0 || metrics.horizontalAdvance(shown) > width)
        return metrics.elidedText(text, Qt::ElideMiddle, width);
    return shown;
}

// `line` ends with `result`. The arguments give way first, between two of their items, so that
// the function's name and the timeout stay; the result gives way only when it alone is too wide.
// The select form's items are descriptors. The selectors form gives way between its statements
// ("sel.register(...); events = sel.select()"), then between its (key, mask) pairs.
QString elideArguments(const QString& line, const QString& result, const QFontMetrics& metrics,
                       int width, bool selectors) {
    if (result.isEmpty() || !line.endsWith(result) || metrics.horizontalAdvance(line) <= width)
        return line;
    const int resultWidth = metrics.horizontalAdvance(result);
    if (resultWidth >= width)
        return selectors ? elideBetweenItems(result.trimmed(), metrics, width, QStringLiteral(", "),
                                             QStringLiteral("("))
                         : elideBetweenItems(result.trimmed(), metrics, width);
    const QString call = line.left(line.size() - result.size());
    const int room = width - resultWidth;
    return (selectors ? elideBetweenItems(call, metrics, room, QStringLiteral("; "))
                      : elideBetweenItems(call, metrics, room)) +
           result;
}

QSet<int> fdsOf(const QModelIndex& index) {
    const QList<int> list = index.data(CallTraceModel::FdsRole).value<QList<int>>();
    return QSet<int>(list.begin(), list.end());
}

}  // namespace

// Paints the cells that can run long: a descriptor list elided between two of its items, and the
// Python line with its arguments elided and its result whole. The result is what a student looks
// for (which descriptors came back ready), and a plainly elided cell cuts the line exactly there.
// A delegate rather than a result column of its own: the line stays one line of Python, as the
// tutorials print it, and needs no second column fitted beside it. The tooltips (the model's)
// hold the whole text.
class CallCellDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QString shownText(const QStyleOptionViewItem& option, const QModelIndex& index) const {
        QStyleOptionViewItem item = option;
        initStyleOption(&item, index);
        return elided(item, index);
    }

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override {
        QStyleOptionViewItem item = option;
        initStyleOption(&item, index);
        item.text = elided(item, index);
        // Should the style still find the text a pixel too wide, the Python line loses the
        // arguments' side, never the result.
        if (index.column() == CallTraceModel::Python)
            item.textElideMode = Qt::ElideLeft;
        const QWidget* widget = item.widget;
        QStyle* style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget);
    }

private:
    static QString elided(const QStyleOptionViewItem& item, const QModelIndex& index) {
        const QWidget* widget = item.widget;
        const QStyle* style = widget ? widget->style() : QApplication::style();
        // The margins QCommonStyle keeps on each side of an item's text.
        const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
        const int width =
            style->subElementRect(QStyle::SE_ItemViewItemText, &item, widget).width() - 2 * margin -
            1;
        if (index.column() != CallTraceModel::Python)
            return elideBetweenItems(item.text, item.fontMetrics, width);
        const QString result = index.data(CallTraceModel::PythonResultRole).toString();
        const auto* model = qobject_cast<const CallTraceModel*>(index.model());
        const bool selectors = model && model->pythonApi() == ss::PythonApi::Selectors;
        return elideArguments(item.text, result, item.fontMetrics, width, selectors);
    }
};

CallTraceView::CallTraceView(CallTraceModel* model, QWidget* parent)
    : QWidget(parent), m_model(model) {
    // Connected before the table exists, so that this runs before the table's own handling of
    // removed rows; see onRowsAboutToBeRemoved().
    connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            &CallTraceView::onRowsAboutToBeRemoved);
    QWidget* toolRow = createToolRow();
    createTable();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(toolRow);
    layout->addWidget(m_table, 1);
    applyPythonView(m_model->pythonView());
    updateJumpButton();
}

QWidget* CallTraceView::createToolRow() {
    m_pythonView = new QCheckBox(tr("Python view"));
    m_pythonView->setObjectName(QStringLiteral("pythonView"));
    m_pythonView->setToolTip(
        tr("Show each call as the line of Python the tutorials write, "
           "e.g. r, w, x = select.select([3, 5], [], [], 1.0)."));
    connect(m_pythonView, &QCheckBox::toggled, m_model, &CallTraceModel::setPythonView);
    connect(m_model, &CallTraceModel::pythonViewChanged, this, &CallTraceView::applyPythonView);
    createApiChoice();
    auto* hint = new QLabel(tr("Select a call to highlight its descriptors."));
    hint->setEnabled(false);  // drawn in the palette's quieter colour
    // A hint, not a control: it gives way (cut at the right) rather than widen the dock.
    hint->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    hint->setMinimumWidth(0);
    m_jump = new QPushButton(tr("Jump to live"));
    m_jump->setObjectName(QStringLiteral("jumpToLive"));
    m_jump->setToolTip(tr("Show the newest call again and follow the server (End)."));
    connect(m_jump, &QPushButton::clicked, this, &CallTraceView::jumpToLive);

    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pythonView);
    layout->addWidget(m_pythonApi);
    layout->addWidget(hint, 1);
    layout->addWidget(m_jump);
    return row;
}

// The module names are Python, not words: they stay untranslated.
void CallTraceView::createApiChoice() {
    m_pythonApi = new QComboBox;
    m_pythonApi->setObjectName(QStringLiteral("pythonApi"));
    m_pythonApi->addItem(QStringLiteral("select"), int(ss::PythonApi::Select));
    m_pythonApi->addItem(QStringLiteral("selectors"), int(ss::PythonApi::Selectors));
    m_pythonApi->setToolTip(
        tr("Which Python module the line is written with: select.select(), or the selectors "
           "module's sel.select() with the callback each ready key holds. A preset picks the one "
           "its tutorial uses."));
    m_pythonApi->setItemData(0, QStringLiteral("r, w, x = select.select([3, 5], [], [], 1.0)"),
                             Qt::ToolTipRole);
    m_pythonApi->setItemData(1, QStringLiteral("events = sel.select(1.0)"), Qt::ToolTipRole);
    connect(m_pythonApi, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_model->setPythonApi(static_cast<ss::PythonApi>(m_pythonApi->itemData(index).toInt()));
    });
    connect(m_model, &CallTraceModel::pythonApiChanged, this, &CallTraceView::applyPythonApi);
    applyPythonApi(m_model->pythonApi());
}

void CallTraceView::createTable() {
    m_table = makeTraceTable(QStringLiteral("callTraceTable"), m_model);
    // Calls stay in the order they happened: no proxy, no sorting.
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    // "3, 4, 5, …, 301, 302": the lowest and the highest descriptors stay in view.
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_cellDelegate = new CallCellDelegate(m_table);
    ColumnFitter* fitter = traceTableFitter(m_table);
    for (int column : kSetColumns) {
        m_table->setItemDelegateForColumn(column, m_cellDelegate);
        fitter->setMaxChars(column, kSetColumnChars);
    }
    m_table->setItemDelegateForColumn(CallTraceModel::Python, m_cellDelegate);
    fitter->setMaxChars(CallTraceModel::Python, kPythonColumnChars);

    m_follow = new FollowTail(m_table);
    connect(m_follow, &FollowTail::followingChanged, this, &CallTraceView::updateJumpButton);
    connect(m_follow, &FollowTail::jumpedToLive, this, &CallTraceView::onJumpedToLive);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &CallTraceView::updateJumpButton);
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &CallTraceView::updateJumpButton);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CallTraceView::onSelectionChanged);
}

bool CallTraceView::isFollowing() const {
    return m_follow->isFollowing();
}

QString CallTraceView::shownText(int row, int column) const {
    const QModelIndex index = m_model->index(row, column);
    if (m_table->itemDelegateForColumn(column) != m_cellDelegate)
        return index.data().toString();
    QStyleOptionViewItem option;
    option.initFrom(m_table->viewport());
    option.widget = m_table;
    option.font = m_table->font();
    option.fontMetrics = QFontMetrics(option.font);
    option.rect = m_table->visualRect(index);
    return m_cellDelegate->shownText(option, index);
}

void CallTraceView::jumpToLive() {
    m_follow->jumpToLive();
}

bool CallTraceView::selectCall(uint64_t number) {
    const int row = m_model->rowOfCall(number);
    if (row < 0)
        return false;
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, 0));
    return true;
}

void CallTraceView::applyPythonApi(ss::PythonApi api) {
    const QSignalBlocker blocker(m_pythonApi);
    m_pythonApi->setCurrentIndex(m_pythonApi->findData(int(api)));
    if (m_table && m_model->pythonView())
        traceTableFitter(m_table)->schedule();  // the lines changed their width
}

void CallTraceView::applyPythonView(bool on) {
    m_pythonView->setChecked(on);
    m_pythonApi->setEnabled(on);
    for (int column = 0; column < CallTraceModel::ColumnCount; ++column) {
        const bool hidden = column == CallTraceModel::Python ? !on : on && replacedByPython(column);
        m_table->setColumnHidden(column, hidden);
    }
    traceTableFitter(m_table)->schedule();  // the columns just shown have not been measured
}

void CallTraceView::onSelectionChanged() {
    const QModelIndexList selected = m_table->selectionModel()->selectedIndexes();
    if (selected.isEmpty()) {
        // Jump to live reports itself, once, when it is done.
        if (!m_callShown || m_follow->isJumping())
            return;
        m_callShown = false;
        emit fdsSelected({});
        emit liveSelected();
        return;
    }
    m_callShown = true;
    emit fdsSelected(fdsOf(selected.first()));
    emit callSelected(m_model->call(selected.first().row()));
    updateJumpButton();
}

// The selected call is leaving the capped history. Left alone, the table would select the next
// row in its place (QAbstractItemView keeps one row selected in single-selection mode), and
// report a call nobody chose. So the selection goes with its row, before the table sees it.
void CallTraceView::onRowsAboutToBeRemoved(const QModelIndex& parent, int first, int last) {
    if (!m_table || parent.isValid())
        return;
    const int current = m_table->currentIndex().row();
    const QModelIndexList selected = m_table->selectionModel()->selectedIndexes();
    const int chosen = selected.isEmpty() ? current : selected.first().row();
    if ((current >= first && current <= last) || (chosen >= first && chosen <= last))
        m_table->selectionModel()->clear();
}

void CallTraceView::onJumpedToLive() {
    m_callShown = false;
    emit fdsSelected({});
    emit liveSelected();
}

void CallTraceView::updateJumpButton() {
    m_jump->setVisible(!m_follow->isFollowing());
    if (m_follow->isFollowing())
        return;
    const quint64 behind = callsBehind();
    // Two sentences rather than "call(s)": the window has no English catalogue to pick the
    // plural from, and the projector shows this text large.
    if (behind == 0)
        m_jump->setText(tr("Jump to live"));
    else if (behind == 1)
        m_jump->setText(tr("Jump to live (1 call behind)"));
    else
        m_jump->setText(tr("Jump to live (%L1 calls behind)").arg(behind));
}

// From the selected call, or else the lowest one in view, to the newest: two lookups, no scan.
quint64 CallTraceView::callsBehind() const {
    const int rows = m_model->rowCount();
    if (rows == 0)
        return 0;
    int anchor = m_table->currentIndex().row();
    if (!m_table->selectionModel()->hasSelection() || anchor < 0)
        anchor = m_table->rowAt(m_table->viewport()->height() - 1);
    if (anchor < 0 || anchor >= rows)
        anchor = rows - 1;
    const uint64_t newest = m_model->call(rows - 1).number;
    const uint64_t shown = m_model->call(anchor).number;
    return newest > shown ? newest - shown : 0;
}
