// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/client_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <initializer_list>
#include <utility>

#include "ui/client/byte_parser.h"
#include "ui/client/client_list_model.h"
#include "ui/panels/collapsible_section.h"
#include "ui/panels/flow_layout.h"
#include "ui/panels/listener_target.h"
#include "ui/panels/wheel_guard.h"

namespace {

constexpr int kPreviewBytes = 512;     // per read; the rest is counted, not shown
constexpr int kMaxViewBlocks = 20000;  // lines kept by the received view
constexpr int kReplayedReads = 200;    // reads shown again when another client is selected
const QString kPresetsKey = QStringLiteral("clientPanel/presets");

// Presets are stored as one list of maps (name, host, port, protocol, input, mode).
QVariantList loadPresets() {
    return QSettings().value(kPresetsKey).toList();
}

void storePresets(const QVariantList& presets) {
    QSettings().setValue(kPresetsKey, presets);
}

int indexOfPreset(const QVariantList& presets, const QString& name) {
    for (int i = 0; i < presets.size(); ++i) {
        if (presets.at(i).toMap().value(QStringLiteral("name")).toString() == name) {
            return i;
        }
    }
    return -1;
}

constexpr int kTableRows = 2;      // rows the client list asks room for
constexpr int kReceivedLines = 3;  // lines the received view asks room for

// The client list and the received view ask for only a few lines of height, so that the panel's
// controls fit a projector first; the layout then gives them whatever room is left.
class CompactTable : public QTableView {
public:
    QSize sizeHint() const override {
        const int rows = horizontalHeader()->sizeHint().height() +
                         kTableRows * verticalHeader()->defaultSectionSize();
        const int bar = horizontalScrollBar()->sizeHint().height();  // the columns rarely fit
        return {QTableView::sizeHint().width(), rows + bar + 2 * frameWidth()};
    }
};

class CompactTextView : public QPlainTextEdit {
public:
    QSize sizeHint() const override {
        const int lines = fontMetrics().lineSpacing() * kReceivedLines;
        const int margins = 2 * static_cast<int>(document()->documentMargin());
        return {QPlainTextEdit::sizeHint().width(), lines + margins + 2 * frameWidth()};
    }
};

template <typename W>
W* withTip(W* widget, const QString& tip) {
    widget->setToolTip(tip);
    return widget;
}

// A label and its field side by side, as one piece.
QWidget* labelled(const QString& text, QWidget* field) {
    auto* pair = new QWidget;
    auto* layout = new QHBoxLayout(pair);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* label = new QLabel(text);
    label->setBuddy(field);
    layout->addWidget(label);
    layout->addWidget(field, 1);
    return pair;
}

QSpinBox* spinBox(int min, int max, int value, const QString& tip) {
    auto* spin = withTip(new QSpinBox, tip);
    spin->setRange(min, max);
    spin->setValue(value);
    return spin;
}

}  // namespace

ClientPanel::ClientPanel(QWidget* parent) : QWidget(parent), m_model(new ClientListModel(this)) {
    createTable();
    m_receivedView = withTip(new CompactTextView, tr("What the selected client received; a line "
                                                     "marks where one read ends and the next "
                                                     "begins."));
    m_receivedView->setReadOnly(true);
    m_receivedView->setMaximumBlockCount(kMaxViewBlocks);
    m_receivedView->setPlaceholderText(tr("Data the selected client receives appears here."));
    // Connect, type, send: what a first lesson needs stays in view above the folded settings.
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(createTargetRow());
    layout->addWidget(m_table, 2);
    layout->addWidget(createSendRow());
    layout->addLayout(createActionRow());
    layout->addWidget(createMoreSettings());
    layout->addWidget(m_receivedView, 3);
    nameControls();
    applyFonts();
    reloadPresets();
    updateActions();
    WheelGuard::guardChildren(this);
}

// Names for tests and style sheets.
void ClientPanel::nameControls() {
    const std::initializer_list<std::pair<QWidget*, const char*>> names = {
        {m_hostEdit, "hostEdit"},           {m_portSpin, "portSpin"},
        {m_protocolCombo, "protocolCombo"}, {m_connectButton, "connectButton"},
        {m_presetCombo, "presetCombo"},     {m_inputEdit, "inputEdit"},
        {m_modeCombo, "modeCombo"},         {m_newlineCheck, "newlineCheck"},
        {m_repeatSpin, "repeatSpin"},       {m_intervalSpin, "intervalSpin"},
        {m_piecesSpin, "piecesSpin"},       {m_sendButton, "sendButton"},
        {m_urgentButton, "urgentButton"},   {m_halfCloseButton, "halfCloseButton"},
        {m_closeButton, "closeButton"},     {m_abortButton, "abortButton"},
        {m_receivedView, "receivedView"},   {m_moreSettings, "clientMoreSettings"}};
    for (const auto& [widget, name] : names)
        widget->setObjectName(QLatin1String(name));
}

