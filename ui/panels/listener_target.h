// SPDX-License-Identifier: GPL-3.0-or-later
// Where the built-in clients and the load connect unless the user says otherwise: the first TCP
// listener a source reports in each of its runs, so that the first Connect reaches the server on
// screen even on a port the kernel chose. The client and load panels each follow one.
#pragma once

#include <QObject>
#include <QString>

#include <vector>

#include "core/server/engine_config.h"

class TraceSource;

class ListenerTarget : public QObject {
    Q_OBJECT

public:
    explicit ListenerTarget(TraceSource* source, QObject* parent = nullptr);

signals:
    // At most once per run of the source.
    void listenerFound(const QString& host, quint16 port);

private:
    void forget();
    void lookAt(const std::vector<ss::DescriptorInfo>& rows);

    bool m_found = false;
};
