// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/client/client_connection.h"

#include <QNetworkDatagram>
#include <QTcpSocket>
#include <QUdpSocket>

#include <algorithm>

#include "core/net/platform.h"
#include "ui/to_qstring.h"

#ifndef _WIN32
#include <sys/socket.h>
#endif

namespace {

#ifdef _WIN32
constexpr int kShutWrite = SD_SEND;
#else
constexpr int kShutWrite = SHUT_WR;
#endif

ss::NativeSocket nativeOf(const QAbstractSocket* socket) {
    return static_cast<ss::NativeSocket>(socket->socketDescriptor());
}

QString lastNativeErrorText() {
    return toQString(ss::socketErrorText(ss::lastSocketError()));
}

}  // namespace

ClientConnection::ClientConnection(Protocol protocol, QObject* parent)
    : QObject(parent), m_protocol(protocol) {
    ss::initSocketPlatform();
    if (protocol == Protocol::Tcp) {
        m_socket = new QTcpSocket(this);
    } else {
        m_socket = new QUdpSocket(this);
    }
    connectSocketSignals();
    connect(&m_repeatTimer, &QTimer::timeout, this, &ClientConnection::onRepeatTick);
}

ClientConnection::~ClientConnection() {
    // Deleting a connected socket emits signals; they must not reach a half-destroyed object.
    m_socket->disconnect(this);
    delete m_socket;
}

void ClientConnection::connectSocketSignals() {
    connect(m_socket, &QAbstractSocket::connected, this, &ClientConnection::onConnected);
    connect(m_socket, &QAbstractSocket::readyRead, this, &ClientConnection::onReadyRead);
    connect(m_socket, &QAbstractSocket::disconnected, this, &ClientConnection::onDisconnected);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, &ClientConnection::onSocketError);
    connect(m_socket, &QAbstractSocket::bytesWritten, this, &ClientConnection::onBytesWritten);
}

void ClientConnection::connectToHost(const QString& host, quint16 port) {
    m_host = host;
    m_port = port;
    setState(State::Connecting);
    m_socket->connectToHost(host, port);
}

QString ClientConnection::protocolText() const {
    return m_protocol == Protocol::Tcp ? tr("TCP") : tr("UDP");
}

QString ClientConnection::stateText() const {
    return stateText(m_state);
}

QString ClientConnection::stateText(State state) {
    switch (state) {
        case State::Connecting:
            return tr("Connecting");
        case State::Connected:
            return tr("Connected");
        case State::HalfClosed:
            return tr("Half-closed");
        case State::Closed:
            return tr("Closed");
        case State::Error:
            return tr("Error");
    }
    return {};
}

QString ClientConnection::peerText() const {
    return QStringLiteral("%1:%2").arg(m_host).arg(m_port);
}

quint16 ClientConnection::localPort() const {
    return m_socket->localPort();
}

bool ClientConnection::isOpen() const {
    return m_state == State::Connecting || m_state == State::Connected ||
           m_state == State::HalfClosed;
}

void ClientConnection::setState(State state) {
    if (m_state != state) {
        m_state = state;
        emit stateChanged(state);
    }
}

void ClientConnection::reportError(const QString& message) {
    m_lastError = message;
    emit errorOccurred(message);
}

void ClientConnection::onConnected() {
    setState(State::Connected);
}

void ClientConnection::onReadyRead() {
    if (m_protocol == Protocol::Tcp) {
        const QByteArray bytes = m_socket->readAll();
        if (!bytes.isEmpty()) {
            recordChunk(bytes);
        }
        return;
    }
    // One chunk per datagram, so that UDP's preserved message boundaries show.
    auto* udp = static_cast<QUdpSocket*>(m_socket);
    bool gotDatagram = false;
    while (udp->hasPendingDatagrams()) {
        const QNetworkDatagram datagram = udp->receiveDatagram();
        if (!datagram.isValid()) {
            break;
        }
        gotDatagram = true;
        recordChunk(datagram.data());
    }
    // Readable without a datagram (even an empty one would count): the kernel had an ICMP
    // "port unreachable" queued, which Qt's peek consumed without reporting it.
    if (!gotDatagram) {
        reportError(tr("Connection refused by %1: no UDP server listens there.").arg(peerText()));
    }
}

void ClientConnection::recordChunk(const QByteArray& bytes) {
    ReceivedChunk chunk{++m_readCount, bytes, QDateTime::currentDateTime()};
    m_bytesReceived += bytes.size();
    m_historyBytes += bytes.size();
    m_history.push_back(chunk);
    // The newest read always stays, even when it alone is over the limit.
    while (m_historyBytes > kHistoryLimitBytes && m_history.size() > 1) {
        m_historyBytes -= m_history.front().bytes.size();
        m_droppedBytes += m_history.front().bytes.size();
        m_history.pop_front();
    }
    emit dataReceived(chunk);
    emit countersChanged();
}

void ClientConnection::onDisconnected() {
    m_halfClosePending = false;
    if (m_state != State::Error) {
        setState(State::Closed);
    }
}

void ClientConnection::onSocketError() {
    const QAbstractSocket::SocketError error = m_socket->error();
    if (error == QAbstractSocket::RemoteHostClosedError) {
        // Routine: the server ended the connection (orderly or with a reset).
        emit noticeReported(tr("%1 closed the connection.").arg(peerText()));
        return;
    }
    QString message;
    if (error == QAbstractSocket::ConnectionRefusedError) {
        message =
            m_protocol == Protocol::Tcp
                ? tr("Connection refused by %1.").arg(peerText())
                : tr("Connection refused by %1: no UDP server listens there.").arg(peerText());
    } else if (error == QAbstractSocket::HostNotFoundError) {
        message = tr("Host %1 not found.").arg(m_host);
    } else {
        message = tr("%1: %2").arg(peerText(), m_socket->errorString());
    }
    // A UDP socket stays usable after an ICMP error: a server may start listening later.
    if (m_protocol == Protocol::Tcp || m_state == State::Connecting) {
        cancelRepeat();
        setState(State::Error);
    }
    reportError(message);
}

