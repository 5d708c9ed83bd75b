// SPDX-License-Identifier: GPL-3.0-or-later
// Judging a step's check against what the trace has shown since the step began: the wait calls
// and socket events delivered, the latest descriptor snapshot, and what the lesson's clients
// received. A part of the check that held once stays held (a descriptor that was in the write
// set and left it again was seen there), so "all" means each part held at some point.
#pragma once

#include <QByteArray>
#include <QString>

#include <map>
#include <utility>
#include <vector>

#include "core/server/engine_config.h"
#include "core/trace/trace_types.h"
#include "ui/lessons/lesson.h"

namespace lesson {

struct Evidence {
    std::vector<ss::CallRecord> calls;  // wait calls only
    std::vector<ss::SocketEvent> events;
    std::vector<ss::DescriptorInfo> descriptors;  // the latest snapshot
    // The cost panel's cells measured during the step: (backend, descriptors) -> µs per call.
    std::map<std::pair<ss::BackendKind, int>, double> cost;
};

// Turns the lesson's names into what the trace knows.
class Resolver {
public:
    virtual ~Resolver() = default;
    // The descriptor, or -1 while it is not known (a client not yet accepted).
    virtual int fd(const FdRef& ref) const = 0;
    // Everything the client received since the step began.
    virtual QByteArray received(const QString& client) const = 0;

protected:
    Resolver() = default;
    Resolver(const Resolver&) = default;
    Resolver& operator=(const Resolver&) = default;
};

class CheckJudge {
public:
    explicit CheckJudge(const Check& check = Check());
    // Looks at the evidence again; returns true when the whole check holds now.
    bool judge(const Evidence& evidence, const Resolver& resolver);
    bool held() const;
    // What is still awaited, in English ("" once everything held).
    QString pending() const;

private:
    std::vector<Check> m_parts;  // the check's parts (one, unless it is "all")
    std::vector<bool> m_held;
};

// One part on its own, without latching.
bool holds(const Check& check, const Evidence& evidence, const Resolver& resolver);

}  // namespace lesson
