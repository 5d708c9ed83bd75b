// SPDX-License-Identifier: GPL-3.0-or-later
// What an action does and what a check waits for, in English: the words of --autoplay's report
// and of the Lessons panel's "waiting for" line.
#include <QStringList>

#include "ui/lessons/lesson.h"

#include "core/net/platform.h"

namespace lesson {

namespace {

QString setName(Set set) {
    const char* names[] = {"read", "write", "except"};
    return QLatin1String(names[int(set)]);
}

QString latin(std::string_view text) {
    return QString::fromLatin1(text.data(), qsizetype(text.size()));
}

}  // namespace

QString Action::describe() const {
    switch (kind) {
        case Kind::Start:
            return QStringLiteral("start %1%2").arg(preset, asWritten ? " (as written)" : "");
        case Kind::Stop:
            return QStringLiteral("stop the server");
        case Kind::Connect:
            return QStringLiteral("connect %1 to listener:%2").arg(client).arg(listener);
        case Kind::Send:
            return QStringLiteral("send %1 bytes from %2").arg(bytes.size()).arg(client);
        case Kind::Urgent:
            return QStringLiteral("send an urgent byte from %1").arg(client);
        case Kind::HalfClose:
            return QStringLiteral("half-close %1").arg(client);
        case Kind::Close:
            return QStringLiteral("close %1").arg(client);
        case Kind::Reset:
            return QStringLiteral("reset %1").arg(client);
        case Kind::Pause:
            return QStringLiteral("pause");
        case Kind::Resume:
            return QStringLiteral("resume");
        case Kind::Step:
            return QStringLiteral("step %1 call(s)").arg(calls);
        case Kind::Backend:
            return QStringLiteral("switch to %1").arg(latin(ss::backendName(*backend)));
    }
    return QString();
}

QString Check::describe() const {
    QStringList parts;
    switch (kind) {
        case Kind::None:
            return QStringLiteral("nothing");
        case Kind::Call:
            if (in)
                parts << QStringLiteral("%1 in the %2 set passed").arg(fd.text(), setName(*in));
            if (ready)
                parts << QStringLiteral("%1 in the ready %2 set").arg(fd.text(), setName(*ready));
            if (nullSet)
                parts << QStringLiteral("the %1 set passed as NULL").arg(setName(*nullSet));
            if (ret)
                parts << QStringLiteral("returning %1").arg(*ret);
            if (err) {
                const char* name = ss::socketErrorName(*err);
                parts << QStringLiteral("failing with %1")
                             .arg(name ? QLatin1String(name) : QString::number(*err));
            }
            if (backend)
                parts << QStringLiteral("on %1").arg(latin(ss::backendName(*backend)));
            return QStringLiteral("a wait call") +
                   (parts.isEmpty() ? QString() : QStringLiteral(" with ") + parts.join(", "));
        case Kind::Event:
            parts << QStringLiteral("a %1 event").arg(latin(ss::eventKindName(*event)));
            if (fd.isSet())
                parts << QStringLiteral("on %1").arg(fd.text());
            if (!text.isEmpty())
                parts << QStringLiteral("with \"%1\"").arg(QString::fromUtf8(text));
            if (reason)
                parts << QStringLiteral("for %1").arg(latin(ss::closeReasonName(*reason)));
            return parts.join(' ');
        case Kind::Received:
            return QStringLiteral("%1 receiving \"%2\"").arg(client, QString::fromUtf8(text));
        case Kind::Descriptor:
            if (gone)
                return QStringLiteral("%1 gone from the descriptor table").arg(fd.text());
            parts << QStringLiteral("%1 in the descriptor table").arg(fd.text());
            if (interest) {
                QString letters;
                for (int i = 0; i < 3; ++i)
                    letters += (*interest & (1u << i)) ? QLatin1Char("rwx"[i]) : QLatin1Char('-');
                parts << QStringLiteral("with interest %1").arg(letters);
            }
            if (state)
                parts << QStringLiteral("%1").arg(latin(ss::connStateName(*state)));
            return parts.join(' ');
        case Kind::All:
            for (const Check& part : allOf)
                parts << part.describe();
            return parts.join(QStringLiteral(", and "));
    }
    return QString();
}

}  // namespace lesson