QLayout* ClientPanel::createTargetRow() {
    m_hostEdit = withTip(new QLineEdit(QStringLiteral("127.0.0.1")),
                         tr("The computer to connect to; 127.0.0.1 is this computer."));
    m_portSpin = spinBox(1, 65535, 9991, tr("The port the server listens on."));
    m_protocolCombo = withTip(new QComboBox, tr("TCP is a connected byte stream; UDP sends "
                                                "separate datagrams without a connection."));
    m_protocolCombo->addItems({tr("TCP"), tr("UDP")});
    m_connectButton = withTip(new QPushButton(tr("Connect")),
                              tr("Opens a new client to the host and port on the left."));
    connect(m_connectButton, &QPushButton::clicked, this, &ClientPanel::connectClient);
    // Each label stays with its field when the row wraps in a narrow dock.
    auto* row = new FlowLayout;
    row->addWidget(labelled(tr("Host"), m_hostEdit));
    row->addWidget(labelled(tr("Port"), m_portSpin));
    row->addWidget(m_protocolCombo);
    row->addWidget(m_connectButton);
    return row;
}

QLayout* ClientPanel::createPresetRow() {
    m_presetCombo = withTip(new QComboBox, tr("Pick a saved client, or type a name and press "
                                              "Save to remember the current one."));
    m_presetCombo->setEditable(true);
    m_presetCombo->setInsertPolicy(QComboBox::NoInsert);
    m_presetCombo->lineEdit()->setPlaceholderText(tr("Preset name"));
    connect(m_presetCombo, &QComboBox::activated, this, &ClientPanel::applyPreset);
    auto* save = withTip(new QPushButton(tr("Save")),
                         tr("Saves host, port, protocol, input and mode under the typed name."));
    auto* remove = withTip(new QPushButton(tr("Delete")), tr("Deletes the chosen preset."));
    connect(save, &QPushButton::clicked, this, &ClientPanel::savePreset);
    connect(remove, &QPushButton::clicked, this, &ClientPanel::deletePreset);
    auto* clear = withTip(new QPushButton(tr("Remove closed")),
                          tr("Removes closed clients from the list above."));
    connect(clear, &QPushButton::clicked, this, &ClientPanel::removeFinishedClients);
    auto* row = new FlowLayout;
    for (QWidget* widget :
         {static_cast<QWidget*>(new QLabel(tr("Preset"))), static_cast<QWidget*>(m_presetCombo),
          static_cast<QWidget*>(save), static_cast<QWidget*>(remove), static_cast<QWidget*>(clear)})
        row->addWidget(widget);
    return row;
}

void ClientPanel::createTable() {
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ClientListModel::SortRole);
    m_table = withTip(new CompactTable, tr("Every client opened here; select one to send with it "
                                           "and see what it received."));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(0, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(static_cast<int>(ClientListModel::Column::Peer),
                                 QHeaderView::Stretch);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ClientPanel::onCurrentRowChanged);
}

QWidget* ClientPanel::createSendRow() {
    m_inputEdit = withTip(new QLineEdit, tr("What to send; the mode under More settings says "
                                            "how it is read."));
    m_inputEdit->setPlaceholderText(tr("hello"));
    connect(m_inputEdit, &QLineEdit::returnPressed, this, &ClientPanel::sendInput);
    m_sendButton = withTip(new QPushButton(tr("Send")),
                           tr("Sends the input now; while repeating, stops the repetition."));
    connect(m_sendButton, &QPushButton::clicked, this, &ClientPanel::sendInput);
    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Input")));
    layout->addWidget(m_inputEdit, 1);
    layout->addWidget(m_sendButton);
    return row;
}

