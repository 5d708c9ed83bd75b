// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/recording/record_line.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <optional>

#include "core/trace/json_lines.h"
#include "ui/recording/json_fields.h"
#include "ui/recording/start_line.h"

namespace record_line {

namespace {

using namespace fields;

// "blocked_us":812.125 is the nanoseconds written with three decimals.
int64_t microsecondsAsNs(const QJsonObject& o, const char* key) {
    const QLatin1String name(key);
    const QJsonValue v = required(o, name);
    if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() > double(kMaxUs))
        damaged(QStringLiteral("%1 is not a duration in microseconds").arg(quoted(name)));
    return std::llround(v.toDouble() * 1000);
}

std::vector<int32_t> fdList(const QJsonValue& v, QLatin1String key) {
    if (!v.isArray())
        damaged(QStringLiteral("%1 is not a list of descriptors").arg(quoted(key)));
    std::vector<int32_t> fds;
    for (const QJsonValue fd : v.toArray())
        fds.push_back(int32_t(integer(fd, key, -1)));
    return fds;
}

// "in" and "ready": a NULL set (select) is null in both, and marks its bit in nullSets.
void readSets(const QJsonObject& o, ss::CallRecord* c) {
    const QJsonValue in = required(o, QLatin1String("in"));
    const QJsonValue ready = required(o, QLatin1String("ready"));
    if (!in.isObject() || !ready.isObject())
        damaged(QStringLiteral("\"in\" and \"ready\" must be objects"));
    const QJsonObject inSets = in.toObject();
    const QJsonObject readySets = ready.toObject();
    onlyKnownKeys(inSets, {"read", "write", "except"});
    onlyKnownKeys(readySets, {"read", "write", "except", "hangup", "error"});
    std::vector<int32_t>* inLists[] = {&c->inRead, &c->inWrite, &c->inExcept};
    std::vector<int32_t>* readyLists[] = {&c->readyRead, &c->readyWrite, &c->readyExcept,
                                          &c->readyHangup, &c->readyError};
    const char* names[] = {"read", "write", "except", "hangup", "error"};
    const char* inKeys[] = {"in.read", "in.write", "in.except"};
    const char* readyKeys[] = {"ready.read", "ready.write", "ready.except", "ready.hangup",
                               "ready.error"};
    for (int i = 0; i < 5; ++i) {
        const QLatin1String name(names[i]);
        const QJsonValue readyList = required(readySets, name);
        if (i < 3) {
            const QJsonValue inList = required(inSets, name);
            if (inList.isNull() != readyList.isNull())
                damaged(
                    QStringLiteral("in.%1 and ready.%1 must both be null or both lists").arg(name));
            if (inList.isNull()) {
                c->nullSets |= uint8_t(1u << i);
                continue;
            }
            *inLists[i] = fdList(inList, QLatin1String(inKeys[i]));
        }
        *readyLists[i] = fdList(readyList, QLatin1String(readyKeys[i]));
    }
}

ss::InterestChange::Op changeOp(const QString& name) {
    if (name == QLatin1String("add"))
        return ss::InterestChange::Op::Add;
    if (name == QLatin1String("modify"))
        return ss::InterestChange::Op::Modify;
    if (name == QLatin1String("delete"))
        return ss::InterestChange::Op::Delete;
    damaged(QStringLiteral("\"op\" has an unknown value %1").arg(quoted(name)));
}

void readChanges(const QJsonObject& o, ss::CallRecord* c) {
    if (!o.contains(QLatin1String("changes")))
        return;
    for (const QJsonValue v : arrayAt(o, "changes")) {
        const QJsonObject e = entryObject(v, "changes");
        onlyKnownKeys(e, {"op", "fd", "interest", "et"});
        ss::InterestChange change;
        change.op = changeOp(stringAt(e, "op"));
        change.fd = int32_t(integerAt(e, "fd", -1));
        change.interest = uint8_t(integerAt(e, "interest", 0, 0xFF));
        change.edgeTriggered = flagAt(e, "et");
        c->changes.push_back(change);
    }
}

void readWhy(const QJsonObject& o, ss::CallRecord* c) {
    if (!o.contains(QLatin1String("why")))
        return;
    for (const QJsonValue v : arrayAt(o, "why")) {
        const QJsonObject e = entryObject(v, "why");
        onlyKnownKeys(
            e, {"fd", "accept_queue", "recv_queue", "send_free", "peer_closed", "reset", "urgent"});
        ss::ReadyFacts facts;
        facts.fd = int32_t(integerAt(e, "fd", -1));
        facts.acceptQueue = int32_t(optionalIntegerAt(e, "accept_queue", -1));
        facts.recvQueue = int32_t(optionalIntegerAt(e, "recv_queue", -1));
        facts.sendFree = int32_t(optionalIntegerAt(e, "send_free", -1));
        if (flagAt(e, "peer_closed"))
            facts.flags |= ss::ReadyFacts::PeerClosed;
        if (flagAt(e, "reset"))
            facts.flags |= ss::ReadyFacts::Reset;
        if (flagAt(e, "urgent"))
            facts.flags |= ss::ReadyFacts::Urgent;
        c->why.push_back(facts);
    }
}

// What every call line has: its number, its time, what it returned and how long it blocked.
// errno_name is not kept: it is errno's name on the machine that writes the line.
// "pid" and "tid" of a traced program's record, both or neither; 0 when absent.
void readProcess(const QJsonObject& o, int32_t* pid, int32_t* tid) {
    if (o.contains(QLatin1String("pid")) != o.contains(QLatin1String("tid")))
        damaged(QStringLiteral("\"pid\" and \"tid\" come together"));
    *pid = int32_t(optionalIntegerAt(o, "pid", 0, 1, INT32_MAX));
    *tid = int32_t(optionalIntegerAt(o, "tid", 0, 1, INT32_MAX));
}

void readCallCommon(const QJsonObject& o, ss::CallRecord* c) {
    c->number = uint64_t(integerAt(o, "n", 0, kMaxCount));
    c->startNs = integerAt(o, "t_us", 0, kMaxUs) * 1000;
    c->ret = int32_t(integerAt(o, "ret"));
    c->err = int32_t(integerAt(o, "errno", 0));
    stringAt(o, "errno_name");
    c->durationNs = microsecondsAsNs(o, "blocked_us");
}

// A traced program's labels (core/tracer): "pid" and "tid" together, the call's other
// arguments and what could not be read of them.
void readTraced(const QJsonObject& o, ss::CallRecord* c) {
    readProcess(o, &c->pid, &c->tid);
    if (o.contains(QLatin1String("args")))
        c->args = stringAt(o, "args").toStdString();
    if (o.contains(QLatin1String("fault")))
        c->fault = stringAt(o, "fault").toStdString();
}

// "call" names a system call of a traced program ("pselect6", "recvfrom") or, for the engine's
// IO-model servers, a kind of call ("accept", "recv", "send"); absent on the engine's waits.
void readCallName(const QJsonObject& o, ss::CallRecord* c) {
    if (!o.contains(QLatin1String("call")))
        return;
    const QString name = stringAt(o, "call");
    for (int i = 1; i <= int(ss::kLastSyscall); ++i) {
        const auto call = static_cast<ss::Syscall>(i);
        if (name ==
            QLatin1String(ss::syscallName(call).data(), qsizetype(ss::syscallName(call).size()))) {
            c->syscall = call;
            c->kind = ss::syscallKind(call);
            return;
        }
    }
    c->kind = byName<ss::CallKind>(name, int(ss::CallKind::Other), ss::callKindName, "call");
    if (c->kind == ss::CallKind::Wait)
        damaged(QStringLiteral("\"call\" names a wait call, which has no \"call\" key"));
}

void readCall(const QJsonObject& o, ss::CallRecord* c) {
    readCallName(o, c);
    if (c->kind != ss::CallKind::Wait) {  // an accept, recv or send, or another socket call
        onlyKnownKeys(o, {"type", "n", "t_us", "call", "fd", "thread", "pid", "tid", "ret", "errno",
                          "errno_name", "blocked_us", "args", "fault"});
        readCallCommon(o, c);
        c->fd = int32_t(integerAt(o, "fd", -1));
        c->thread = uint32_t(optionalIntegerAt(o, "thread", 0, 0, UINT32_MAX));
        readTraced(o, c);
        return;
    }
    onlyKnownKeys(
        o, {"type", "n", "t_us", "backend", "call", "pid", "tid", "timeout_ms", "in", "ready",
            "ret", "errno", "errno_name", "blocked_us", "changes", "why", "args", "fault"});
    readCallCommon(o, c);
    const std::optional<ss::BackendKind> backend =
        ss::parseBackend(stringAt(o, "backend").toStdString());
    if (!backend)
        damaged(QStringLiteral("\"backend\" names no backend"));
    c->backend = *backend;
    c->timeoutMs = int32_t(integerAt(o, "timeout_ms", -1));
    readSets(o, c);
    readChanges(o, c);
    readWhy(o, c);
    readTraced(o, c);
}

// The event's aux, from the key its kind writes it under (json_lines.h, eventAuxKey).
int64_t eventAux(const QJsonObject& o, ss::EventKind kind) {
    const std::string_view key = ss::eventAuxKey(kind);
    const QLatin1String name(key.data(), qsizetype(key.size()));
    if (!o.contains(name))
        return 0;
    switch (kind) {
        case ss::EventKind::Exception:
            return int64_t(
                byName<int>(stringAt(o, key.data()), 2, ss::exceptionOutcomeName, "then"));
        case ss::EventKind::BusyLoop:
            return int64_t(byName<int>(stringAt(o, key.data()),
                                       int(ss::SpinReason::ZeroTimeoutIdle), ss::spinReasonName,
                                       "reason"));
        case ss::EventKind::Close:
            return int64_t(byName<ss::CloseReason>(stringAt(o, key.data()),
                                                   int(ss::CloseReason::ExceptionalSet),
                                                   ss::closeReasonName, "reason"));
        default:
            return integer(o.value(name), name, -kMaxCount, kMaxCount);
    }
}

// The preview's exact bytes are in preview_hex; "preview" is for people (invalid UTF-8 is
// replaced there).
std::string previewBytes(const QJsonObject& o) {
    if (!o.contains(QLatin1String("preview_hex"))) {
        if (o.contains(QLatin1String("preview")))
            damaged(QStringLiteral("\"preview\" comes without \"preview_hex\""));
        return {};
    }
    const QByteArray hex = stringAt(o, "preview_hex").toLatin1();
    const QByteArray bytes = QByteArray::fromHex(hex);
    if (bytes.toHex() != hex.toLower() || bytes.size() > qsizetype(ss::kPreviewBytes))
        damaged(QStringLiteral("\"preview_hex\" is not the hex of at most %1 bytes")
                    .arg(ss::kPreviewBytes));
    stringAt(o, "preview");
    return bytes.toStdString();
}

// The kind first: it says which key the aux value is under.
void readEvent(const QJsonObject& o, ss::SocketEvent* e) {
    e->kind = byName<ss::EventKind>(stringAt(o, "kind"), int(ss::kLastEventKind), ss::eventKindName,
                                    "kind");
    const std::string_view auxKey = ss::eventAuxKey(e->kind);
    onlyKnownKeys(o, {"type", "n", "t_us", "kind", "fd", "pid", "tid", "role", "bytes", "preview",
                      "preview_hex", auxKey.data(), "errno", "errno_name", "error", "text"});
    e->number = uint64_t(integerAt(o, "n", 0, kMaxCount));
    e->timeNs = integerAt(o, "t_us", 0, kMaxUs) * 1000;
    e->fd = int32_t(integerAt(o, "fd", -1));
    e->role = byName<ss::Role>(stringAt(o, "role"), int(ss::Role::Wakeup), ss::roleName, "role");
    e->bytes = integerAt(o, "bytes", -kMaxCount, kMaxCount);
    e->preview = previewBytes(o);
    e->aux = eventAux(o, e->kind);
    e->err = int32_t(optionalIntegerAt(o, "errno", 0));
    if (o.contains(QLatin1String("text")))
        e->text = stringAt(o, "text").toStdString();
    readProcess(o, &e->pid, &e->tid);
}

Type lineType(const QJsonObject& o) {
    const QString type = stringAt(o, "type");
    if (type == QLatin1String("call"))
        return Type::Call;
    if (type == QLatin1String("event"))
        return Type::Event;
    if (type == QLatin1String("start"))
        return Type::Start;
    if (type == QLatin1String("summary"))
        return Type::Summary;
    damaged(QStringLiteral("\"type\" has an unknown value %1").arg(quoted(type)));
}

}  // namespace

bool parse(const QByteArray& line, Parsed* out, QString* error) {
    QJsonParseError jsonError{};
    const QJsonDocument doc = QJsonDocument::fromJson(line, &jsonError);
    if (jsonError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = jsonError.error != QJsonParseError::NoError
                     ? QStringLiteral("not JSON: %1 at byte %2")
                           .arg(jsonError.errorString())
                           .arg(jsonError.offset + 1)
                     : QStringLiteral("not a JSON object");
        return false;
    }
    const QJsonObject o = doc.object();
    try {
        *out = Parsed{};
        out->type = lineType(o);
        if (out->type == Type::Start)
            readStart(o, &out->start);
        else if (out->type == Type::Call)
            readCall(o, &out->call);
        else if (out->type == Type::Event)
            readEvent(o, &out->event);
    } catch (const Damage& d) {
        *error = d.message;
        return false;
    }
    return true;
}

}  // namespace record_line
