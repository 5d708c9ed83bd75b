// SPDX-License-Identifier: GPL-3.0-or-later
// The built-in client: students open TCP or UDP clients to the running server, send what they
// type (as text, hex or escapes; once, repeated, or split into several writes), and make a
// client misbehave on purpose (urgent byte, half-close, reset) while the class watches what the
// server's select() sees. Routine failures go out as statusMessage(), never as message boxes.
#pragma once

#include <QWidget>

#include "ui/client/client_connection.h"

class ClientListModel;
class CollapsibleSection;
class QCheckBox;
class QComboBox;
class QLayout;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;
class TraceSource;

class ClientPanel : public QWidget {
    Q_OBJECT

public:
    explicit ClientPanel(QWidget* parent = nullptr);

    // The running server's address, filled into the host and port fields.
    void setDefaultTarget(const QString& host, quint16 port);
    // Takes the first TCP listener of each run of `source` as the default target.
    void setSource(TraceSource* source);
    ClientListModel* model() const { return m_model; }
    // The client whose controls and received data are shown; 0 when none is selected.
    int selectedClientId() const { return m_selectedId; }

public slots:
    // Puts `text` into the input line, as if typed.
    void setInputText(const QString& text);
    void connectClient();
    void sendInput();
    void sendUrgentByte();
    void halfCloseSelected();
    void closeSelected();
    void abortSelected();
    void removeFinishedClients();
    void savePreset();
    void deletePreset();
    // Folds the input mode, repetition and saved clients away again (as on a first start).
    void collapseMoreSettings();

signals:
    void statusMessage(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    QLayout* createTargetRow();
    QLayout* createPresetRow();
    QWidget* createSendRow();
    QLayout* createActionRow();
    QWidget* createMoreSettings();
    QLayout* createRepeatRow();
    void createTable();
    void nameControls();
    void watchClient(int id, ClientConnection* connection);
    void selectClient(int id);
    void onCurrentRowChanged();
    void showChunk(const ClientConnection* connection, const ReceivedChunk& chunk);
    void updateActions();
    void applyPreset(int index);
    void reloadPresets();
    void applyFonts();
    ClientConnection* selectedConnection() const;

    ClientListModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    int m_selectedId = 0;

    QLineEdit* m_hostEdit = nullptr;
    QSpinBox* m_portSpin = nullptr;
    QComboBox* m_protocolCombo = nullptr;
    QPushButton* m_connectButton = nullptr;
    QComboBox* m_presetCombo = nullptr;
    QTableView* m_table = nullptr;
    QLineEdit* m_inputEdit = nullptr;
    QComboBox* m_modeCombo = nullptr;
    QCheckBox* m_newlineCheck = nullptr;
    QSpinBox* m_repeatSpin = nullptr;
    QSpinBox* m_intervalSpin = nullptr;
    QSpinBox* m_piecesSpin = nullptr;
    QPushButton* m_sendButton = nullptr;
    QPushButton* m_urgentButton = nullptr;
    QPushButton* m_halfCloseButton = nullptr;
    QPushButton* m_closeButton = nullptr;
    QPushButton* m_abortButton = nullptr;
    QPlainTextEdit* m_receivedView = nullptr;
    CollapsibleSection* m_moreSettings = nullptr;
};
