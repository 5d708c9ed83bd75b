// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/model_comparison_panel.h"

#include <QEvent>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include "core/models/model_comparison.h"
#include "ui/models/model_comparison_model.h"
#include "ui/panels/model_comparison_worker.h"
#include "ui/to_qstring.h"
#include "ui/views/comparison_timeline.h"

namespace {
// Room above and below a row's text, as in the trace tables.
constexpr int kRowPadding = 4;
}  // namespace

ModelComparisonPanel::ModelComparisonPanel(QWidget* parent)
    : QWidget(parent),
      m_model(new ModelComparisonModel(this)),
      m_slowHoldMs(int(ss::kComparisonSlowHold.count())) {
    QStringList presets;
    for (const std::string& name : ss::comparedPresets())
        presets << toQString(name);
    m_model->setPresets(presets);
    createTable();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(createControls());
    layout->addWidget(m_table);
    m_timeline = new ComparisonTimeline(m_model);
    layout->addWidget(m_timeline, 1);
    m_thread.setObjectName(QStringLiteral("io models"));
    updateCaption();
    fitRows();
}

// The worker may be in the middle of a run: it is told to stop, and its thread is ended and
// waited for before the worker is deleted, so that nothing it emits can outlive the panel.
ModelComparisonPanel::~ModelComparisonPanel() {
    if (m_worker != nullptr)
        m_worker->cancel();
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

QWidget* ModelComparisonPanel::createControls() {
    auto* controls = new QWidget;
    auto* row = new QHBoxLayout(controls);
    row->setContentsMargins(0, 0, 0, 0);
    m_runButton = new QPushButton(tr("Compare"));
    m_runButton->setObjectName(QStringLiteral("compareModels"));
    m_cancelButton = new QPushButton(tr("Cancel"));
    m_cancelButton->setEnabled(false);
    m_caption = new QLabel;
    m_caption->setWordWrap(true);
    row->addWidget(m_runButton);
    row->addWidget(m_cancelButton);
    row->addWidget(m_caption, 1);
    connect(m_runButton, &QPushButton::clicked, this, &ModelComparisonPanel::run);
    connect(m_cancelButton, &QPushButton::clicked, this, &ModelComparisonPanel::cancel);
    return controls;
}

void ModelComparisonPanel::createTable() {
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("modelComparison"));
    m_table->setModel(m_model);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->setWordWrap(false);
    // The columns share the width: short titles, so that they fit a 1280-pixel projector.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignCenter);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
}

void ModelComparisonPanel::setPresets(const QStringList& presets) {
    if (m_running)
        return;
    m_model->setPresets(presets);
    fitRows();
}

void ModelComparisonPanel::setSlowHoldMs(int ms) {
    m_slowHoldMs = ms;
    updateCaption();
}

void ModelComparisonPanel::updateCaption() {
    const QString seconds = QLocale().toString(m_slowHoldMs / 1000.0, 'g', 3);
    m_caption->setText(tr("#1 idles %1 s; #2 and #3 connect meanwhile.").arg(seconds));
    m_caption->setToolTip(tr("Three clients run against each model in turn. Client 1 sends a "
                             "message, reads the reply, then keeps its connection open and idle "
                             "for %1 s before its second message. Clients 2 and 3 connect once "
                             "client 1 has its first reply, send one message each and close.")
                              .arg(seconds));
}

void ModelComparisonPanel::startWorker() {
    m_worker = new ModelComparisonWorker;
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &ModelComparisonWorker::modelStarted, this,
            &ModelComparisonPanel::showStarted);
    connect(m_worker, &ModelComparisonWorker::modelMeasured, this,
            [this](int row, const ss::ModelRun& run) {
                m_model->setResult(row, run);
                if (!run.error.empty())
                    emit statusMessage(
                        tr("IO models: %1 did not start: %2")
                            .arg(ModelComparisonModel::modelTitle(m_model->presets().value(row)))
                            .arg(toQString(run.error)));
            });
    connect(m_worker, &ModelComparisonWorker::finished, this, &ModelComparisonPanel::finish);
    m_thread.start();
}

void ModelComparisonPanel::run() {
    if (m_running || m_model->rowCount() == 0)
        return;
    if (m_worker == nullptr)
        startWorker();
    m_model->clearResults();
    m_running = true;
    m_runButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    // Armed here, on the UI thread, so that a cancel() before the worker starts still counts.
    m_worker->arm();
    ModelComparisonWorker* worker = m_worker;
    const QStringList presets = m_model->presets();
    const int holdMs = m_slowHoldMs;
    QMetaObject::invokeMethod(
        m_worker, [worker, presets, holdMs] { worker->run(presets, holdMs); },
        Qt::QueuedConnection);
}

void ModelComparisonPanel::cancel() {
    if (!m_running)
        return;
    m_worker->cancel();
    m_cancelButton->setEnabled(false);
}

void ModelComparisonPanel::showStarted(int row) {
    m_model->setRunning(row);
    emit statusMessage(tr("IO models: running %1 (%2 of %3)…")
                           .arg(ModelComparisonModel::modelTitle(m_model->presets().value(row)))
                           .arg(row + 1)
                           .arg(m_model->rowCount()));
}

void ModelComparisonPanel::finish(bool cancelled) {
    m_running = false;
    m_model->setRunning(-1);
    m_runButton->setEnabled(true);
    m_cancelButton->setEnabled(false);
    emit statusMessage(cancelled ? tr("IO models: comparison cancelled")
                                 : tr("IO models: every model has run"));
    emit comparisonFinished(cancelled);
}

// Rows follow the font, so that a zoom never clips them; the table is no taller than its rows,
// and the timeline below it takes the rest.
void ModelComparisonPanel::fitRows() {
    const int margin = style()->pixelMetric(QStyle::PM_FocusFrameVMargin, nullptr, m_table);
    const int line = QFontMetrics(font()).height();
    const int row = line + 2 * margin + kRowPadding;
    m_table->verticalHeader()->setMinimumSectionSize(0);
    m_table->verticalHeader()->setDefaultSectionSize(row);
    m_table->setMaximumHeight(m_table->horizontalHeader()->sizeHint().height() +
                              m_model->rowCount() * row + 2 * m_table->frameWidth());
}

void ModelComparisonPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        fitRows();
}
