// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/lessons/lesson_runner.h"

#include <qcustomplot.h>
#include <QHostAddress>
#include <QTcpSocket>

#include "core/server/presets.h"
#include "ui/client/client_connection.h"
#include "ui/client/client_list_model.h"
#include "ui/engine_session.h"
#include "ui/main_window.h"
#include "ui/panels/client_panel.h"
#include "ui/panels/cost_curve_panel.h"
#include "ui/panels/server_panel.h"

using lesson::Action;

// The lesson's names for descriptors and clients, as the trace has told them so far.
class LessonRunner::Names : public lesson::Resolver {
public:
    explicit Names(const LessonRunner& runner) : m_runner(runner) {}

    int fd(const lesson::FdRef& ref) const override {
        const auto& listeners = m_runner.m_listeners;
        if (ref.kind == lesson::FdRef::Kind::Listener)
            return ref.listener < int(listeners.size()) ? listeners[size_t(ref.listener)].fd : -1;
        const auto client = m_runner.m_clients.constFind(ref.client);
        if (client == m_runner.m_clients.constEnd())
            return -1;
        if (client->listener < int(listeners.size()) && listeners[size_t(client->listener)].udp)
            return listeners[size_t(client->listener)].fd;
        return m_runner.m_acceptedByPeerPort.value(client->localPort, -1);
    }

    QByteArray received(const QString& name) const override {
        const auto client = m_runner.m_clients.constFind(name);
        QByteArray bytes;
        if (client == m_runner.m_clients.constEnd() || !client->connection)
            return bytes;
        for (const ReceivedChunk& chunk : client->connection->history())
            if (chunk.readNumber > client->readMark)
                bytes += chunk.bytes;
        return bytes;
    }

private:
    const LessonRunner& m_runner;
};

namespace {

// "127.0.0.1:9991/tcp=welcome:..." (a listen event's text) or "127.0.0.1:45628" (an accept's).
quint16 portOf(const std::string& text) {
    const QString address = QString::fromStdString(text).section(QLatin1Char('/'), 0, 0);
    return quint16(address.section(QLatin1Char(':'), -1).toUInt());
}

template <typename T>
void keepRecent(std::vector<T>& records) {
    if (records.size() > LessonRunner::kEvidenceLimit)
        records.erase(records.begin(), records.begin() + long(records.size() / 2));
}

}  // namespace

LessonRunner::LessonRunner(MainWindow* window, QObject* parent)
    : QObject(parent),
      m_window(window),
      m_session(qobject_cast<EngineSession*>(window->session())) {
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(kActionTimeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        if (!m_waiting) {  // a replayed step's check did not hold in time: on regardless
            m_judge = lesson::CheckJudge();
            m_judge.judge(m_evidence, Names(*this));
            continueReplay();
            return;
        }
        finishAction(tr("nothing happened within %1 s").arg(m_timeout.interval() / 1000));
    });
    connect(m_window->costCurvePanel(), &CostCurvePanel::measurementFinished, this,
            &LessonRunner::onCostMeasured);
    connect(m_session, &TraceSource::started, this, &LessonRunner::onStarted);
    connect(m_session, &TraceSource::batchReady, this, &LessonRunner::onBatch);
    connect(m_session, &TraceSource::descriptorsUpdated, this, &LessonRunner::onDescriptors);
}

LessonRunner::~LessonRunner() = default;

void LessonRunner::open(const lesson::Lesson& lesson) {
    m_lesson = lesson;
    m_open = true;
    replayTo(0);
}

void LessonRunner::close() {
    m_timeout.stop();
    m_open = false;
    m_busy = false;
    m_waiting = nullptr;
    m_replayTo = -1;
    closeClients();
}

void LessonRunner::goTo(int step) {
    if (!m_open || step < 0 || step >= int(m_lesson.steps.size()))
        return;
    if (step == m_step + 1 && m_replayTo < 0)
        beginStep(step);
    else
        replayTo(step);
}

