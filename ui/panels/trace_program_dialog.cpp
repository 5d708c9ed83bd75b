// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/trace_program_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include "core/tracer/tracer.h"

namespace {

const char* const kCommandKey = "trace/command";
const char* const kFolderKey = "trace/folder";
const char* const kEndKey = "trace/end";

QLabel* note(const QString& text) {
    auto* label = new QLabel(text);
    label->setWordWrap(true);
    return label;
}

}  // namespace

TraceProgramDialog::TraceProgramDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Trace a program"));
    m_tabs = new QTabWidget;
    m_tabs->addTab(createStartPage(), tr("Start a program"));
    m_tabs->addTab(createAttachPage(), tr("Attach to a process"));
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("traceDialogError"));
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
    m_error->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Trace"));
    connect(buttons, &QDialogButtonBox::accepted, this, &TraceProgramDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &TraceProgramDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int page) {
        m_error->clear();
        if (page == 1)
            refreshProcesses();
    });
}

QWidget* TraceProgramDialog::createStartPage() {
    QSettings settings;
    m_command = new QLineEdit(settings.value(kCommandKey).toString());
    m_command->setObjectName(QStringLiteral("traceCommand"));
    m_command->setPlaceholderText(QStringLiteral("python3 server.py"));
    m_folder = new QLineEdit(settings.value(kFolderKey, QDir::homePath()).toString());
    m_folder->setObjectName(QStringLiteral("traceFolder"));
    auto* browse = new QPushButton(tr("Browse..."));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Working folder"), m_folder->text());
        if (!dir.isEmpty())
            m_folder->setText(QDir::toNativeSeparators(dir));
    });
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    m_end = new QComboBox;
    m_end->setObjectName(QStringLiteral("traceEnd"));
    m_end->addItem(tr("End it as Ctrl+C would (SIGINT)"), QStringLiteral("interrupt"));
    m_end->addItem(tr("Terminate it (SIGTERM)"), QStringLiteral("terminate"));
    m_end->addItem(tr("Kill it (SIGKILL)"), QStringLiteral("kill"));
    m_end->setCurrentIndex(
        std::max(0, m_end->findData(settings.value(kEndKey, QStringLiteral("terminate")))));
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);
    form->addRow(tr("Command line:"), m_command);
    form->addRow(tr("Working folder:"), folderRow);
    form->addRow(tr("When tracing stops:"), m_end);
    form->addRow(
        note(tr("The program runs under the tracer from its first instruction and stops "
                "only at the calls SelectScope shows. It cannot run on untraced: it ends "
                "when tracing stops.")));
    return page;
}

QWidget* TraceProgramDialog::createAttachPage() {
    m_processes = new QTableWidget(0, 3);
    m_processes->setObjectName(QStringLiteral("traceProcesses"));
    m_processes->setHorizontalHeaderLabels({tr("PID"), tr("Sockets"), tr("Command")});
    m_processes->horizontalHeader()->setStretchLastSection(true);
    m_processes->verticalHeader()->hide();
    m_processes->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_processes->setSelectionMode(QAbstractItemView::SingleSelection);
    m_processes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_processes, &QTableWidget::cellDoubleClicked, this, &TraceProgramDialog::accept);
    auto* refresh = new QPushButton(tr("Refresh"));
    connect(refresh, &QPushButton::clicked, this, &TraceProgramDialog::refreshProcesses);
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(
        note(tr("Your processes that have sockets open. The process runs on, "
                "untouched, when tracing stops.")));
    layout->addWidget(m_processes, 1);
    layout->addWidget(refresh, 0, Qt::AlignLeft);
    return page;
}

void TraceProgramDialog::refreshProcesses() {
    const std::vector<ss::tracer::TraceableProcess> list = ss::tracer::traceableProcesses();
    m_processes->setSortingEnabled(false);
    m_processes->setRowCount(int(list.size()));
    for (int row = 0; row < int(list.size()); ++row) {
        const ss::tracer::TraceableProcess& p = list[size_t(row)];
        auto* pid = new QTableWidgetItem;
        pid->setData(Qt::DisplayRole, p.pid);
        auto* sockets = new QTableWidgetItem;
        sockets->setData(Qt::DisplayRole, p.sockets);
        m_processes->setItem(row, 0, pid);
        m_processes->setItem(row, 1, sockets);
        m_processes->setItem(row, 2, new QTableWidgetItem(QString::fromStdString(p.command)));
    }
    m_processes->setSortingEnabled(true);
    m_processes->resizeColumnsToContents();
}

bool TraceProgramDialog::readStartPage(QString* error) {
    const QStringList argv = QProcess::splitCommand(m_command->text());
    if (argv.isEmpty()) {
        *error = tr("Type the command line that starts the program, e.g. python3 server.py.");
        return false;
    }
    const QString folder = m_folder->text().trimmed();
    if (!folder.isEmpty() && !QFileInfo(folder).isDir()) {
        *error = tr("The working folder %1 does not exist.").arg(folder);
        return false;
    }
    m_target = ss::tracer::TraceTarget();
    for (const QString& a : argv)
        m_target.argv.push_back(a.toStdString());
    m_target.workingDir = QDir::fromNativeSeparators(folder).toStdString();
    ss::tracer::parseEndAction(m_end->currentData().toString().toStdString(), &m_target.end);
    QSettings settings;
    settings.setValue(kCommandKey, m_command->text());
    settings.setValue(kFolderKey, folder);
    settings.setValue(kEndKey, m_end->currentData());
    return true;
}

bool TraceProgramDialog::readAttachPage(QString* error) {
    const QList<QTableWidgetItem*> selected = m_processes->selectedItems();
    if (selected.isEmpty()) {
        *error = tr("Pick a process in the list.");
        return false;
    }
    m_target = ss::tracer::TraceTarget();
    m_target.attachPid =
        m_processes->item(selected.first()->row(), 0)->data(Qt::DisplayRole).toInt();
    return true;
}

void TraceProgramDialog::accept() {
    QString error;
    const bool ok = m_tabs->currentIndex() == 0 ? readStartPage(&error) : readAttachPage(&error);
    if (!ok) {
        m_error->setText(error);
        return;
    }
    QDialog::accept();
}
