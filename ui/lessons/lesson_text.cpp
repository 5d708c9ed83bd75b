// SPDX-License-Identifier: GPL-3.0-or-later
// What an action does and what a check waits for, in the interface's language: the words of the
// Lessons panel's "waiting for" line and of --autoplay's report. Descriptor names (listener:1,
// client:a), event kinds and errno names stay as the lesson file and the trace write them.
#include <QCoreApplication>
#include <QStringList>

#include "core/net/platform.h"
#include "ui/lessons/lesson.h"

namespace lesson {

namespace {

// The translation context of these words.
struct LessonText {
    Q_DECLARE_TR_FUNCTIONS(LessonText)
};

QString setName(Set set) {
    const char* names[] = {QT_TRANSLATE_NOOP("LessonText", "read"),
                           QT_TRANSLATE_NOOP("LessonText", "write"),
                           QT_TRANSLATE_NOOP("LessonText", "except")};
    return LessonText::tr(names[int(set)]);
}

QString latin(std::string_view text) {
    return QString::fromLatin1(text.data(), qsizetype(text.size()));
}

QString callText(const Check& c) {
    QStringList parts;
    if (c.in)
        parts << LessonText::tr("%1 in the %2 set passed").arg(c.fd.text(), setName(*c.in));
    if (c.ready)
        parts << LessonText::tr("%1 in the ready %2 set").arg(c.fd.text(), setName(*c.ready));
    if (c.nullSet)
        parts << LessonText::tr("the %1 set passed as NULL").arg(setName(*c.nullSet));
    if (c.ret)
        parts << LessonText::tr("returning %1").arg(*c.ret);
    if (c.err) {
        const char* name = ss::socketErrorName(*c.err);
        parts << LessonText::tr("failing with %1")
                     .arg(name ? QLatin1String(name) : QString::number(*c.err));
    }
    if (c.backend)
        parts << LessonText::tr("on %1").arg(latin(ss::backendName(*c.backend)));
    return parts.isEmpty()
               ? LessonText::tr("a wait call")
               : LessonText::tr("a wait call with %1").arg(parts.join(LessonText::tr(", ")));
}

QString eventText(const Check& c) {
    QStringList parts{LessonText::tr("a %1 event").arg(latin(ss::eventKindName(*c.event)))};
    if (c.fd.isSet())
        parts << LessonText::tr("on %1").arg(c.fd.text());
    if (!c.text.isEmpty())
        parts << LessonText::tr("with \"%1\"").arg(QString::fromUtf8(c.text));
    if (c.reason)
        parts << LessonText::tr("for %1").arg(latin(ss::closeReasonName(*c.reason)));
    return parts.join(QLatin1Char(' '));
}

QString descriptorText(const Check& c) {
    if (c.gone)
        return LessonText::tr("%1 gone from the descriptor table").arg(c.fd.text());
    QStringList parts{LessonText::tr("%1 in the descriptor table").arg(c.fd.text())};
    if (c.interest) {
        QString letters;
        for (int i = 0; i < 3; ++i)
            letters += (*c.interest & (1u << i)) ? QLatin1Char("rwx"[i]) : QLatin1Char('-');
        parts << LessonText::tr("with interest %1").arg(letters);
    }
    if (c.state)
        parts << latin(ss::connStateName(*c.state));
    return parts.join(QLatin1Char(' '));
}

}  // namespace

QString Action::describe() const {
    switch (kind) {
        case Kind::Start:
            return asWritten ? LessonText::tr("start %1 as written").arg(preset)
                             : LessonText::tr("start %1").arg(preset);
        case Kind::Stop:
            return LessonText::tr("stop the server");
        case Kind::Connect:
            return LessonText::tr("connect %1 to listener:%2").arg(client).arg(listener);
        case Kind::Send:
            return LessonText::tr("send %1 bytes from %2").arg(bytes.size()).arg(client);
        case Kind::Urgent:
            return LessonText::tr("send an urgent byte from %1").arg(client);
        case Kind::HalfClose:
            return LessonText::tr("half-close %1").arg(client);
        case Kind::Close:
            return LessonText::tr("close %1").arg(client);
        case Kind::Reset:
            return LessonText::tr("reset %1").arg(client);
        case Kind::Pause:
            return LessonText::tr("pause");
        case Kind::Resume:
            return LessonText::tr("resume");
        case Kind::Step:
            return LessonText::tr("step %1 call(s)").arg(calls);
        case Kind::Backend:
            return LessonText::tr("switch to %1").arg(latin(ss::backendName(*backend)));
        case Kind::MeasureCost:
            return LessonText::tr("measure the cost of a wait call");
        case Kind::Crowd:
            return LessonText::tr("open %1 silent connections to listener:%2")
                .arg(count)
                .arg(listener);
    }
    return QString();
}

QString Check::describe() const {
    switch (kind) {
        case Kind::None:
            return LessonText::tr("nothing");
        case Kind::Call:
            return callText(*this);
        case Kind::Event:
            return eventText(*this);
        case Kind::Received:
            return LessonText::tr("%1 receiving \"%2\"").arg(client, QString::fromUtf8(text));
        case Kind::Descriptor:
            return descriptorText(*this);
        case Kind::Cost:
            return LessonText::tr("a wait call costing more on %1 than on %2 at %3 descriptors")
                .arg(latin(ss::backendName(*backend)), latin(ss::backendName(*cheaperBackend)))
                .arg(descriptors);
        case Kind::All: {
            QStringList parts;
            for (const Check& part : allOf)
                parts << part.describe();
            return parts.join(andJoiner());
        }
    }
    return QString();
}

QString andJoiner() {
    return LessonText::tr(", and ");
}

}  // namespace lesson
