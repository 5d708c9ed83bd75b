// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/screenshot_session.h"

#include <QPixmap>
#include <QTableView>

#include <utility>

#include "ui/client/client_connection.h"
#include "ui/client/client_list_model.h"
#include "ui/main_window.h"
#include "ui/models/call_trace_model.h"
#include "ui/panels/client_panel.h"
#include "ui/panels/model_comparison_panel.h"
#include "ui/recording_source.h"
#include "ui/trace_source.h"
#include "ui/tracer_source.h"
#include "ui/views/call_trace_view.h"

ScreenshotSession::ScreenshotSession(MainWindow* window, ScreenshotOptions options, QObject* parent)
    : QObject(parent), m_window(window), m_options(std::move(options)) {
    for (ss::ListenerSpec& listener : m_options.engine.listeners)
        listener.endpoint.port = 0;
    m_timer.setInterval(kPollMs);
    connect(&m_timer, &QTimer::timeout, this, &ScreenshotSession::poll);
}

// The window opens maximised on a first start; the picture has the size it was asked for.
void ScreenshotSession::start() {
    m_window->setWindowState(Qt::WindowNoState);
    m_window->resize(m_options.windowSize);
    m_window->show();
    QString error;
    const bool ok = m_options.traces ? m_window->startTrace(m_options.trace, &error)
                    : m_options.recordingPath.isEmpty()
                        ? m_window->startServer(m_options.engine, &error)
                        : m_window->openRecording(m_options.recordingPath, &error);
    if (!ok) {
        fail(error);
        return;
    }
    enterStage(m_options.recordingPath.isEmpty() ? Stage::WaitListener : Stage::WaitRecording);
    m_timer.start();
}

void ScreenshotSession::enterStage(Stage stage) {
    m_stage = stage;
    m_stageClock.start();
}

void ScreenshotSession::poll() {
    const bool late = m_stageClock.elapsed() > kStageTimeoutMs;
    QString error;
    switch (m_stage) {
        case Stage::WaitRecording:
            if (!m_window->recording()->indexing()) {
                m_window->recording()->seek(m_window->recording()->callCount() / 2);
                enterStage(Stage::Settle);
            } else if (m_stageClock.elapsed() > kComparisonTimeoutMs) {
                fail(tr("the recording was not indexed within %1 ms").arg(kComparisonTimeoutMs));
            }
            break;
        case Stage::WaitListener:
            if (listenerReady()) {
                connectClients();
                enterStage(Stage::WaitConnected);
            } else if (late) {
                fail(tr("the server published no listener within %1 ms").arg(kStageTimeoutMs));
            }
            break;
        case Stage::WaitConnected:
            if (clientsSettled(&error)) {
                if (!error.isEmpty()) {
                    fail(error);
                    break;
                }
                sendMessages();
                enterStage(Stage::WaitCalls);
            } else if (late) {
                fail(tr("the clients did not connect within %1 ms").arg(kStageTimeoutMs));
            }
            break;
        case Stage::WaitCalls:
            // Bounded either way: a quiet server may make fewer calls, and that is still a picture.
            if (enoughTraffic() || late) {
                source()->refresh();
                selectLatestReadyCall();
                startComparison();
            }
            break;
        case Stage::WaitComparison:
            if (!m_window->modelComparisonPanel()->isRunning())
                enterStage(Stage::Settle);
            else if (m_stageClock.elapsed() > kComparisonTimeoutMs)
                fail(tr("the IO models were not compared within %1 ms").arg(kComparisonTimeoutMs));
            break;
        case Stage::Settle:
            if (m_stageClock.elapsed() >= kSettleMs)
                capture();
            break;
        case Stage::Done:
            break;
    }
}

bool ScreenshotSession::listenerReady() const {
    for (const ss::DescriptorInfo& row : source()->lastDescriptors()) {
        if (row.role == ss::Role::Listener || row.role == ss::Role::Udp)
            return true;
    }
    return false;
}