int LessonRunner::fdOf(const lesson::FdRef& ref) const {
    return Names(*this).fd(ref);
}

QString LessonRunner::waitingFor() const {
    if (!m_failure.isEmpty())
        return QString();
    if (m_busy)
        return m_waiting ? m_waiting->describe() : tr("the step's actions");
    return m_judge.pending();
}

// From a stopped server with no clients, every step before `step` is played as --autoplay plays
// it (its actions, then its check, bounded), so that `step` begins from the state it assumes.
void LessonRunner::replayTo(int step) {
    m_replayTo = step;
    m_session->stop();
    closeClients();
    beginStep(0);
}

void LessonRunner::beginStep(int step) {
    m_timeout.stop();
    m_waiting = nullptr;
    m_failure.clear();
    m_step = step;
    if (m_replayTo == step)
        m_replayTo = -1;
    m_queue = m_lesson.steps[size_t(step)].actions;
    m_next = 0;
    resetEvidence();
    emit stepChanged(step);
    runNext();
}

// While replaying: on to the next step once this one's check held, or the bound ran out.
void LessonRunner::continueReplay() {
    if (m_replayTo <= m_step || m_busy || !m_failure.isEmpty())
        return;
    if (!m_judge.held() && m_timeout.isActive())
        return;
    if (!m_judge.held()) {
        m_timeout.start(kActionTimeoutMs);  // the check's bound; its timeout moves on regardless
        return;
    }
    m_timeout.stop();
    const int next = m_step + 1;
    QTimer::singleShot(0, this, [this, next] {
        if (m_replayTo >= next && m_step == next - 1)
            beginStep(next);
    });
}

void LessonRunner::resetEvidence() {
    m_session->refresh();  // what the earlier actions made and the loop has recorded already
    m_evidence.calls.clear();
    m_evidence.events.clear();
    m_evidence.cost.clear();
    m_judge = lesson::CheckJudge(m_lesson.steps[size_t(m_step)].check);
    for (Client& client : m_clients)
        if (client.connection && !client.connection->history().empty())
            client.readMark = client.connection->history().back().readNumber;
}

void LessonRunner::runNext() {
    m_busy = true;
    while (m_next < m_queue.size()) {
        const Action& action = m_queue[m_next++];
        if (!act(action)) {
            if (!m_waiting) {  // failed
                m_busy = false;
                emit progressed();
            }
            return;
        }
    }
    m_busy = false;
    judge();
    emit progressed();
    continueReplay();
}

void LessonRunner::finishAction(const QString& error) {
    m_timeout.stop();
    const Action* action = m_waiting ? m_waiting : (m_next > 0 ? &m_queue[m_next - 1] : nullptr);
    m_waiting = nullptr;
    if (error.isEmpty()) {
        runNext();
        return;
    }
    m_failure = action ? action->describe() + QStringLiteral(": ") + error : error;
    m_busy = false;
    emit progressed();
}

bool LessonRunner::act(const Action& action) {
    QString error;
    switch (action.kind) {
        case Action::Kind::Start:
            if (!startPreset(action, &error))
                m_failure = action.describe() + QStringLiteral(": ") + error;
            break;
        case Action::Kind::Stop:
            m_session->stop();
            break;
        case Action::Kind::Connect:
            m_waiting = &action;
            m_connecting = false;
            m_timeout.start(kActionTimeoutMs);
            tryConnect();
            return false;
        case Action::Kind::Pause:
            m_session->pause();
            break;
        case Action::Kind::Resume:
            m_session->resume();
            break;
        case Action::Kind::Step:
            m_waiting = &action;
            m_stepsLeft = action.calls;
            m_timeout.start(kActionTimeoutMs);
            m_session->step();
            return false;
        case Action::Kind::MeasureCost:
            m_waiting = &action;
            m_timeout.start(kCostTimeoutMs);
            m_window->costCurvePanel()->measure();
            return false;
        case Action::Kind::Crowd:
            m_waiting = &action;
            m_crowdToOpen = action.count;
            m_crowdInFlight = 0;
            m_timeout.start(kActionTimeoutMs + action.count * kCrowdMsPerConnection);
            growCrowd();
            return false;
        case Action::Kind::Backend:
            if (!m_session->switchBackend(*action.backend))
                m_failure =
                    action.describe() + QStringLiteral(": ") + tr("the server cannot move there");
            break;
        default:
            actOnClient(action);
            break;
    }
    return m_failure.isEmpty();
}

