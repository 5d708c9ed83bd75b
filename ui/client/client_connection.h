// SPDX-License-Identifier: GPL-3.0-or-later
// One hand-driven client of the built-in client panel: a TCP or UDP socket to host:port that a
// student can make misbehave on purpose (urgent bytes, half-close, reset) to see what the
// server's select() makes of it. Qt Network does the ordinary work; the few things Qt has no
// API for (MSG_OOB, shutdown(SHUT_WR), SO_LINGER {1, 0}) go to the native descriptor.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>

#include <deque>

class QAbstractSocket;

// One read as the socket delivered it: what a single readyRead() had (TCP) or one datagram
// (UDP). Keeping reads apart is the point: the UI draws a boundary between them.
struct ReceivedChunk {
    qint64 readNumber = 0;  // 1 for the first read of this connection, never reused
    QByteArray bytes;
    QDateTime time;
};
Q_DECLARE_METATYPE(ReceivedChunk)

class ClientConnection : public QObject {
    Q_OBJECT

public:
    enum class Protocol { Tcp, Udp };
    enum class State { Connecting, Connected, HalfClosed, Closed, Error };
    Q_ENUM(State)

    // Received bytes kept for the UI; older reads are dropped (and counted) beyond this.
    static constexpr qsizetype kHistoryLimitBytes = 1024 * 1024;

    explicit ClientConnection(Protocol protocol, QObject* parent = nullptr);
    ~ClientConnection() override;

    // Starts connecting; for UDP this only fixes the peer (no packet is sent).
    void connectToHost(const QString& host, quint16 port);

    Protocol protocol() const { return m_protocol; }
    QString protocolText() const;
    State state() const { return m_state; }
    QString stateText() const;
    static QString stateText(State state);
    QString peerText() const;
    quint16 localPort() const;
    bool isOpen() const;
    bool isRepeating() const { return m_repeatTimer.isActive(); }
    QString lastError() const { return m_lastError; }

    qint64 bytesSent() const { return m_bytesSent; }
    qint64 bytesReceived() const { return m_bytesReceived; }
    qint64 droppedHistoryBytes() const { return m_droppedBytes; }
    const std::deque<ReceivedChunk>& history() const { return m_history; }

public slots:
    // Sends `payload` as one write, or as `pieces` writes each followed by flush(), so each
    // piece is its own send() call (TCP may still deliver them merged; UDP sends datagrams).
    bool sendBytes(const QByteArray& payload, int pieces = 1);
    // Sends `payload` `count` times, one every `intervalMs`, until done or cancelRepeat().
    void sendRepeated(const QByteArray& payload, int count, int intervalMs, int pieces = 1);
    void cancelRepeat();
    // TCP only: one byte of urgent data (MSG_OOB), after whatever is queued before it.
    bool sendUrgentByte(char byte);
    // TCP only: shutdown(SHUT_WR) once queued data is out; we can still receive.
    bool halfClose();
    // Orderly close: queued data goes out, then FIN.
    void close();
    // TCP: close with SO_LINGER {1, 0}, so the kernel sends RST. UDP: just closes.
    void abort();

signals:
    void stateChanged(ClientConnection::State state);
    void dataReceived(const ReceivedChunk& chunk);
    void countersChanged();
    void repeatProgressed(int done, int total);
    void errorOccurred(const QString& message);
    // Routine events that are not errors, e.g. "127.0.0.1:9991 closed the connection."
    void noticeReported(const QString& message);

private:
    void setState(State state);
    void connectSocketSignals();
    void onConnected();
    void onReadyRead();
    void onDisconnected();
    void onSocketError();
    void onBytesWritten();
    void onRepeatTick();
    void recordChunk(const QByteArray& bytes);
    bool writePiece(const QByteArray& piece);
    bool checkCanSend(bool tcpOnly);
    bool shutdownWrite();
    void reportError(const QString& message);

    Protocol m_protocol;
    State m_state = State::Closed;
    QAbstractSocket* m_socket = nullptr;
    QString m_host;
    quint16 m_port = 0;
    QString m_lastError;
    bool m_halfClosePending = false;
    qint64 m_bytesSent = 0;
    qint64 m_bytesReceived = 0;
    qint64 m_readCount = 0;
    qint64 m_droppedBytes = 0;
    qsizetype m_historyBytes = 0;
    std::deque<ReceivedChunk> m_history;
    QTimer m_repeatTimer;
    QByteArray m_repeatPayload;
    int m_repeatPieces = 1;
    int m_repeatTotal = 0;
    int m_repeatDone = 0;
};
