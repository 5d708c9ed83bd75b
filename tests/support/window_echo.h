// SPDX-License-Identifier: GPL-3.0-or-later
// For Qt Test cases that run the window's built-in server as an echo server on a loopback port
// the kernel picks, talk to it with a QTcpSocket and read what a recording replays.
#pragma once

#include <QString>
#include <QTcpSocket>
#include <QtTest>

#include "core/server/engine_config.h"
#include "core/server/listener_spec.h"
#include "ui/main_window.h"
#include "ui/recording_source.h"

namespace window_echo {

constexpr int kWaitMs = 10000;

inline ss::EngineConfig echoServer() {
    ss::EngineConfig config;
    config.listeners.push_back(*ss::parseListenSpec("127.0.0.1:0=echo", nullptr));
    return config;
}

// Sends `message` and fails the test unless it comes back whole.
inline void echo(QTcpSocket& client, const QByteArray& message) {
    client.write(message);
    QVERIFY(client.waitForBytesWritten(kWaitMs));
    QByteArray reply;
    while (reply.size() < message.size() && client.waitForReadyRead(kWaitMs))
        reply += client.readAll();
    QCOMPARE(reply, message);
}

// The port of the window's server, once its listener is in the descriptor snapshot.
inline quint16 listenerPort(MainWindow& window) {
    quint16 port = 0;
    const auto find = [&] {
        for (const ss::DescriptorInfo& d : window.session()->lastDescriptors())
            if (d.role == ss::Role::Listener)
                port =
                    quint16(QString::fromStdString(d.local).section(QLatin1Char(':'), -1).toUInt());
        return port != 0;
    };
    [&] { QTRY_VERIFY_WITH_TIMEOUT(find(), kWaitMs); }();
    return port;
}

// The row a replay shows for the connection from `peer`, null when it shows none.
inline const ss::DescriptorInfo* rowWithPeer(const TraceSource& source, const QString& peer) {
    for (const ss::DescriptorInfo& d : source.lastDescriptors())
        if (QString::fromStdString(d.peer) == peer)
            return &d;
    return nullptr;
}

}  // namespace window_echo
