// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/descriptor_view.h"

#include <QCheckBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStringList>
#include <QTableView>
#include <QVBoxLayout>

#include <iterator>

#include "ui/models/call_trace_model.h"
#include "ui/models/descriptor_table_model.h"
#include "ui/views/trace_table.h"

DescriptorView::DescriptorView(DescriptorTableModel* model, QWidget* parent)
    : QWidget(parent), m_model(model) {
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setObjectName(QStringLiteral("descriptorProxy"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(DescriptorTableModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);  // the filter text may be in any column
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    createTable();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(createToolRow());
    layout->addWidget(createBanner());
    layout->addWidget(m_table, 1);
}

// Where the selected call is named and its Python line shown whole: wrapped, never cut.
QWidget* DescriptorView::createBanner() {
    m_banner = new QFrame;
    m_banner->setObjectName(QStringLiteral("callBanner"));
    m_banner->setAutoFillBackground(true);
    QPalette palette = m_banner->palette();
    palette.setColor(QPalette::Window, QColor(0xff, 0xf4, 0xc2));
    palette.setColor(QPalette::WindowText, Qt::black);
    m_banner->setPalette(palette);
    m_bannerText = new QLabel;
    m_bannerText->setObjectName(QStringLiteral("callBannerText"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextFormat(Qt::RichText);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont font = m_bannerText->font();
    font.setBold(true);
    m_bannerText->setFont(font);
    auto* back = new QPushButton(tr("Back to live"));
    back->setObjectName(QStringLiteral("backToLive"));
    back->setToolTip(tr("Show the descriptors as they are now, and follow the server again."));
    connect(back, &QPushButton::clicked, this, [this] {
        showLive();
        emit liveRequested();
    });
    auto* layout = new QHBoxLayout(m_banner);
    layout->addWidget(m_bannerText, 1);
    layout->addWidget(back, 0, Qt::AlignTop);
    m_banner->hide();
    return m_banner;
}

void DescriptorView::showCall(const ss::CallRecord& call) {
    m_model->showCall(call);
    // Whole for a lesson's calls; a call with hundreds of descriptors keeps the first and last
    // of each list, and the tooltip has every one.
    constexpr size_t kBannerItems = 64;
    const QString line = CallTraceModel::pythonLine(call, kBannerItems);
    QString text = tr("Call #%1:  %2").arg(call.number).arg(line.toHtmlEscaped());
    m_bannerText->setToolTip(CallTraceModel::pythonLine(call));
    const QList<int> missing = m_model->shownCallMissingFds();
    if (!missing.isEmpty()) {
        QStringList fds;
        for (int fd : missing)
            fds << QString::number(fd);
        text += QStringLiteral("<br>") +
                tr("Also in this call, closed since: %1").arg(fds.join(QStringLiteral(", ")));
    }
    m_bannerText->setText(text);
    m_banner->show();
}

void DescriptorView::showLive() {
    m_model->showLive();
    m_banner->hide();
}

QWidget* DescriptorView::createToolRow() {
    m_filter = new QLineEdit;
    m_filter->setObjectName(QStringLiteral("descriptorFilter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setPlaceholderText(tr("Filter: fd, role, address, state ..."));
    m_filter->setToolTip(tr("Shows only the rows that contain this text in any column."));
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    m_showWakeup = new QCheckBox(tr("Show wake-up descriptor"));
    m_showWakeup->setObjectName(QStringLiteral("showWakeup"));
    m_showWakeup->setToolTip(
        tr("The descriptor the window uses to wake the server's wait call "
           "(to pause it, for instance). It is watched like any other."));
    m_showWakeup->setChecked(m_model->showWakeup());
    connect(m_showWakeup, &QCheckBox::toggled, m_model, &DescriptorTableModel::setShowWakeup);
    // Only where the server watches one (not on Linux, where a signal interrupts the wait).
    m_showWakeup->hide();
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &DescriptorView::revealWakeupToggle);
    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter, 1);
    layout->addWidget(m_showWakeup);
    return row;
}

void DescriptorView::createTable() {
    m_table = makeTraceTable(QStringLiteral("descriptorTable"), m_proxy);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    // Source order (by fd) until the user clicks a header.
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    // What the class watches most comes first, so that a projector at 1280 px shows it without
    // scrolling: the fd and its role, the sets it is in and came back ready in (a selected
    // call's In and Ready), its state; then the addresses and the counters.
    QHeaderView* header = m_table->horizontalHeader();
    const int order[] = {DescriptorTableModel::Fd, DescriptorTableModel::Role,
                         DescriptorTableModel::Interest, DescriptorTableModel::Ready,
                         DescriptorTableModel::State};
    for (int visual = 0; visual < int(std::size(order)); ++visual)
        header->moveSection(header->visualIndex(order[visual]), visual);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DescriptorView::onCurrentChanged);
}

void DescriptorView::revealWakeupToggle() {
    if (!m_showWakeup->isHidden())
        return;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        if (m_model->index(r, 0).data(DescriptorTableModel::RoleRole).toInt() ==
            int(ss::Role::Wakeup)) {
            m_showWakeup->show();
            return;
        }
    }
}

void DescriptorView::onCurrentChanged() {
    const QModelIndex current = m_table->currentIndex();
    emit fdSelected(current.isValid() ? current.data(DescriptorTableModel::FdRole).toInt() : -1);
}