void LessonRunner::actOnClient(const Action& action) {
    ClientConnection* client = m_clients.value(action.client).connection;
    if (!client) {
        m_failure = tr("no client named %1 is open").arg(action.client);
        return;
    }
    bool ok = true;
    switch (action.kind) {
        case Action::Kind::Send:
            ok = client->sendBytes(action.bytes, action.pieces);
            break;
        case Action::Kind::Urgent:
            ok = client->sendUrgentByte(action.bytes.at(0));
            break;
        case Action::Kind::HalfClose:
            ok = client->halfClose();
            break;
        case Action::Kind::Close:
            client->close();
            break;
        case Action::Kind::Reset:
            client->abort();
            break;
        default:
            break;
    }
    if (!ok)
        m_failure = action.describe() + QStringLiteral(": ") + client->lastError();
}

bool LessonRunner::startPreset(const Action& action, QString* error) {
    const ss::Preset* found = ss::findPreset(action.preset.toStdString());
    if (!found) {
        *error = tr("no preset named %1").arg(action.preset);
        return false;
    }
    ss::Preset preset = *found;
    std::string why;
    if (!m_ports.empty() && !ss::movePresetPorts(preset, m_ports, &why)) {
        *error = QString::fromStdString(why);
        return false;
    }
    if (action.asWritten && !ss::applyAsWritten(preset)) {
        *error = tr("the preset behaves as its tutorial's code does already");
        return false;
    }
    ss::EngineConfig config;
    config.listeners = preset.listeners;
    config.model = preset.model;
    config.timeoutMs = action.timeoutMs.value_or(preset.timeoutMs);
    config.backend = action.backend.value_or(preset.backend);
    config.epollMode = action.epollMode.value_or(ss::EpollMode::Level);
    m_window->serverPanel()->selectPreset(action.preset);
    m_window->serverPanel()->setAsWritten(action.asWritten);
    return m_session->start(config, error);
}

// Connects once the server has said where its listener is (its listen event).
void LessonRunner::tryConnect() {
    if (!m_waiting || m_waiting->kind != Action::Kind::Connect || m_connecting ||
        m_waiting->listener >= int(m_listeners.size()))
        return;
    m_connecting = true;
    const Action& action = *m_waiting;
    const Listener& listener = m_listeners[size_t(action.listener)];
    auto* connection = new ClientConnection(listener.udp ? ClientConnection::Protocol::Udp
                                                         : ClientConnection::Protocol::Tcp);
    if (Client old = m_clients.value(action.client); old.connection)
        old.connection->abort();
    m_clients.insert(action.client, Client{connection, action.listener, 0, 0});
    m_window->clientPanel()->model()->addClient(connection);
    connect(connection, &ClientConnection::dataReceived, this, &LessonRunner::judge);
    connect(connection, &ClientConnection::stateChanged, this,
            [this, connection](ClientConnection::State state) {
                if (!m_waiting || m_waiting->kind != Action::Kind::Connect ||
                    m_clients.value(m_waiting->client).connection != connection)
                    return;
                if (state == ClientConnection::State::Connected) {
                    m_clients[m_waiting->client].localPort = connection->localPort();
                    finishAction();
                } else if (state == ClientConnection::State::Error)
                    finishAction(connection->lastError());
            });
    connection->connectToHost(QStringLiteral("127.0.0.1"), listener.port);
    if (connection->state() == ClientConnection::State::Connected)  // UDP: at once
        finishAction();
}

