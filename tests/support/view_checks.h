// SPDX-License-Identifier: GPL-3.0-or-later
// What the window's tests share: an echo server on a free loopback port, the port a session's
// listener got, and two looks at a rendered view (is it more than blank, does it show a colour).
#pragma once

#include <QColor>
#include <QImage>
#include <QSet>
#include <QString>

#include <string>

#include "core/server/engine_config.h"
#include "core/server/listener_spec.h"
#include "ui/engine_session.h"

namespace view_checks {

// An echo listener on 127.0.0.1, port 0: the kernel picks a free one.
inline ss::EngineConfig echoOnFreePort(ss::BackendKind backend = ss::BackendKind::Select,
                                       int timeoutMs = 100) {
    std::string error;
    ss::EngineConfig config;
    config.listeners.push_back(*ss::parseListenSpec("127.0.0.1:0=echo", &error));
    config.backend = backend;
    config.timeoutMs = timeoutMs;
    return config;
}

// The first listener's port, from the session's last descriptor snapshot; 0 before it has one.
inline int listenerPort(const EngineSession& session) {
    for (const ss::DescriptorInfo& d : session.lastDescriptors()) {
        if (d.role == ss::Role::Listener)
            return QString::fromStdString(d.local).section(QLatin1Char(':'), -1).toInt();
    }
    return 0;
}

// Distinct colours in every other pixel of every other row: a blank widget has one or two.
inline int distinctColours(const QImage& image) {
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2)
            colours.insert(image.pixel(x, y));
    }
    return static_cast<int>(colours.size());
}

inline bool hasColour(const QImage& image, const QColor& colour) {
    const QRgb wanted = colour.rgb();
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixel(x, y) == wanted)
                return true;
        }
    }
    return false;
}

}  // namespace view_checks