// How the input is read and how often it is sent, and the saved clients.
QWidget* ClientPanel::createMoreSettings() {
    m_moreSettings = new CollapsibleSection(tr("More settings"));
    m_moreSettings->toggleButton()->setToolTip(
        tr("Show or hide the input mode, repeated sending and the saved clients."));
    m_modeCombo = withTip(new QComboBox, tr("Text sends UTF-8, Hex sends bytes like 68 65 6c, "
                                            "Escaped understands \\n, \\x41 and \\u00e9."));
    m_modeCombo->addItems({tr("Text"), tr("Hex"), tr("Escaped")});
    m_newlineCheck = withTip(new QCheckBox(tr("append newline")),
                             tr("Adds a newline byte (0a) at the end, which line-based servers "
                                "wait for."));
    auto* content = new QWidget;
    auto* form = new QFormLayout(content);
    form->setContentsMargins(0, 0, 0, 0);
    auto* modeRow = new FlowLayout;
    modeRow->addWidget(m_modeCombo);
    modeRow->addWidget(m_newlineCheck);
    form->addRow(tr("Mode"), modeRow);
    form->addRow(tr("Repeat"), createRepeatRow());
    form->addRow(createPresetRow());
    m_moreSettings->setContent(content);
    return m_moreSettings;
}

// "N times, every T ms, as K separate writes", wrapping like the sentence it is.
QLayout* ClientPanel::createRepeatRow() {
    m_repeatSpin = spinBox(1, 100000, 1, tr("How many times to send the input."));
    m_intervalSpin = spinBox(0, 60000, 100, tr("Milliseconds to wait between two sends."));
    m_piecesSpin = spinBox(1, 1000, 1,
                           tr("Splits each send into this many writes: TCP may "
                              "still deliver them merged (sticky packets)."));
    auto* row = new FlowLayout;
    for (QWidget* widget :
         {static_cast<QWidget*>(m_repeatSpin),
          static_cast<QWidget*>(new QLabel(tr("times, every"))),
          static_cast<QWidget*>(m_intervalSpin), static_cast<QWidget*>(new QLabel(tr("ms, as"))),
          static_cast<QWidget*>(m_piecesSpin),
          static_cast<QWidget*>(new QLabel(tr("separate writes")))})
        row->addWidget(widget);
    return row;
}

// What a connected client can do besides sending; the row wraps in a narrow dock.
QLayout* ClientPanel::createActionRow() {
    const auto button = [this](const QString& text, const QString& tip,
                               void (ClientPanel::*slot)()) {
        auto* b = withTip(new QPushButton(text), tip);
        connect(b, &QPushButton::clicked, this, slot);
        return b;
    };
    m_urgentButton = button(tr("Urgent byte (OOB)"),
                            tr("Sends the first input byte as TCP urgent data: the server's "
                               "select() reports it in the exceptional set."),
                            &ClientPanel::sendUrgentByte);
    m_halfCloseButton = button(tr("Half-close"),
                               tr("Stops our sending only (FIN): the server reads end-of-file "
                                  "but can still send to us."),
                               &ClientPanel::halfCloseSelected);
    m_closeButton = button(tr("Close"),
                           tr("Closes in an orderly way: the server's recv() "
                              "returns 0 (end-of-file)."),
                           &ClientPanel::closeSelected);
    m_abortButton = button(tr("Abort (RST)"),
                           tr("Closes with a TCP reset (RST): the server sees "
                              "ECONNRESET instead of an orderly end."),
                           &ClientPanel::abortSelected);
    auto* row = new FlowLayout;
    for (QPushButton* b : {m_urgentButton, m_halfCloseButton, m_closeButton, m_abortButton})
        row->addWidget(b);
    return row;
}

void ClientPanel::collapseMoreSettings() {
    m_moreSettings->setExpanded(false);
}

void ClientPanel::setDefaultTarget(const QString& host, quint16 port) {
    m_hostEdit->setText(host);
    m_portSpin->setValue(port);
}

void ClientPanel::setSource(TraceSource* source) {
    auto* target = new ListenerTarget(source, this);
    connect(target, &ListenerTarget::listenerFound, this, &ClientPanel::setDefaultTarget);
}

void ClientPanel::setInputText(const QString& text) {
    m_inputEdit->setText(text);
}

void ClientPanel::connectClient() {
    const QString host = m_hostEdit->text().trimmed();
    if (host.isEmpty()) {
        emit statusMessage(tr("Type a host first, e.g. 127.0.0.1."));
        return;
    }
    const auto protocol = m_protocolCombo->currentIndex() == 1 ? ClientConnection::Protocol::Udp
                                                               : ClientConnection::Protocol::Tcp;
    auto* connection = new ClientConnection(protocol);
    const int id = m_model->addClient(connection);
    watchClient(id, connection);
    connection->connectToHost(host, static_cast<quint16>(m_portSpin->value()));
    selectClient(id);
}

