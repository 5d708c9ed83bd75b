// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/recording/start_line.h"

#include <optional>

#include "ui/recording/json_fields.h"

namespace record_line {

namespace {

using namespace fields;

std::string optionalStringAt(const QJsonObject& o, const char* key) {
    return o.contains(QLatin1String(key)) ? stringAt(o, key).toStdString() : std::string();
}

uint64_t countAt(const QJsonObject& o, const char* key) {
    return uint64_t(o.contains(QLatin1String(key)) ? integerAt(o, key, 0, kMaxCount) : 0);
}

ss::DescriptorInfo readDescriptor(const QJsonObject& d) {
    onlyKnownKeys(d, {"fd", "role", "local", "peer", "listener_fd", "behaviour", "interest",
                      "state", "app_queue_bytes", "app_queue_messages", "bytes_in", "bytes_out"});
    ss::DescriptorInfo info;
    info.fd = int32_t(integerAt(d, "fd", 0));
    info.role = byName<ss::Role>(stringAt(d, "role"), int(ss::Role::Wakeup), ss::roleName, "role");
    info.local = optionalStringAt(d, "local");
    info.peer = optionalStringAt(d, "peer");
    info.behaviour = optionalStringAt(d, "behaviour");
    info.listenerFd = int32_t(optionalIntegerAt(d, "listener_fd", -1));
    info.interest =
        uint8_t(d.contains(QLatin1String("interest")) ? integerAt(d, "interest", 0, 7) : 0);
    if (d.contains(QLatin1String("state")))
        info.state = byName<ss::ConnState>(stringAt(d, "state"), int(ss::ConnState::Unwatched),
                                           ss::connStateName, "state");
    info.appQueueBytes = countAt(d, "app_queue_bytes");
    info.appQueueMessages = countAt(d, "app_queue_messages");
    info.bytesIn = countAt(d, "bytes_in");
    info.bytesOut = countAt(d, "bytes_out");
    return info;
}

void readTracedStart(const QJsonObject& o, StartInfo* out) {
    onlyKnownKeys(o, {"type", "source", "command", "pid", "seccomp", "trace", "version"});
    if (stringAt(o, "source") != QLatin1String("trace"))
        damaged(QStringLiteral("\"source\" is not \"trace\""));
    out->traced = true;
    out->command = stringAt(o, "command").toStdString();
    out->pid = int32_t(integerAt(o, "pid", 1, INT32_MAX));
    out->seccomp = flagAt(o, "seccomp");
    out->trace = stringAt(o, "trace").toStdString();
    out->version = stringAt(o, "version").toStdString();
}

}  // namespace

void readStart(const QJsonObject& o, StartInfo* out) {
    if (o.contains(QLatin1String("source"))) {
        readTracedStart(o, out);
        return;
    }
    onlyKnownKeys(o, {"type", "backend", "epoll_mode", "model", "listeners", "timeout_ms", "trace",
                      "version", "descriptors"});
    const std::optional<ss::BackendKind> backend =
        ss::parseBackend(stringAt(o, "backend").toStdString());
    if (!backend)
        damaged(QStringLiteral("\"backend\" names no backend"));
    out->backend = *backend;
    if (o.contains(QLatin1String("epoll_mode"))) {
        const std::optional<ss::EpollMode> mode =
            ss::parseEpollMode(stringAt(o, "epoll_mode").toStdString());
        if (!mode)
            damaged(QStringLiteral("\"epoll_mode\" names no epoll mode"));
        out->epollMode = *mode;
    }
    if (o.contains(QLatin1String("model")))
        out->model = byName<ss::IoModel>(stringAt(o, "model"), int(ss::IoModel::NonBlocking),
                                         ss::ioModelName, "model");
    for (const QJsonValue v : arrayAt(o, "listeners")) {
        if (!v.isString())
            damaged(QStringLiteral("an entry of \"listeners\" is not a string"));
        out->listeners.push_back(v.toString().toStdString());
    }
    out->timeoutMs = int32_t(integerAt(o, "timeout_ms", -1));
    out->trace = stringAt(o, "trace").toStdString();
    out->version = stringAt(o, "version").toStdString();
    if (o.contains(QLatin1String("descriptors")))
        for (const QJsonValue v : arrayAt(o, "descriptors"))
            out->descriptors.push_back(readDescriptor(entryObject(v, "descriptors")));
}

}  // namespace record_line
