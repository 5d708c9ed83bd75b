// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/listener_target.h"

#include "ui/to_qstring.h"
#include "ui/trace_source.h"

ListenerTarget::ListenerTarget(TraceSource* source, QObject* parent) : QObject(parent) {
    connect(source, &TraceSource::started, this, &ListenerTarget::forget);
    connect(source, &TraceSource::descriptorsUpdated, this, &ListenerTarget::lookAt);
}

void ListenerTarget::forget() {
    m_found = false;
}

void ListenerTarget::lookAt(const std::vector<ss::DescriptorInfo>& rows) {
    if (m_found)
        return;
    for (const ss::DescriptorInfo& row : rows) {
        if (row.role != ss::Role::Listener)
            continue;
        const QString local = toQString(row.local);
        const int colon = local.lastIndexOf(QLatin1Char(':'));
        bool ok = false;
        const uint port = local.mid(colon + 1).toUInt(&ok);
        if (colon <= 0 || !ok || port == 0 || port > 65535)
            continue;
        QString host = local.left(colon);
        host.remove(QLatin1Char('[')).remove(QLatin1Char(']'));
        m_found = true;
        emit listenerFound(host, static_cast<quint16>(port));
        return;
    }
}
