// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/lessons/lesson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <iterator>

#include "core/net/platform.h"
#include "core/poller/poller.h"
#include "ui/recording/json_fields.h"

namespace lesson {

using namespace record_line::fields;

namespace {

Text textAt(const QJsonObject& o, const char* key) {
    const QJsonValue v = required(o, QLatin1String(key));
    if (!v.isObject())
        damaged(QStringLiteral("%1 is not a text ({\"en\": ..., \"zh_CN\": ...})")
                    .arg(quoted(QLatin1String(key))));
    const QJsonObject t = v.toObject();
    onlyKnownKeys(t, {"en", "zh_CN"});
    Text text;
    text.en = stringAt(t, "en");
    if (t.contains(QLatin1String("zh_CN")))
        text.zhCN = stringAt(t, "zh_CN");
    return text;
}

FdRef fdRef(const QString& text) {
    static const QRegularExpression listener(QStringLiteral("^listener(?::(\\d{1,2}))?$"));
    static const QRegularExpression client(QStringLiteral("^client:(\\S+)$"));
    FdRef ref;
    if (const QRegularExpressionMatch m = listener.match(text); m.hasMatch()) {
        ref.kind = FdRef::Kind::Listener;
        ref.listener = m.captured(1).toInt();
    } else if (const QRegularExpressionMatch c = client.match(text); c.hasMatch()) {
        ref.kind = FdRef::Kind::Client;
        ref.client = c.captured(1);
    } else {
        damaged(QStringLiteral("\"fd\" is not listener, listener:N or client:NAME: %1")
                    .arg(quoted(text)));
    }
    return ref;
}

FdRef optionalFd(const QJsonObject& o) {
    return o.contains(QLatin1String("fd")) ? fdRef(stringAt(o, "fd")) : FdRef();
}

std::optional<Set> optionalSet(const QJsonObject& o, const char* key) {
    if (!o.contains(QLatin1String(key)))
        return std::nullopt;
    const QString name = stringAt(o, key);
    const char* names[] = {"read", "write", "except"};
    for (int i = 0; i < 3; ++i)
        if (name == QLatin1String(names[i]))
            return Set(i);
    damaged(QStringLiteral("%1 is not read, write or except").arg(quoted(QLatin1String(key))));
}

std::optional<ss::BackendKind> optionalBackend(const QJsonObject& o, const char* key) {
    if (!o.contains(QLatin1String(key)))
        return std::nullopt;
    const QString name = stringAt(o, key);
    if (const auto kind = ss::parseBackend(name.toStdString()))
        return kind;
    damaged(
        QStringLiteral("%1 names no backend: %2").arg(quoted(QLatin1String(key)), quoted(name)));
}

QString clientAt(const QJsonObject& o) {
    QString name = stringAt(o, "client");
    if (name.isEmpty() || name.contains(QLatin1Char(' ')))
        damaged(QStringLiteral("\"client\" must be a name without spaces"));
    return name;
}

QByteArray bytesOf(const QJsonObject& o) {
    const bool text = o.contains(QLatin1String("text"));
    if (text == o.contains(QLatin1String("hex")))
        damaged(QStringLiteral("give either \"text\" or \"hex\""));
    if (text)
        return stringAt(o, "text").toUtf8();
    const QString hex = stringAt(o, "hex").remove(QLatin1Char(' '));
    QByteArray bytes = QByteArray::fromHex(hex.toLatin1());
    if (hex.size() % 2 != 0 || bytes.size() * 2 != hex.size() || bytes.isEmpty())
        damaged(QStringLiteral("\"hex\" is not pairs of hex digits"));
    return bytes;
}

Action::Kind actionKind(const QString& name) {
    const char* names[] = {"start",      "stop",    "connect", "send",        "urgent",
                           "half-close", "close",   "reset",   "pause",       "resume",
                           "step",       "backend", "crowd",   "measure-cost"};
    for (int i = 0; i < int(std::size(names)); ++i)
        if (name == QLatin1String(names[i]))
            return Action::Kind(i);
    damaged(QStringLiteral("\"do\" names no action: %1").arg(quoted(name)));
}

Action readAction(const QJsonObject& o) {
    Action a;
    a.kind = actionKind(stringAt(o, "do"));
    switch (a.kind) {
        case Action::Kind::Start:
            onlyKnownKeys(o, {"do", "preset", "as_written", "backend", "epoll_mode", "timeout_ms"});
            a.preset = stringAt(o, "preset");
            a.asWritten = flagAt(o, "as_written");
            a.backend = optionalBackend(o, "backend");
            if (o.contains(QLatin1String("epoll_mode"))) {
                a.epollMode = ss::parseEpollMode(stringAt(o, "epoll_mode").toStdString());
                if (!a.epollMode)
                    damaged(QStringLiteral("\"epoll_mode\" is not lt, et or et-drain"));
            }
            if (o.contains(QLatin1String("timeout_ms")))
                a.timeoutMs = int(integerAt(o, "timeout_ms", -1, 60000));
            break;
        case Action::Kind::Connect:
            onlyKnownKeys(o, {"do", "client", "listener"});
            a.client = clientAt(o);
            a.listener = int(optionalIntegerAt(o, "listener", 0));
            if (a.listener < 0)
                damaged(QStringLiteral("\"listener\" is not an index from 0"));
            break;
        case Action::Kind::Send:
            onlyKnownKeys(o, {"do", "client", "text", "hex", "pieces"});
            a.client = clientAt(o);
            a.bytes = bytesOf(o);
            a.pieces = int(optionalIntegerAt(o, "pieces", 1));
            if (a.pieces < 1 || a.pieces > a.bytes.size())
                damaged(QStringLiteral("\"pieces\" is not from 1 to the number of bytes"));
            break;
        case Action::Kind::Urgent:
            onlyKnownKeys(o, {"do", "client", "byte"});
            a.client = clientAt(o);
            a.bytes = o.contains(QLatin1String("byte")) ? stringAt(o, "byte").toUtf8() : "!";
            if (a.bytes.size() != 1)
                damaged(QStringLiteral("\"byte\" is not one ASCII character"));
            break;
        case Action::Kind::HalfClose:
        case Action::Kind::Close:
        case Action::Kind::Reset:
            onlyKnownKeys(o, {"do", "client"});
            a.client = clientAt(o);
            break;
        case Action::Kind::Step:
            onlyKnownKeys(o, {"do", "calls"});
            a.calls = int(optionalIntegerAt(o, "calls", 1));
            if (a.calls < 1 || a.calls > 100)
                damaged(QStringLiteral("\"calls\" is not from 1 to 100"));
            break;
        case Action::Kind::Backend:
            onlyKnownKeys(o, {"do", "name"});
            a.backend = optionalBackend(o, "name");
            if (!a.backend)
                damaged(QStringLiteral("\"name\" is missing"));
            break;
        case Action::Kind::Crowd:
            onlyKnownKeys(o, {"do", "count", "listener"});
            a.count = int(integerAt(o, "count", 1, 5000));
            a.listener = int(optionalIntegerAt(o, "listener", 0));
            if (a.listener < 0)
                damaged(QStringLiteral("\"listener\" is not an index from 0"));
            break;
        case Action::Kind::Stop:
        case Action::Kind::Pause:
        case Action::Kind::Resume:
        case Action::Kind::MeasureCost:
            onlyKnownKeys(o, {"do"});
            break;
    }
    return a;
}

int errnoByName(const QString& name) {
    for (int code = 1; code < 256; ++code) {
        const char* known = ss::socketErrorName(code);
        if (known && name == QLatin1String(known))
            return code;
    }
    damaged(QStringLiteral("\"errno\" names no error: %1").arg(quoted(name)));
}

uint8_t interestLetters(const QString& letters) {
    uint8_t bits = 0;
    for (const QChar c : letters) {
        const int at = QStringLiteral("rwx").indexOf(c);
        if (at < 0)
            damaged(QStringLiteral("\"interest\" is not letters from r, w and x"));
        bits |= uint8_t(1u << at);
    }
    return bits;
}

Check readCheck(const QJsonValue& v);

void readCall(const QJsonObject& o, Check* c) {
    onlyKnownKeys(o, {"fd", "in", "ready", "null", "ret", "errno", "backend"});
    c->fd = optionalFd(o);
    c->in = optionalSet(o, "in");
    c->ready = optionalSet(o, "ready");
    c->nullSet = optionalSet(o, "null");
    if (c->fd.isSet() != (c->in || c->ready))
        damaged(QStringLiteral("\"fd\" goes with \"in\" or \"ready\", and they with it"));
    if (o.contains(QLatin1String("ret")))
        c->ret = int(integerAt(o, "ret", -1));
    if (o.contains(QLatin1String("errno")))
        c->err = errnoByName(stringAt(o, "errno"));
    c->backend = optionalBackend(o, "backend");
}

void readEvent(const QJsonObject& o, Check* c) {
    onlyKnownKeys(o, {"kind", "fd", "text", "reason"});
    c->event = byName<ss::EventKind>(stringAt(o, "kind"), int(ss::kLastEventKind),
                                     ss::eventKindName, "kind");
    c->fd = optionalFd(o);
    if (o.contains(QLatin1String("text")))
        c->text = stringAt(o, "text").toUtf8();
    if (o.contains(QLatin1String("reason")))
        c->reason =
            byName<ss::CloseReason>(stringAt(o, "reason"), int(ss::CloseReason::ExceptionalSet),
                                    ss::closeReasonName, "reason");
}

void readDescriptor(const QJsonObject& o, Check* c) {
    onlyKnownKeys(o, {"fd", "interest", "state", "gone"});
    c->fd = fdRef(stringAt(o, "fd"));
    if (o.contains(QLatin1String("interest")))
        c->interest = interestLetters(stringAt(o, "interest"));
    if (o.contains(QLatin1String("state")))
        c->state = byName<ss::ConnState>(stringAt(o, "state"), int(ss::ConnState::Unwatched),
                                         ss::connStateName, "state");
    c->gone = flagAt(o, "gone");
    if (c->gone && (c->interest || c->state))
        damaged(QStringLiteral("\"gone\" goes with no \"interest\" or \"state\""));
}

Check readCheck(const QJsonValue& v) {
    const QJsonObject outer = entryObject(v, "check");
    if (outer.size() != 1)
        damaged(
            QStringLiteral("a check has one key: call, event, received, descriptor, cost or all"));
    const QString kind = outer.begin().key();
    Check c;
    if (kind == QLatin1String("all")) {
        c.kind = Check::Kind::All;
        for (const QJsonValue part : arrayAt(outer, "all"))
            c.allOf.push_back(readCheck(part));
        if (c.allOf.empty())
            damaged(QStringLiteral("\"all\" is an empty list"));
        return c;
    }
    const QJsonObject o = entryObject(outer.begin().value(), "check");
    if (kind == QLatin1String("call")) {
        c.kind = Check::Kind::Call;
        readCall(o, &c);
    } else if (kind == QLatin1String("event")) {
        c.kind = Check::Kind::Event;
        readEvent(o, &c);
    } else if (kind == QLatin1String("received")) {
        c.kind = Check::Kind::Received;
        onlyKnownKeys(o, {"client", "text"});
        c.client = clientAt(o);
        c.text = stringAt(o, "text").toUtf8();
    } else if (kind == QLatin1String("cost")) {
        c.kind = Check::Kind::Cost;
        onlyKnownKeys(o, {"backend", "more_than", "descriptors"});
        c.backend = optionalBackend(o, "backend");
        c.cheaperBackend = optionalBackend(o, "more_than");
        if (!c.backend || !c.cheaperBackend)
            damaged(QStringLiteral("a cost check names \"backend\" and \"more_than\""));
        c.descriptors = int(integerAt(o, "descriptors", 1, 100000));
    } else if (kind == QLatin1String("descriptor")) {
        c.kind = Check::Kind::Descriptor;
        readDescriptor(o, &c);
    } else {
        damaged(QStringLiteral("a check is call, event, received, descriptor, cost or all, not %1")
                    .arg(quoted(kind)));
    }
    return c;
}

Step readStep(const QJsonObject& o) {
    onlyKnownKeys(o, {"title", "text", "actions", "look", "check"});
    Step step;
    step.title = textAt(o, "title");
    step.text = textAt(o, "text");
    if (o.contains(QLatin1String("actions"))) {
        int number = 0;
        for (const QJsonValue v : arrayAt(o, "actions")) {
            ++number;
            try {
                step.actions.push_back(readAction(entryObject(v, "actions")));
            } catch (const Damage& d) {
                damaged(QStringLiteral("action %1: %2").arg(number).arg(d.message));
            }
        }
    }
    if (o.contains(QLatin1String("look"))) {
        const QJsonObject look = entryObject(o.value(QLatin1String("look")), "look");
        onlyKnownKeys(look, {"view", "fd"});
        if (look.contains(QLatin1String("view"))) {
            step.look.view = stringAt(look, "view");
            const std::vector<QString>& views = viewNames();
            if (std::find(views.begin(), views.end(), step.look.view) == views.end())
                damaged(QStringLiteral("\"view\" names no view: %1").arg(quoted(step.look.view)));
        }
        step.look.fd = optionalFd(look);
    }
    if (o.contains(QLatin1String("check")))
        step.check = readCheck(o.value(QLatin1String("check")));
    return step;
}

// The line of a byte offset, for JSON syntax errors.
int lineOf(const QByteArray& json, int offset) {
    return 1 + int(std::count(json.constBegin(),
                              json.constBegin() + std::min(offset, int(json.size())), '\n'));
}

}  // namespace

QString Text::shown() const {
    const bool chinese = QLocale().language() == QLocale::Chinese;
    return chinese && !zhCN.isEmpty() ? zhCN : en;
}

QString FdRef::text() const {
    switch (kind) {
        case Kind::Listener:
            return QStringLiteral("listener:%1").arg(listener);
        case Kind::Client:
            return QStringLiteral("client:%1").arg(client);
        case Kind::None:
            break;
    }
    return QString();
}

const std::vector<QString>& viewNames() {
    static const std::vector<QString> names = {
        QStringLiteral("server"),  QStringLiteral("clients"),  QStringLiteral("descriptors"),
        QStringLiteral("fd-sets"), QStringLiteral("timeline"), QStringLiteral("calls"),
        QStringLiteral("events"),  QStringLiteral("plots"),    QStringLiteral("cost"),
        QStringLiteral("models")};
    return names;
}

bool parse(const QByteArray& json, Lesson* out, QString* error) {
    QJsonParseError jsonError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &jsonError);
    if (jsonError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("line %1: %2")
                     .arg(lineOf(json, jsonError.offset))
                     .arg(jsonError.errorString());
        return false;
    }
    int stepNumber = 0;
    try {
        if (!doc.isObject())
            damaged(QStringLiteral("a lesson is one JSON object"));
        const QJsonObject o = doc.object();
        onlyKnownKeys(o, {"id", "order", "title", "steps"});
        Lesson lesson;
        lesson.id = stringAt(o, "id");
        static const QRegularExpression id(QStringLiteral("^[A-Za-z0-9-]+$"));
        if (!id.match(lesson.id).hasMatch())
            damaged(QStringLiteral("\"id\" is not letters, digits and -"));
        if (o.contains(QLatin1String("order"))) {
            if (!o.value(QLatin1String("order")).isDouble())
                damaged(QStringLiteral("\"order\" is not a number"));
            lesson.order = o.value(QLatin1String("order")).toDouble();
        }
        lesson.title = textAt(o, "title");
        for (const QJsonValue v : arrayAt(o, "steps")) {
            ++stepNumber;
            lesson.steps.push_back(readStep(entryObject(v, "steps")));
        }
        stepNumber = 0;
        if (lesson.steps.empty())
            damaged(QStringLiteral("\"steps\" is an empty list"));
        *out = std::move(lesson);
        return true;
    } catch (const Damage& d) {
        *error = stepNumber > 0 ? QStringLiteral("step %1: %2").arg(stepNumber).arg(d.message)
                                : d.message;
        return false;
    }
}

}  // namespace lesson