void ClientPanel::watchClient(int id, ClientConnection* connection) {
    const auto report = [this, id](const QString& message) {
        emit statusMessage(tr("Client #%1: %2").arg(id).arg(message));
    };
    connect(connection, &ClientConnection::errorOccurred, this, report);
    connect(connection, &ClientConnection::noticeReported, this, report);
    connect(connection, &ClientConnection::dataReceived, this,
            [this, id, connection](const ReceivedChunk& chunk) {
                if (id == m_selectedId) {
                    showChunk(connection, chunk);
                }
            });
    connect(connection, &ClientConnection::stateChanged, this, [this, id] {
        if (id == m_selectedId) {
            updateActions();
        }
    });
    connect(connection, &ClientConnection::repeatProgressed, this, [this, id](int done, int total) {
        updateActions();
        emit statusMessage(tr("Client #%1: sent %2 of %3.").arg(id).arg(done).arg(total));
    });
}

void ClientPanel::selectClient(int id) {
    const QModelIndex source = m_model->index(m_model->rowOfId(id), 0);
    m_table->setCurrentIndex(m_proxy->mapFromSource(source));
}

ClientConnection* ClientPanel::selectedConnection() const {
    return m_model->connectionAt(m_model->rowOfId(m_selectedId));
}

void ClientPanel::onCurrentRowChanged() {
    const QModelIndex source = m_proxy->mapToSource(m_table->currentIndex());
    m_selectedId = source.isValid() ? m_model->idAt(source.row()) : 0;
    m_receivedView->clear();
    if (const ClientConnection* c = selectedConnection()) {
        const auto& history = c->history();
        const auto skip = std::max<qsizetype>(0, qsizetype(history.size()) - kReplayedReads);
        if (skip > 0 || c->droppedHistoryBytes() > 0) {
            m_receivedView->appendPlainText(tr("(earlier reads not shown)"));
        }
        for (auto it = history.begin() + skip; it != history.end(); ++it) {
            showChunk(c, *it);
        }
    }
    updateActions();
}

void ClientPanel::showChunk(const ClientConnection* connection, const ReceivedChunk& chunk) {
    const qsizetype size = chunk.bytes.size();
    const QString time = chunk.time.toString(QStringLiteral("HH:mm:ss.zzz"));
    const QString title = connection->protocol() == ClientConnection::Protocol::Udp
                              ? tr("── datagram %1: %2 bytes at %3 ──")
                              : tr("── read %1: %2 bytes at %3 ──");
    const QByteArray shown = chunk.bytes.left(kPreviewBytes);
    QStringList lines{title.arg(chunk.readNumber).arg(size).arg(time),
                      tr("text: %1").arg(toPrintable(shown)), tr("hex:  %1").arg(toHexDump(shown))};
    if (size > kPreviewBytes) {
        lines << tr("… %1 more bytes not shown").arg(size - kPreviewBytes);
    }
    m_receivedView->appendPlainText(lines.join(QLatin1Char('\n')));
}

void ClientPanel::updateActions() {
    const ClientConnection* c = selectedConnection();
    const bool tcp = c && c->protocol() == ClientConnection::Protocol::Tcp;
    const bool connected = c && c->state() == ClientConnection::State::Connected;
    const bool open = c && c->isOpen();
    m_sendButton->setEnabled(connected);
    m_sendButton->setText(c && c->isRepeating() ? tr("Stop") : tr("Send"));
    m_urgentButton->setEnabled(tcp && connected);
    m_halfCloseButton->setEnabled(tcp && connected);
    m_closeButton->setEnabled(open);
    m_abortButton->setEnabled(tcp && open);
}

void ClientPanel::sendInput() {
    ClientConnection* c = selectedConnection();
    if (!c) {
        emit statusMessage(tr("Connect a client first, then select it in the list."));
        return;
    }
    if (c->isRepeating()) {
        c->cancelRepeat();
        return;
    }
    QString error;
    const auto mode = static_cast<InputMode>(m_modeCombo->currentIndex());
    QByteArray payload = parseBytes(m_inputEdit->text(), mode, &error);
    if (!error.isEmpty()) {
        emit statusMessage(tr("Cannot send: %1").arg(error));
        return;
    }
    if (m_newlineCheck->isChecked()) {
        payload.append('\n');
    }
    c->sendRepeated(payload, m_repeatSpin->value(), m_intervalSpin->value(), m_piecesSpin->value());
    updateActions();
}