void ScreenshotSession::connectClients() {
    bool tcp = m_options.traces;
    for (const ss::ListenerSpec& listener : m_options.engine.listeners)
        tcp = tcp || !listener.udp;
    if (!tcp)
        return;  // a UDP-only preset: the picture shows the server alone
    for (int i = 0; i < m_options.clients; ++i)
        m_window->clientPanel()->connectClient();
}

// True once no client is still connecting; *error names a client that failed.
bool ScreenshotSession::clientsSettled(QString* error) const {
    const ClientListModel* clients = m_window->clientPanel()->model();
    for (int row = 0; row < clients->rowCount(); ++row) {
        const ClientConnection* c = clients->connectionAt(row);
        if (c->state() == ClientConnection::State::Connecting)
            return false;
        if (c->state() == ClientConnection::State::Error && error->isEmpty())
            *error = tr("client #%1: %2").arg(clients->idAt(row)).arg(c->lastError());
    }
    return true;
}

void ScreenshotSession::sendMessages() {
    const ClientListModel* clients = m_window->clientPanel()->model();
    for (int row = 0; row < clients->rowCount(); ++row) {
        ClientConnection* c = clients->connectionAt(row);
        const QString message = tr("hello from client %1").arg(clients->idAt(row));
        // A preset that closes at once (welcome) leaves nothing to send to.
        if (c->state() == ClientConnection::State::Connected && c->sendBytes(message.toUtf8()))
            ++m_sent;
    }
    m_window->clientPanel()->setInputText(tr("hello"));
}

// Enough calls, every message answered, and the descriptor table showing every client (a running
// loop publishes its snapshot after a wait call returns, so on an idle server that can take up
// to one timeout).
bool ScreenshotSession::enoughTraffic() const {
    if (m_window->callTraceModel()->rowCount() < m_options.clients + 3)
        return false;
    const ClientListModel* clients = m_window->clientPanel()->model();
    int answered = 0;
    int open = 0;
    for (int row = 0; row < clients->rowCount(); ++row) {
        const ClientConnection* c = clients->connectionAt(row);
        answered += c->bytesReceived() > 0 ? 1 : 0;
        open += c->state() == ClientConnection::State::Connected ? 1 : 0;
    }
    int connections = 0;
    for (const ss::DescriptorInfo& row : source()->lastDescriptors())
        connections += row.role == ss::Role::Connection ? 1 : 0;
    return answered >= m_sent && connections >= open;
}

// Shows the call-to-descriptor highlight: the newest call that reported something readable.
void ScreenshotSession::selectLatestReadyCall() {
    const CallTraceModel* calls = m_window->callTraceModel();
    for (int row = calls->rowCount() - 1; row >= 0; --row) {
        if (!calls->call(row).readyRead.empty()) {
            QTableView* table = m_window->callTraceView()->table();
            table->selectRow(row);
            table->scrollToBottom();
            return;
        }
    }
}

void ScreenshotSession::startComparison() {
    if (!m_options.compareModels) {
        enterStage(Stage::Settle);
        return;
    }
    m_window->modelComparisonPanel()->run();
    enterStage(Stage::WaitComparison);
}

void ScreenshotSession::capture() {
    m_timer.stop();
    m_stage = Stage::Done;
    const QSize size = m_window->size();
    if (size != m_options.windowSize) {
        fail(tr("the window cannot be %1x%2 pixels (it is %3x%4)")
                 .arg(m_options.windowSize.width())
                 .arg(m_options.windowSize.height())
                 .arg(size.width())
                 .arg(size.height()));
        return;
    }
    const QPixmap picture = m_window->grab();
    if (picture.isNull() || !picture.save(m_options.path, "PNG")) {
        fail(tr("could not write %1").arg(m_options.path));
        return;
    }
    emit finished(0, QString());
}

void ScreenshotSession::fail(const QString& error) {
    m_timer.stop();
    m_stage = Stage::Done;
    emit finished(1, error);
}

TraceSource* ScreenshotSession::source() const {
    return m_options.traces ? static_cast<TraceSource*>(m_window->tracer()) : m_window->session();
}