void ClientConnection::onBytesWritten() {
    if (m_halfClosePending && m_socket->bytesToWrite() == 0) {
        shutdownWrite();
    }
}

bool ClientConnection::checkCanSend(bool tcpOnly) {
    if (tcpOnly && m_protocol != Protocol::Tcp) {
        reportError(tr("Urgent data and half-close exist only for TCP."));
        return false;
    }
    if (m_state == State::HalfClosed) {
        reportError(tr("This client has half-closed its side: it can only receive now."));
        return false;
    }
    if (m_state != State::Connected) {
        reportError(tr("Client to %1 is not connected (%2).").arg(peerText(), stateText()));
        return false;
    }
    return true;
}

bool ClientConnection::writePiece(const QByteArray& piece) {
    const qint64 written = m_socket->write(piece);
    if (written < 0) {
        reportError(tr("Send to %1 failed: %2").arg(peerText(), m_socket->errorString()));
        return false;
    }
    // flush() hands the piece to the kernel now, as its own send() call.
    m_socket->flush();
    m_bytesSent += written;
    return true;
}

bool ClientConnection::sendBytes(const QByteArray& payload, int pieces) {
    if (!checkCanSend(false)) {
        return false;
    }
    if (payload.isEmpty()) {
        reportError(tr("Nothing to send: the input is empty."));
        return false;
    }
    const qsizetype count = std::clamp<qsizetype>(pieces, 1, payload.size());
    const qsizetype base = payload.size() / count;
    const qsizetype extra = payload.size() % count;
    qsizetype pos = 0;
    bool ok = true;
    for (qsizetype k = 0; k < count && ok; ++k) {
        const qsizetype length = base + (k < extra ? 1 : 0);
        ok = writePiece(payload.mid(pos, length));
        pos += length;
    }
    emit countersChanged();
    return ok;
}

void ClientConnection::sendRepeated(const QByteArray& payload, int count, int intervalMs,
                                    int pieces) {
    cancelRepeat();
    if (count <= 1) {
        sendBytes(payload, pieces);
        return;
    }
    m_repeatPayload = payload;
    m_repeatPieces = pieces;
    m_repeatTotal = count;
    m_repeatDone = 0;
    m_repeatTimer.start(std::max(0, intervalMs));
    onRepeatTick();  // the first one goes now, not after one interval
}

void ClientConnection::onRepeatTick() {
    if (!sendBytes(m_repeatPayload, m_repeatPieces)) {
        cancelRepeat();
        return;
    }
    ++m_repeatDone;
    if (m_repeatDone >= m_repeatTotal) {
        m_repeatTimer.stop();
    }
    emit repeatProgressed(m_repeatDone, m_repeatTotal);
}

void ClientConnection::cancelRepeat() {
    if (m_repeatTimer.isActive()) {
        m_repeatTimer.stop();
        emit repeatProgressed(m_repeatDone, m_repeatTotal);
    }
}

bool ClientConnection::sendUrgentByte(char byte) {
    if (!checkCanSend(true)) {
        return false;
    }
    m_socket->flush();  // what was queued before goes first, as the student expects
    const auto sent = ::send(nativeOf(m_socket), &byte, 1, MSG_OOB | ss::sendFlags());
    if (sent != 1) {
        reportError(tr("Urgent byte to %1 not sent: %2").arg(peerText(), lastNativeErrorText()));
        return false;
    }
    ++m_bytesSent;
    emit countersChanged();
    return true;
}

bool ClientConnection::halfClose() {
    if (!checkCanSend(true)) {
        return false;
    }
    cancelRepeat();
    setState(State::HalfClosed);
    m_socket->flush();
    if (m_socket->bytesToWrite() > 0) {
        m_halfClosePending = true;  // onBytesWritten() shuts down once Qt's buffer is empty
        return true;
    }
    return shutdownWrite();
}

bool ClientConnection::shutdownWrite() {
    m_halfClosePending = false;
    if (::shutdown(nativeOf(m_socket), kShutWrite) != 0) {
        reportError(tr("Half-close of %1 failed: %2").arg(peerText(), lastNativeErrorText()));
        return false;
    }
    return true;
}

void ClientConnection::close() {
    cancelRepeat();
    if (m_state == State::Connecting) {
        m_socket->abort();
    } else if (isOpen()) {
        m_socket->disconnectFromHost();  // queued data first, then FIN
    }
    if (m_socket->state() == QAbstractSocket::UnconnectedState && m_state != State::Error) {
        setState(State::Closed);
    }
}

void ClientConnection::abort() {
    cancelRepeat();
    const ss::NativeSocket fd = nativeOf(m_socket);
    if (m_protocol == Protocol::Tcp && fd != ss::kInvalidSocket) {
        // With a zero linger time, close() discards unsent data and sends RST instead of FIN.
        linger option{};
        option.l_onoff = 1;
        option.l_linger = 0;
        ::setsockopt(fd, SOL_SOCKET, SO_LINGER, reinterpret_cast<const char*>(&option),
                     sizeof option);
    }
    m_socket->abort();
    if (m_state != State::Error) {
        setState(State::Closed);
    }
}