void ClientPanel::sendUrgentByte() {
    ClientConnection* c = selectedConnection();
    QString error;
    const auto mode = static_cast<InputMode>(m_modeCombo->currentIndex());
    const QByteArray input = parseBytes(m_inputEdit->text(), mode, &error);
    const char byte = input.isEmpty() ? '!' : input.at(0);
    if (c && c->sendUrgentByte(byte)) {
        emit statusMessage(tr("Client #%1 sent the urgent byte %2.")
                               .arg(m_selectedId)
                               .arg(toPrintable(QByteArray(1, byte))));
    }
}

void ClientPanel::halfCloseSelected() {
    if (ClientConnection* c = selectedConnection()) {
        c->halfClose();
    }
}

void ClientPanel::closeSelected() {
    if (ClientConnection* c = selectedConnection()) {
        c->close();
    }
}

void ClientPanel::abortSelected() {
    if (ClientConnection* c = selectedConnection()) {
        c->abort();
    }
}

void ClientPanel::removeFinishedClients() {
    const int removed = m_model->removeFinished();
    emit statusMessage(tr("Removed %n closed client(s).", nullptr, removed));
}

void ClientPanel::savePreset() {
    const QString name = m_presetCombo->currentText().trimmed();
    if (name.isEmpty()) {
        emit statusMessage(tr("Type a name for the preset first."));
        return;
    }
    QVariantList presets = loadPresets();
    const QVariantMap preset{{QStringLiteral("name"), name},
                             {QStringLiteral("host"), m_hostEdit->text().trimmed()},
                             {QStringLiteral("port"), m_portSpin->value()},
                             {QStringLiteral("protocol"), m_protocolCombo->currentIndex()},
                             {QStringLiteral("input"), m_inputEdit->text()},
                             {QStringLiteral("mode"), m_modeCombo->currentIndex()}};
    const int index = indexOfPreset(presets, name);
    if (index >= 0) {
        presets[index] = preset;
    } else {
        presets.append(preset);
    }
    storePresets(presets);
    reloadPresets();
    m_presetCombo->setCurrentIndex(m_presetCombo->findText(name));
    emit statusMessage(tr("Saved the preset %1.").arg(name));
}

void ClientPanel::deletePreset() {
    const QString name = m_presetCombo->currentText().trimmed();
    QVariantList presets = loadPresets();
    const int index = indexOfPreset(presets, name);
    if (index < 0) {
        emit statusMessage(tr("There is no preset named %1.").arg(name));
        return;
    }
    presets.removeAt(index);
    storePresets(presets);
    reloadPresets();
    emit statusMessage(tr("Deleted the preset %1.").arg(name));
}

void ClientPanel::applyPreset(int index) {
    const QVariantList presets = loadPresets();
    if (index < 0 || index >= presets.size()) {
        return;
    }
    const QVariantMap p = presets.at(index).toMap();
    m_hostEdit->setText(p.value(QStringLiteral("host")).toString());
    m_portSpin->setValue(p.value(QStringLiteral("port")).toInt());
    m_protocolCombo->setCurrentIndex(std::clamp(p.value(QStringLiteral("protocol")).toInt(), 0, 1));
    m_inputEdit->setText(p.value(QStringLiteral("input")).toString());
    m_modeCombo->setCurrentIndex(std::clamp(p.value(QStringLiteral("mode")).toInt(), 0, 2));
}

void ClientPanel::reloadPresets() {
    m_presetCombo->clear();
    for (const QVariant& preset : loadPresets()) {
        m_presetCombo->addItem(preset.toMap().value(QStringLiteral("name")).toString());
    }
    m_presetCombo->setCurrentIndex(-1);
}

void ClientPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange) {
        applyFonts();
    }
    QWidget::changeEvent(event);
}

void ClientPanel::applyFonts() {
    // The style may give headers a smaller font of their own; a projector needs the panel's.
    m_table->horizontalHeader()->setFont(font());
    // The received bytes and the input line are monospace, at the panel's (projector) size.
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (font().pointSizeF() > 0) {
        mono.setPointSizeF(font().pointSizeF());
    } else {
        mono.setPixelSize(font().pixelSize());
    }
    m_receivedView->setFont(mono);
    m_inputEdit->setFont(mono);
    // Sizes that follow the font: the host whole (never shown scrolled), two clients in the list.
    const QFontMetrics metrics = m_hostEdit->fontMetrics();
    m_hostEdit->setMinimumWidth(metrics.horizontalAdvance(QStringLiteral("127.0.0.1")) +
                                metrics.averageCharWidth() * 2);
    m_table->setMinimumHeight(m_table->sizeHint().height());
}