// A few connects in flight at a time, so that a small listen() backlog takes them without
// dropping SYNs. A refused connection counts too: the kernel completed it before the server
// closed it.
void LessonRunner::growCrowd() {
    if (!m_waiting || m_waiting->kind != Action::Kind::Crowd ||
        m_waiting->listener >= int(m_listeners.size()))
        return;
    const quint16 port = m_listeners[size_t(m_waiting->listener)].port;
    while (m_crowdToOpen > 0 && m_crowdInFlight < kCrowdInFlight) {
        --m_crowdToOpen;
        ++m_crowdInFlight;
        auto* socket = new QTcpSocket(this);
        m_crowd.push_back(socket);
        const auto settled = [this, socket] {
            socket->disconnect(this);
            --m_crowdInFlight;
            if (m_crowdToOpen == 0 && m_crowdInFlight == 0)
                finishAction();
            else
                growCrowd();
        };
        connect(socket, &QTcpSocket::connected, this, settled);
        connect(socket, &QTcpSocket::errorOccurred, this, settled);
        socket->connectToHost(QHostAddress::LocalHost, port);
    }
}

void LessonRunner::closeClients() {
    for (QTcpSocket* socket : m_crowd) {
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
    m_crowd.clear();
    for (const Client& client : m_clients)
        if (client.connection)
            client.connection->abort();
    m_clients.clear();
    m_window->clientPanel()->model()->removeFinished();
}

void LessonRunner::onStarted() {
    m_listeners.clear();
    m_acceptedByPeerPort.clear();
}

void LessonRunner::onBatch(const TraceBatch& batch) {
    for (const ss::SocketEvent& e : batch.events) {
        if (e.kind == ss::EventKind::Listen)
            m_listeners.push_back({e.fd, portOf(e.text), e.role == ss::Role::Udp});
        else if (e.kind == ss::EventKind::Accept)
            m_acceptedByPeerPort.insert(portOf(e.text), e.fd);
        m_evidence.events.push_back(e);
    }
    for (const ss::CallRecord& c : batch.calls) {
        if (c.kind != ss::CallKind::Wait)
            continue;
        m_evidence.calls.push_back(c);
        if (m_waiting && m_waiting->kind == Action::Kind::Step && m_stepsLeft > 0 &&
            --m_stepsLeft > 0)
            m_session->step();
    }
    keepRecent(m_evidence.calls);
    keepRecent(m_evidence.events);
    if (m_waiting && m_waiting->kind == Action::Kind::Step && m_stepsLeft == 0)
        finishAction();
    else
        tryConnect();
    growCrowd();
    judge();
}

void LessonRunner::onCostMeasured(bool cancelled) {
    if (!m_waiting || m_waiting->kind != Action::Kind::MeasureCost)
        return;
    if (cancelled) {
        finishAction(tr("the measurement was cancelled"));
        return;
    }
    for (ss::BackendKind kind : ss::availableBackends()) {
        const QCPGraph* curve = m_window->costCurvePanel()->curve(kind);
        if (!curve)
            continue;
        for (auto point = curve->data()->constBegin(); point != curve->data()->constEnd(); ++point)
            m_evidence.cost[{kind, int(point->key)}] = point->value;
    }
    finishAction();
}

void LessonRunner::onDescriptors(const std::vector<ss::DescriptorInfo>& rows) {
    m_evidence.descriptors = rows;
    judge();
}

void LessonRunner::judge() {
    if (!m_open || m_busy || !m_failure.isEmpty())
        return;
    const bool before = m_judge.held();
    if (m_judge.judge(m_evidence, Names(*this)) != before) {
        emit progressed();
        continueReplay();
    }
}
