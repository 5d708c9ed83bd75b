// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/lessons/lesson_check.h"

#include <QStringList>

#include <algorithm>

namespace lesson {

namespace {

bool contains(const std::vector<int32_t>& fds, int fd) {
    return std::find(fds.begin(), fds.end(), fd) != fds.end();
}

const std::vector<int32_t>& passed(const ss::CallRecord& c, Set set) {
    return set == Set::Read ? c.inRead : set == Set::Write ? c.inWrite : c.inExcept;
}

const std::vector<int32_t>& ready(const ss::CallRecord& c, Set set) {
    return set == Set::Read ? c.readyRead : set == Set::Write ? c.readyWrite : c.readyExcept;
}

bool callMatches(const Check& check, const ss::CallRecord& c, int fd) {
    if (check.in && !contains(passed(c, *check.in), fd))
        return false;
    if (check.ready && !contains(ready(c, *check.ready), fd))
        return false;
    if (check.nullSet && !(c.nullSets & (1u << int(*check.nullSet))))
        return false;
    if (check.ret && c.ret != *check.ret)
        return false;
    if (check.err && c.err != *check.err)
        return false;
    return !check.backend || c.backend == *check.backend;
}

bool eventMatches(const Check& check, const ss::SocketEvent& e, int fd) {
    if (e.kind != *check.event || (check.fd.isSet() && e.fd != fd))
        return false;
    if (check.reason && e.aux != int64_t(*check.reason))
        return false;
    if (check.text.isEmpty())
        return true;
    const QByteArray preview = QByteArray::fromStdString(e.preview);
    return preview.contains(check.text) || QByteArray::fromStdString(e.text).contains(check.text);
}

bool descriptorMatches(const Check& check, const std::vector<ss::DescriptorInfo>& rows, int fd) {
    if (fd < 0)
        return false;
    const auto row = std::find_if(rows.begin(), rows.end(),
                                  [fd](const ss::DescriptorInfo& d) { return d.fd == fd; });
    if (check.gone)
        return row == rows.end();
    if (row == rows.end())
        return false;
    return (!check.interest || row->interest == *check.interest) &&
           (!check.state || row->state == *check.state);
}

}  // namespace

bool holds(const Check& check, const Evidence& evidence, const Resolver& resolver) {
    const int fd = check.fd.isSet() ? resolver.fd(check.fd) : -1;
    if (check.fd.isSet() && fd < 0)
        return false;
    switch (check.kind) {
        case Check::Kind::None:
            return true;
        case Check::Kind::Call:
            return std::any_of(evidence.calls.begin(), evidence.calls.end(),
                               [&](const ss::CallRecord& c) { return callMatches(check, c, fd); });
        case Check::Kind::Event:
            return std::any_of(
                evidence.events.begin(), evidence.events.end(),
                [&](const ss::SocketEvent& e) { return eventMatches(check, e, fd); });
        case Check::Kind::Received:
            return resolver.received(check.client).contains(check.text);
        case Check::Kind::Descriptor:
            return descriptorMatches(check, evidence.descriptors, fd);
        case Check::Kind::Cost: {
            const auto dear = evidence.cost.find({*check.backend, check.descriptors});
            const auto cheap = evidence.cost.find({*check.cheaperBackend, check.descriptors});
            return dear != evidence.cost.end() && cheap != evidence.cost.end() &&
                   dear->second > cheap->second;
        }
        case Check::Kind::All:
            return std::all_of(check.allOf.begin(), check.allOf.end(),
                               [&](const Check& part) { return holds(part, evidence, resolver); });
    }
    return false;
}

CheckJudge::CheckJudge(const Check& check)
    : m_parts(check.kind == Check::Kind::All ? check.allOf : std::vector<Check>{check}),
      m_held(m_parts.size(), false) {}

bool CheckJudge::judge(const Evidence& evidence, const Resolver& resolver) {
    for (size_t i = 0; i < m_parts.size(); ++i)
        if (!m_held[i])
            m_held[i] = holds(m_parts[i], evidence, resolver);
    return held();
}

bool CheckJudge::held() const {
    return std::all_of(m_held.begin(), m_held.end(), [](bool h) { return h; });
}

QString CheckJudge::pending() const {
    QStringList awaited;
    for (size_t i = 0; i < m_parts.size(); ++i)
        if (!m_held[i])
            awaited << m_parts[i].describe();
    return awaited.join(andJoiner());
}

}  // namespace lesson
